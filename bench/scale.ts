import { loadCountry, REFORM_DAY } from '../seeds/country';
import type { SqlRunner } from '../src/db/sql-runner';
import { NATION_CODE, NATIONAL_REGION, regionOfCode } from '../src/shared/region';
import { today } from '../src/shared/today';

/**
 * The national dataset at any scale, on Vietnam's real map: the country of seeds/country.ts
 * (loaded first when absent), then synthetic departments and agencies under today's 34
 * provinces (VN.HCM.S001), positions, quotas, `people` civil servants, their assignments,
 * vacancies, candidates, applications and offers, on today's units only: never on the units
 * that ended with the 2025 reform. Every count other than the 34 provinces scales with
 * people / 2,000,000, the communes too: below 2 M people the data sits on that share of the
 * 3,321 communes (each province's first ones by code, taken in turn), so that a unit holds as
 * much at every scale and the bench's figures compare across scales and with earlier runs.
 *
 * Generated inside PostgreSQL, set-based (generate_series, hashtext for a deterministic spread),
 * never row by row from JavaScript.
 */
export interface NationalOptions {
  people: number;
}

export interface NationalCounts {
  provinces: number;
  communes: number;
  departments: number;
  positions: number;
  seats: number;
  quotas: number;
  people: number;
  personCompetencies: number;
  primaryAssignments: number;
  endedAssignments: number;
  concurrentAssignments: number;
  vacancies: number;
  itVacancies: number;
  candidates: number;
  candidatesWithCompetencies: number;
  applications: number;
  offers: number;
  benchmarks: number;
  packages: number;
}

export const FULL_PEOPLE = 2_000_000;
/** Today's provinces and centrally-run cities (Resolution 202/2025/QH15). */
export const PROVINCES = 34;
/** Today's communes, wards and special zones: the map's, all of them at full scale. */
const FULL_COMMUNES = 3321;
const FULL_DEPARTMENTS = 700;
const FULL_VACANCIES = 100_000;
const FULL_CANDIDATES = 300_000;
const FULL_CANDIDATES_WITH_COMPETENCIES = 250_000;
const FULL_APPLICATIONS = 500_000;
/** Positions per unit, by kind. */
const POSITIONS_PER_COMMUNE = 10;
const POSITIONS_PER_DEPARTMENT = 25;
const POSITIONS_PER_PROVINCE = 20;
/** Share of people holding a PRIMARY assignment today, and the share of seats filled at most. */
const PRIMARY_SHARE = 0.92;
const MAX_FILL = 0.95;

const IT_FAMILIES = ['SOFTWARE_ENGINEER', 'DATA_SCIENTIST', 'AI_ENGINEER', 'INFORMATION_SECURITY', 'NETWORK_ENGINEER', 'SYSTEM_ADMINISTRATOR', 'IT_SUPPORT', 'DIGITAL_TRANSFORMATION_OFFICER'];
const SENIORITIES = ['JUNIOR', 'MID', 'SENIOR', 'LEAD'];
/** A legal base salary (lương cơ sở) to size pay offers. */
const BASE_SALARY = 2_340_000;

/**
 * Today's units under the nation (VN itself holds no seats). `valid_to is null`, not the code:
 * the pre-reform units are under VN too (VN.HO_CHI_MINH…), and the data must never be on them.
 */
const SCALE_UNIT = `(u.path <@ '${NATION_CODE}' and u.code <> '${NATION_CODE}' and u.valid_to is null)`;
/** Of those, the units the dataset is on: every one of them holds positions. */
const DATA_UNIT = `(${SCALE_UNIT} and exists (select 1 from position dp where dp.unit_id = u.id))`;

/**
 * A civil servant's sex and birth date, from the person's number `key` and the current year
 * (bound as a parameter): half women, and an age this year of 22 up to the statutory retirement
 * age in force (men 61, women 57 in 2026), as the sum of two uniform spreads of 25 (21) and 16
 * years, so that the pyramid rises from 22 to the late thirties, stays level to the late
 * forties and thins out towards retirement: fewer at both ends, as in a real civil service, and
 * a forecast that sees some retirements every year rather than a wall of them.
 */
function bornLateral(key: string): string {
  return `cross join lateral (select case when abs(hashtext('sex' || ${key})) % 2 = 0 then 'FEMALE' else 'MALE' end as sex) born_sex
     cross join lateral (select ?::int - 22 - abs(hashtext('age' || ${key})) % (case born_sex.sex when 'MALE' then 25 else 21 end)
                                - abs(hashtext('ag2' || ${key})) % 16 as birth_year) born_year
     cross join lateral (select born_sex.sex, born_year.birth_year,
                                make_date(born_year.birth_year, 1 + abs(hashtext('bm' || ${key})) % 12, 1 + abs(hashtext('bd' || ${key})) % 28) as birth_date) b`;
}

export function scaledCounts(people: number): { communes: number; departments: number; vacancies: number; candidates: number; candidatesWithCompetencies: number; applications: number } {
  const f = people / FULL_PEOPLE;
  const scaled = (full: number) => Math.max(1, Math.round(full * f));
  const candidates = scaled(FULL_CANDIDATES);
  return {
    communes: Math.min(FULL_COMMUNES, scaled(FULL_COMMUNES)), // the map has no more
    departments: scaled(FULL_DEPARTMENTS),
    vacancies: Math.max(20, Math.round(FULL_VACANCIES * f)),
    candidates,
    candidatesWithCompetencies: Math.min(candidates, scaled(FULL_CANDIDATES_WITH_COMPETENCIES)),
    applications: scaled(FULL_APPLICATIONS),
  };
}

export async function generateNationalData(run: SqlRunner, options: NationalOptions): Promise<NationalCounts> {
  const people = Math.floor(options.people);
  if (!Number.isInteger(people) || people < 1000) throw new Error('people must be a whole number of at least 1,000');
  const n = scaledCounts(people);
  const d = today();
  const year = Number(d.slice(0, 4));

  // Competencies: SCALE_1..20, reused when present.
  await run(
    `insert into competency (code, name, is_digital) select 'SCALE_' || i, 'Năng lực ' || i, i <= 14 from generate_series(1, 20) i on conflict (code) do nothing`,
  );
  // Their ids in code order, so the big inserts pick one by index instead of joining by code.
  const competencyIds = (await run<{ id: string }>(`select id from competency where code = any(?::text[]) order by substr(code, 7)::int`, [
    Array.from({ length: 20 }, (_, i) => `SCALE_${i + 1}`),
  ])).map((r) => String(r.id));

  // The map (one home: seeds/country.ts; a no-op when it is on file already), then departments
  // and agencies spread round-robin over today's provinces in code order.
  await loadCountry(run);
  const provinceCodes = (await run<{ code: string }>(
    `select u.code from org_unit u join org_unit n on n.id = u.parent_id and n.code = ? where u.valid_to is null order by u.code`,
    [NATION_CODE],
  )).map((r) => r.code);
  if (provinceCodes.length !== PROVINCES) throw new Error(`the country holds ${provinceCodes.length} provinces today, not ${PROVINCES}`);
  await run(
    `insert into org_unit (code, name, kind, parent_id, valid_from)
     select pr.code || '.S' || lpad(i::text, 3, '0'),
            case when i % 3 = 0 then 'Ban quản lý ' else 'Sở ' end || lpad(i::text, 3, '0'),
            case when i % 3 = 0 then 'AGENCY' else 'DEPARTMENT' end,
            pr.id, ?::date
     from generate_series(1, ?) i
     join org_unit pr on pr.code = (?::text[])[1 + (i - 1) % ?]`,
    [REFORM_DAY, n.departments, provinceCodes, PROVINCES],
  );

  // Positions: ~30 % IT (role family by unit and slot), categories 60/25/15, headcounts sized
  // so that the seats hold the PRIMARY share of people at no more than MAX_FILL. Their units:
  // the provinces, the departments, and the scale's communes (each province's r-th commune by
  // code before any province's (r+1)-th, so a tenth of the communes spreads over all provinces).
  const [{ n: mapCommunes }] = await run<{ n: number }>(`select count(*)::int as n from org_unit u where ${SCALE_UNIT} and u.kind in ('WARD', 'COMMUNE', 'TOWNSHIP')`);
  const communes = Math.min(n.communes, mapCommunes);
  const plannedPositions = PROVINCES * POSITIONS_PER_PROVINCE + communes * POSITIONS_PER_COMMUNE + n.departments * POSITIONS_PER_DEPARTMENT;
  const primaryTarget = Math.round(people * PRIMARY_SHARE);
  const meanHeadcount = primaryTarget / MAX_FILL / plannedPositions;
  await run(
    `with commune as (
       select c.id from (
         select u.id, row_number() over (partition by u.parent_id order by u.code) as r, pr.code as province
         from org_unit u join org_unit pr on pr.id = u.parent_id
         where ${SCALE_UNIT} and u.kind in ('WARD', 'COMMUNE', 'TOWNSHIP')) c
       order by c.r, c.province limit ?),
     unit as (
       select u.id, u.code, case when u.kind in ('WARD', 'COMMUNE', 'TOWNSHIP') then ? when u.kind in ('DEPARTMENT', 'AGENCY') then ? else ? end as slots
       from org_unit u
       where ${SCALE_UNIT} and (u.kind not in ('WARD', 'COMMUNE', 'TOWNSHIP') or u.id in (select id from commune)))
     insert into position (unit_id, title, category, role_family, seniority, pay_coefficient, headcount)
     select u.id,
            case when k % 10 in (1, 4, 7) then 'Chuyên viên CNTT ' else 'Chuyên viên ' end || k,
            case when h % 20 < 12 then 'CIVIL_SERVANT' when h % 20 < 17 then 'PUBLIC_EMPLOYEE' else 'CONTRACT' end,
            case when k % 10 in (1, 4, 7) then (?::text[])[1 + (u.id + k) % 8] else 'GENERAL_ADMINISTRATION' end,
            (?::text[])[1 + (h / 20) % 4],
            2.34 + ((h / 80) % 9) * 0.33,
            greatest(1, round(? * (0.5 + ((h / 720) % 101) / 100.0)))::int
     from unit u
     cross join lateral generate_series(1, u.slots) k
     cross join lateral (select abs(hashtext(u.code || '#' || k)) as h) hh`,
    [communes, POSITIONS_PER_COMMUNE, POSITIONS_PER_DEPARTMENT, POSITIONS_PER_PROVINCE, IT_FAMILIES, SENIORITIES, meanHeadcount],
  );
  const [{ seats, positions }] = await run<{ seats: number; positions: number }>(
    `select coalesce(sum(p.headcount), 0)::int as seats, count(*)::int as positions from position p join org_unit u on u.id = p.unit_id where ${SCALE_UNIT}`,
  );
  const primaries = Math.min(primaryTarget, Math.floor(seats * MAX_FILL));

  await run(
    `insert into position_requirement (position_id, competency_id, level)
     select p.id, (?::bigint[])[1 + (p.id * 7 + j * 3) % 20], 2 + abs(hashtext(p.id || ':' || j)) % 3
     from position p join org_unit u on u.id = p.unit_id and ${SCALE_UNIT}
     cross join generate_series(0, 1 + (p.id % 2)::int) j`,
    [competencyIds],
  );
  await run('analyze org_unit, position, competency');

  // Quotas: the current year's is every seat of the unit and category, so filling at most
  // MAX_FILL of the seats leaves most units a little quota; next year grows by 5 %.
  await run(
    `insert into establishment_quota (unit_id, year, category, headcount)
     select p.unit_id, y.year, p.category, case when y.next then ceil(sum(p.headcount) * 1.05)::int else sum(p.headcount)::int end
     from position p join org_unit u on u.id = p.unit_id and ${SCALE_UNIT}
     cross join (values (?::int, false), (?::int, true)) y(year, next)
     group by p.unit_id, p.category, y.year, y.next`,
    [year, year + 1],
  );

  // The seats to fill: the k-th seat of every position before the (k+1)-th of any, positions
  // in hash order, the first `primaries` of them. Filling never passes a position's headcount,
  // so no unit/category passes its current quota.
  const seatsSql = `
    select p.id as position_id, p.unit_id
    from position p join org_unit u on u.id = p.unit_id and ${SCALE_UNIT}
    cross join lateral generate_series(1, p.headcount) k
    order by k, hashtext('seat' || p.id), p.id
    limit ?`;

  // People: the holders first (home unit: their seat's unit), then those without a PRIMARY.
  await run(
    `insert into person (full_name, birth_year, birth_date, sex, home_unit_id)
     select 'Công chức ' || s.n, b.birth_year, b.birth_date, b.sex, s.unit_id
     from (select unit_id, row_number() over () as n from (${seatsSql}) x) s
     ${bornLateral('s.n')}`,
    [primaries, year],
  );
  await run(
    `insert into person (full_name, birth_year, birth_date, sex, home_unit_id)
     select 'Người lao động ' || i, b.birth_year, b.birth_date, b.sex, u.id
     from generate_series(1, ?) i
     join (select u.id, row_number() over (order by u.id) - 1 as n from org_unit u where ${DATA_UNIT} and u.kind in ('WARD', 'COMMUNE', 'TOWNSHIP')) u on u.n = i % ?
     ${bornLateral('i')}`,
    [people - primaries, communes, year],
  );
  await run(
    `insert into person_competency (person_id, competency_id, level)
     select pe.id, (?::bigint[])[1 + (pe.id * 3 + j * 7) % 20], 1 + abs(hashtext(pe.id || '/' || j)) % 5
     from person pe join org_unit u on u.id = pe.home_unit_id and ${SCALE_UNIT}
     cross join lateral generate_series(0, 1 + abs(hashtext('pc' || pe.id)) % 3) j`,
    [competencyIds],
  );
  await run('analyze person');

  // PRIMARY assignments today: the holders of each unit matched to that unit's seats, rank by rank.
  await run(
    `insert into assignment (person_id, position_id, kind, start_date)
     select pe.id, s.position_id, 'PRIMARY', ?::date - 60 - abs(hashtext('start' || pe.id)) % 4000
     from (select pe.id, pe.home_unit_id, row_number() over (partition by pe.home_unit_id order by pe.id) as r
           from person pe join org_unit u on u.id = pe.home_unit_id and ${SCALE_UNIT}
           where pe.full_name like 'Công chức %') pe
     join (select position_id, unit_id, row_number() over (partition by unit_id order by position_id) as r from (${seatsSql}) x) s
       on s.unit_id = pe.home_unit_id and s.r = pe.r`,
    [d, primaries],
  );
  await run('analyze assignment');

  // Ranked positions of the scale units, for picking by index.
  const rankedPositions = `(select p.id, p.is_it_specialist, row_number() over (order by p.id) - 1 as n from position p join org_unit u on u.id = p.unit_id and ${SCALE_UNIT})`;
  const rankedItPositions = `(select p.id, row_number() over (order by p.id) - 1 as n from position p join org_unit u on u.id = p.unit_id and ${SCALE_UNIT} where p.is_it_specialist)`;
  const [{ it_positions: itPositions }] = await run<{ it_positions: number }>(
    `select count(*) filter (where p.is_it_specialist)::int as it_positions from position p join org_unit u on u.id = p.unit_id and ${SCALE_UNIT}`,
  );

  // Ended PRIMARY assignments: one in ten holders had an earlier post, ended before the current one began.
  // Why it ended (illustrative mix): mostly a transfer; else they left (IT staff more often for
  // the private sector) or their contract ended, and were taken on again.
  await run(
    `insert into assignment (person_id, position_id, kind, start_date, end_date, end_reason, destination_sector)
     select a.person_id, rp.id, 'PRIMARY', e.end_date - 365 - abs(hashtext('ps' || a.person_id)) % 2000, e.end_date, r.reason,
            case when r.reason = 'RESIGNATION' then case when abs(hashtext('dest' || a.person_id)) % 100 < (case when rp.is_it_specialist then 70 else 30 end)
                                                    then 'PRIVATE' else 'PUBLIC' end end
     from assignment a
     cross join lateral (select case when abs(hashtext('why' || a.person_id)) % 100 < 60 then 'TRANSFER'
                                     when abs(hashtext('why' || a.person_id)) % 100 < 85 then 'RESIGNATION'
                                     when abs(hashtext('why' || a.person_id)) % 100 < 95 then 'CONTRACT_END' else 'OTHER' end as reason) r
     join position p on p.id = a.position_id join org_unit u on u.id = p.unit_id and ${SCALE_UNIT}
     cross join lateral (select a.start_date - 1 - abs(hashtext('pe' || a.person_id)) % 90 as end_date) e
     join ${rankedPositions} rp on rp.n = (a.person_id * 31) % ?
     where a.kind = 'PRIMARY' and a.end_date is null and abs(hashtext('past' || a.person_id)) % 10 = 0`,
    [positions],
  );
  // CONCURRENT (kiêm nhiệm): about 5 % of people, on another position.
  await run(
    `insert into assignment (person_id, position_id, kind, start_date)
     select a.person_id, rp.id, 'CONCURRENT', ?::date - 30 - abs(hashtext('cs' || a.person_id)) % 700
     from assignment a
     join position p on p.id = a.position_id join org_unit u on u.id = p.unit_id and ${SCALE_UNIT}
     join ${rankedPositions} rp on rp.n = (a.person_id * 17 + 5) % ?
     where a.kind = 'PRIMARY' and a.end_date is null and rp.id <> a.position_id
       and abs(hashtext('conc' || a.person_id)) % 1000 < ?`,
    [d, positions, Math.round((0.05 / PRIMARY_SHARE) * 1000)],
  );

  // Ended and concurrent assignments were not in the sample the statistics last saw: planned
  // as one row each, the counts at the end joined them by nested loops (11–19 s of the --quick load).
  await run('analyze assignment');

  // Benchmarks: PRIVATE p25/p50/p75 for every IT family × seniority, nationally and per province.
  await run(
    `insert into salary_benchmark (role_family, seniority, sector, region, p25, p50, p75, source, as_of)
     select f, s, 'PRIVATE', r, (m * 0.8)::bigint, m, (m * 1.25)::bigint, 'scale', make_date(?, 1, 1)
     from unnest(?::text[]) with ordinality fam(f, fi)
     cross join unnest(?::text[]) with ordinality sen(s, si)
     cross join unnest(?::text[]) r
     cross join lateral (select ((12000000 + 1500000 * si + 500000 * fi) * (0.8 + (abs(hashtext(r)) % 40) / 100.0))::bigint as m) pay
     on conflict do nothing`,
    [year, IT_FAMILIES, SENIORITIES, [NATIONAL_REGION, ...provinceCodes.map(regionOfCode)]],
  );
  await run(
    `insert into incentive_package (name, legal_basis, monthly_allowance, salary_percent_allowance, signing_bonus, min_service_years, eligible_role_families, valid_from)
     values ('Scale A', 'Nghị quyết quy mô', 5000000, 0, 0, 0, ?::text[], '2025-01-01'),
            ('Scale B', 'Nghị quyết quy mô', 1000000, 0.3, 60000000, 3, ?::text[], '2025-01-01')`,
    [IT_FAMILIES, IT_FAMILIES],
  );

  // Vacancies: every third on an IT position (so well over 20 % are IT), the rest anywhere.
  await run(
    `insert into vacancy (position_id, status, opened_on, filled_on, closed_on, incentive_package_id)
     select pos.id, st.status, st.opened_on,
            case when st.status = 'FILLED' then st.opened_on + 20 + i % 30 end,
            case when st.status = 'FILLED' then st.opened_on + 20 + i % 30 when st.status = 'CANCELLED' then st.opened_on + 10 + i % 20 end,
            case when pos.is_it_specialist then case i % 3 when 0 then (select id from incentive_package where name = 'Scale A' order by id desc limit 1)
                                                          when 1 then (select id from incentive_package where name = 'Scale B' order by id desc limit 1) end end
     from generate_series(0, ? - 1) i
     cross join lateral (select abs(hashtext('vac' || i)) as h) hh
     cross join lateral (select case when hh.h % 20 < 8 then 'OPEN' when hh.h % 20 < 11 then 'INTERVIEWING' when hh.h % 20 < 13 then 'OFFERED'
                                     when hh.h % 20 < 18 then 'FILLED' else 'CANCELLED' end as status,
                                (?::date - 60 - (hh.h / 20) % 500) as opened_on) st
     left join ${rankedItPositions} itp on i % 3 = 0 and itp.n = (i::bigint * 7919) % ?
     left join ${rankedPositions} anyp on i % 3 <> 0 and anyp.n = (i::bigint * 104729) % ?
     cross join lateral (select coalesce(itp.id, anyp.id) as id, itp.id is not null or coalesce(anyp.is_it_specialist, false) as is_it_specialist) pos`,
    [n.vacancies, d, Math.max(1, itPositions), positions],
  );

  // Candidates, the first ones with 3–5 competencies, recorded by communes and provinces.
  await run(
    `insert into candidate (full_name, current_sector, home_unit_id)
     select 'Ứng viên ' || i, case when i % 5 = 0 then 'PUBLIC' else 'PRIVATE' end, u.id
     from generate_series(1, ?) i
     join (select u.id, row_number() over (order by u.id) - 1 as n
           from org_unit u where ${DATA_UNIT} and u.kind in ('PROVINCE', 'CITY', 'WARD', 'COMMUNE', 'TOWNSHIP')) u on u.n = (i * 13) % ?`,
    [n.candidates, PROVINCES + communes],
  );
  const rankedCandidates = `(select c.id, row_number() over (order by c.id) - 1 as n from candidate c join org_unit u on u.id = c.home_unit_id and ${SCALE_UNIT} where c.full_name like 'Ứng viên %')`;
  await run(
    `insert into candidate_competency (candidate_id, competency_id, level)
     select c.id, (?::bigint[])[1 + (c.id * 3 + j * 7) % 20], 1 + abs(hashtext(c.id || '*' || j)) % 5
     from ${rankedCandidates} c
     cross join lateral generate_series(0, 2 + abs(hashtext('cc' || c.id)) % 3) j
     where c.n < ?`,
    [competencyIds, n.candidatesWithCompetencies],
  );
  await run('analyze vacancy, candidate');

  // Applications: candidate i % C, a distinct vacancy per round; every fifth reached OFFER.
  await run(
    `insert into application (candidate_id, vacancy_id, stage, applied_on)
     select c.id, v.id,
            case when i % 5 = 0 then 'OFFER'
                 else (array['APPLIED', 'SCREENING', 'INTERVIEW', 'REJECTED', 'WITHDRAWN'])[1 + abs(hashtext('st' || i)) % 5] end,
            v.opened_on + abs(hashtext('ap' || i)) % 30
     from generate_series(0, ? - 1) i
     join ${rankedCandidates} c on c.n = i % ?
     join (select v.id, v.opened_on, row_number() over (order by v.id) - 1 as n
           from vacancy v join position p on p.id = v.position_id join org_unit u on u.id = p.unit_id and ${SCALE_UNIT}) v
       on v.n = ((i % ?) * 7 + (i / ?) * 13) % ?
     on conflict (candidate_id, vacancy_id) do nothing`,
    [n.applications, n.candidates, n.candidates, n.candidates, n.vacancies],
  );
  await run('analyze application');

  // Offers on the OFFER-stage applications; pay_ratio against the national PRIVATE p50.
  await run(
    `insert into offer (application_id, monthly_pay, incentive_package_id, status, decline_reason, pay_ratio, offered_on, decided_on)
     select a.id, pay.monthly_pay, v.incentive_package_id, s.status,
            case when s.status = 'DECLINED' then (array['PAY', 'LOCATION', 'WORKLOAD', 'CAREER', 'OTHER'])[1 + (s.h / 20) % 5] end,
            pay.monthly_pay::float8 / b.p50,
            a.applied_on + 7 + s.h % 14,
            case when s.status <> 'PENDING' then a.applied_on + 21 + s.h % 10 end
     from application a
     join vacancy v on v.id = a.vacancy_id
     join position p on p.id = v.position_id join org_unit u on u.id = p.unit_id and ${SCALE_UNIT}
     cross join lateral (select abs(hashtext('of' || a.id)) as h) hh
     cross join lateral (select hh.h as h, case when hh.h % 20 < 6 then 'PENDING' when hh.h % 20 < 15 then 'ACCEPTED' else 'DECLINED' end as status) s
     cross join lateral (select round(p.pay_coefficient * ? * (1.5 + (hh.h / 100) % 150 / 100.0))::bigint as monthly_pay) pay
     left join lateral (select sb.p50 from salary_benchmark sb
                        where sb.role_family = p.role_family and sb.seniority = p.seniority and sb.sector = 'PRIVATE' and sb.region = 'VN'
                        order by sb.as_of desc limit 1) b on true
     where a.stage = 'OFFER'`,
    [BASE_SALARY],
  );
  await run('analyze offer');

  return countNationalData(run);
}

/** What the units the dataset is on (today's units under VN holding positions) hold now. */
export async function countNationalData(run: SqlRunner): Promise<NationalCounts> {
  const d = today();
  const [row] = await run<Record<string, number>>(
    `with su as (select u.id, u.kind from org_unit u where ${DATA_UNIT}),
          sp as (select p.id, p.headcount, p.is_it_specialist from position p join su on su.id = p.unit_id),
          sv as (select v.id, sp.is_it_specialist from vacancy v join sp on sp.id = v.position_id),
          sc as (select c.id from candidate c join su on su.id = c.home_unit_id),
          sa as (select a.id from application a join sv on sv.id = a.vacancy_id)
     select (select count(*) from su where kind in ('PROVINCE', 'CITY'))::int as provinces,
            (select count(*) from su where kind in ('WARD', 'COMMUNE', 'TOWNSHIP'))::int as communes,
            (select count(*) from su where kind in ('DEPARTMENT', 'AGENCY'))::int as departments,
            (select count(*) from sp)::int as positions,
            (select coalesce(sum(headcount), 0) from sp)::int as seats,
            (select count(*) from establishment_quota q join su on su.id = q.unit_id)::int as quotas,
            (select count(*) from person pe join su on su.id = pe.home_unit_id)::int as people,
            (select count(*) from person_competency pc join person pe on pe.id = pc.person_id join su on su.id = pe.home_unit_id)::int as "personCompetencies",
            (select count(*) from assignment a join sp on sp.id = a.position_id where a.kind = 'PRIMARY' and a.end_date is null and a.start_date <= ?::date)::int as "primaryAssignments",
            (select count(*) from assignment a join sp on sp.id = a.position_id where a.end_date is not null)::int as "endedAssignments",
            (select count(*) from assignment a join sp on sp.id = a.position_id where a.kind = 'CONCURRENT')::int as "concurrentAssignments",
            (select count(*) from sv)::int as vacancies,
            (select count(*) from sv where is_it_specialist)::int as "itVacancies",
            (select count(*) from sc)::int as candidates,
            (select count(distinct cc.candidate_id) from candidate_competency cc join sc on sc.id = cc.candidate_id)::int as "candidatesWithCompetencies",
            (select count(*) from sa)::int as applications,
            (select count(*) from offer o join sa on sa.id = o.application_id)::int as offers,
            (select count(*) from salary_benchmark where source = 'scale')::int as benchmarks,
            (select count(*) from incentive_package where name in ('Scale A', 'Scale B'))::int as packages`,
    [d],
  );
  return row as unknown as NationalCounts;
}
