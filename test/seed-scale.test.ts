import { FloorRow, STAFFING_GAP_FLOOR_SQL } from '../bench/floor';
import type { EntityManager } from '@mikro-orm/postgresql';
import { generateNationalData, NationalCounts, scaledCounts } from '../bench/scale';
import { refusalOf } from '../scripts/seed-scale';
import { loadCountry } from '../seeds/country';
import { Role } from '../src/graphql/enums';
import { fromGlobalId, toGlobalId } from '../src/graphql/global-id';
import { SqlRunner, sqlRunnerFor } from '../src/db/sql-runner';
import { staffingGapFigures } from '../src/modules/staffing/staffing-gap.sql';
import { today } from '../src/shared/today';
import { FORECAST_ROLLUP_MISMATCHES_SQL, FORECAST_SUMMARY_MISMATCHES_SQL } from './helpers/forecast-summary';
import { startTestServer, TestServer } from './helpers/harness';

const PEOPLE = 20_000;

/** The values of $1, $2 … in the order they occur, for a runner that takes `?` placeholders. */
function floorParams(sql: string, values: unknown[]): unknown[] {
  return [...sql.matchAll(/\$(\d)/g)].map((m) => values[Number(m[1]) - 1]);
}

/** The units the dataset may be on: today's, under the nation. */
const TODAY = `u.path <@ 'VN' and u.code <> 'VN' and u.valid_to is null`;

describe('seed:scale — the national dataset on the real map, at a tiny scale', () => {
  let server: TestServer;
  let counts: NationalCounts;
  const refusals: Record<'countryOnly' | 'beside' | 'besideForced', string | null> = { countryOnly: 'unset', beside: 'unset', besideForced: 'unset' };
  const year = Number(today().slice(0, 4));

  beforeAll(async () => {
    server = await startTestServer();
    // As after `npm run seed -- --country`, then with a unit of the demo's beside it.
    await server.orm.em.fork().transactional((tx) => loadCountry(sqlRunnerFor(tx as EntityManager)));
    refusals.countryOnly = await refusalOf(server.sql, false);
    await server.sql(`insert into org_unit (code, name, kind) values ('BN', 'Tỉnh Bắc Ninh', 'PROVINCE')`);
    refusals.beside = await refusalOf(server.sql, false);
    refusals.besideForced = await refusalOf(server.sql, true);
    counts = await generateNationalData(server.sql, { people: PEOPLE });
    await server.sql('analyze');
  }, 180_000);

  afterAll(async () => {
    await server?.close();
  });

  it('puts the data on the real country: today\'s 34 provinces, the scaled communes and departments under the provinces', async () => {
    const expected = scaledCounts(PEOPLE);
    expect(counts.provinces).toBe(34);
    expect(counts.communes).toBe(expected.communes);
    expect(counts.departments).toBe(expected.departments);
    expect(expected.communes).toBe(33);
    expect(expected.departments).toBe(7);
    const [map] = await server.sql<{ today: number; communes: number; ended: number }>(
      `select count(*) filter (where valid_to is null)::int as today,
              count(*) filter (where valid_to is null and kind in ('WARD', 'COMMUNE'))::int as communes,
              count(*) filter (where valid_to = '2025-06-30')::int as ended
       from org_unit where path <@ 'VN'`,
    );
    // The nation, 34 provinces, 3,321 communes (test/country.test.ts holds the rest), and the departments.
    expect(map).toEqual({ today: 1 + 34 + 3321 + 7, communes: 3321, ended: 63 + 696 + 10034 });
    const rows = await server.sql<{ code: string; kind: string; parent_kind: string; parent_code: string; positions: number }>(
      `select u.code, u.kind, p.kind as parent_kind, p.code as parent_code, (select count(*) from position x where x.unit_id = u.id)::int as positions
       from org_unit u join org_unit p on p.id = u.parent_id where ${TODAY} order by u.code`,
    );
    const provinces = rows.filter((r) => r.parent_code === 'VN');
    expect(provinces.map((r) => r.code)).toEqual(expect.arrayContaining(['VN.HCM', 'VN.HNI', 'VN.BNH']));
    expect(provinces.every((r) => r.positions > 0)).toBe(true);
    const departments = rows.filter((r) => r.kind === 'DEPARTMENT' || r.kind === 'AGENCY');
    expect(departments).toHaveLength(7);
    expect(departments.every((r) => /^VN\.[A-Z]{3}\.S[0-9]{3}$/.test(r.code) && ['PROVINCE', 'CITY'].includes(r.parent_kind) && r.positions > 0)).toBe(true);
    // A tiny scale holds a share of the communes: each province's first by code, in turn, so
    // 33 communes are the first communes of 33 provinces.
    const communes = rows.filter((r) => r.kind === 'WARD' || r.kind === 'COMMUNE');
    const withData = communes.filter((r) => r.positions > 0);
    expect(withData).toHaveLength(33);
    expect(new Set(withData.map((r) => r.parent_code)).size).toBe(33);
    for (const c of withData) expect(communes.find((x) => x.parent_code === c.parent_code)!.code).toBe(c.code);
  });

  it('takes a database holding only the country, refuses units outside it unless forced, and refuses a second run', async () => {
    expect(refusals.countryOnly).toBeNull();
    expect(refusals.beside).toMatch(/1 org units outside the country.*--force/);
    expect(refusals.besideForced).toBeNull();
    expect(await refusalOf(server.sql, true)).toMatch(/the country already holds [0-9]+ positions and 20000 people/);
  });

  it('puts nothing on the units that ended on 2025-06-30', async () => {
    const [row] = await server.sql<Record<string, number>>(
      `with ended as (select id from org_unit where path <@ 'VN' and valid_to is not null)
       select (select count(*) from position where unit_id in (select id from ended))::int as positions,
              (select count(*) from establishment_quota where unit_id in (select id from ended))::int as quotas,
              (select count(*) from person where home_unit_id in (select id from ended))::int as people,
              (select count(*) from candidate where home_unit_id in (select id from ended))::int as candidates,
              (select count(*) from ended)::int as units`,
    );
    expect(row.units).toBeGreaterThan(10_000);
    expect({ ...row, units: 0 }).toEqual({ positions: 0, quotas: 0, people: 0, candidates: 0, units: 0 });
  });

  it('has people, competencies, positions in every unit it is on and quotas for two years', async () => {
    expect(counts.people).toBe(PEOPLE);
    expect(counts.personCompetencies).toBeGreaterThanOrEqual(PEOPLE * 2);
    expect(counts.personCompetencies).toBeLessThanOrEqual(PEOPLE * 4);
    const [row] = await server.sql<{ people_elsewhere: number; hcm_people: number; years: number[] }>(
      `select (select count(*) from person pe join org_unit u on u.id = pe.home_unit_id
               where not (${TODAY}) or not exists (select 1 from position p where p.unit_id = u.id))::int as people_elsewhere,
              (select count(*) from person pe join org_unit u on u.id = pe.home_unit_id where u.path <@ 'VN.HCM')::int as hcm_people,
              (select array_agg(distinct q.year order by q.year) from establishment_quota q join org_unit u on u.id = q.unit_id and ${TODAY}) as years`,
    );
    expect(row.people_elsewhere).toBe(0);
    expect(row.hcm_people).toBeGreaterThan(0);
    expect(row.years).toEqual([year, year + 1]);
  });

  it('fills most people PRIMARY, ~5 % CONCURRENT, some ended, never over the current quota', async () => {
    expect(counts.primaryAssignments).toBeGreaterThan(PEOPLE * 0.85);
    expect(counts.concurrentAssignments).toBeGreaterThan(PEOPLE * 0.03);
    expect(counts.concurrentAssignments).toBeLessThan(PEOPLE * 0.07);
    expect(counts.endedAssignments).toBeGreaterThan(0);
    const [over] = await server.sql<{ over: number; with_room: number; units: number }>(
      `with active as (
         select p.unit_id, p.category, count(*) as n
         from assignment a join position p on p.id = a.position_id
         where a.kind = 'PRIMARY' and a.start_date <= ?::date and (a.end_date is null or a.end_date >= ?::date)
         group by p.unit_id, p.category),
       per_unit as (
         select q.unit_id, sum(q.headcount) as quota, sum(coalesce(a.n, 0)) as filled
         from establishment_quota q left join active a on a.unit_id = q.unit_id and a.category = q.category
         where q.year = ? group by q.unit_id)
       select (select count(*) from active a left join establishment_quota q on q.unit_id = a.unit_id and q.category = a.category and q.year = ?
               where a.n > coalesce(q.headcount, 0))::int as over,
              (select count(*) from per_unit where filled < quota)::int as with_room,
              (select count(*) from per_unit)::int as units`,
      [today(), today(), year, year],
    );
    expect(over.over).toBe(0);
    // "Most units have a little quota left."
    expect(over.with_room).toBeGreaterThan(over.units / 2);
    // The exclusion constraint held every insert; say it in SQL too.
    const [overlap] = await server.sql<{ n: number }>(
      `select count(*)::int as n from assignment a join assignment b on a.person_id = b.person_id and a.id < b.id
       where a.kind = 'PRIMARY' and b.kind = 'PRIMARY' and daterange(a.start_date, a.end_date, '[]') && daterange(b.start_date, b.end_date, '[]')`,
    );
    expect(overlap.n).toBe(0);
  });

  it('has vacancies (≥ 20 % IT, every status), applications, offers, benchmarks and packages', async () => {
    const expected = scaledCounts(PEOPLE);
    expect(counts.vacancies).toBe(expected.vacancies);
    expect(counts.itVacancies / counts.vacancies).toBeGreaterThanOrEqual(0.2);
    const statuses = await server.sql<{ status: string }>(`select distinct status from vacancy order by status`);
    expect(statuses.map((s) => s.status)).toEqual(['CANCELLED', 'FILLED', 'INTERVIEWING', 'OFFERED', 'OPEN']);
    expect(counts.candidates).toBe(expected.candidates);
    expect(counts.candidatesWithCompetencies).toBe(expected.candidatesWithCompetencies);
    expect(counts.applications).toBe(expected.applications);
    expect(counts.offers).toBe(Math.ceil(expected.applications / 5));
    const [offers] = await server.sql<{ statuses: number; declined_without_reason: number; with_ratio: number }>(
      `select count(distinct status)::int as statuses,
              count(*) filter (where status = 'DECLINED' and decline_reason is null)::int as declined_without_reason,
              count(pay_ratio)::int as with_ratio from offer`,
    );
    expect(offers.statuses).toBe(3);
    expect(offers.declined_without_reason).toBe(0);
    expect(offers.with_ratio).toBeGreaterThan(0);
    expect(counts.benchmarks).toBe(8 * 4 * 35);
    expect(counts.packages).toBe(2);
  });

  it('gives ended assignments reasons (IT leavers more often to the private sector) and people sexes and birth dates', async () => {
    const [ended] = await server.sql<{ n: number; without: number }>(
      `select count(*)::int as n, count(*) filter (where end_reason is null)::int as without from assignment where end_date is not null`,
    );
    expect(ended.n).toBeGreaterThan(0);
    expect(ended.without).toBe(0);
    const shares = await server.sql<{ it: boolean; to_private: number }>(
      `select p.is_it_specialist as it, avg((a.destination_sector = 'PRIVATE')::int)::float as to_private
       from assignment a join position p on p.id = a.position_id where a.end_reason = 'RESIGNATION' group by p.is_it_specialist`,
    );
    expect(shares.find((r) => r.it)!.to_private).toBeGreaterThan(shares.find((r) => !r.it)!.to_private);
    const [people] = await server.sql<{ without: number; retiring: number }>(
      `select count(*) filter (where sex is null or birth_date is null)::int as without,
              (select count(retirement_date(x.sex, x.birth_date, x.birth_year))::int from (select * from person order by id limit 200) x) as retiring from person`,
    );
    expect(people.without).toBe(0);
    expect(people.retiring).toBeGreaterThan(0);
  });

  it('gives people an age pyramid of a civil service: 22 to retirement age, fewer at both ends', async () => {
    const rows = await server.sql<{ sex: string; youngest: number; oldest: number; ends: number; middle: number }>(
      `with aged as (select sex, ? - birth_year as age from person where full_name like 'Công chức %' or full_name like 'Người lao động %'),
            bounds as (select sex, min(age) as youngest, max(age) as oldest from aged group by sex)
       select b.sex, b.youngest::int, b.oldest::int,
              (count(*) filter (where a.age <= b.youngest + 1 or a.age >= b.oldest - 1))::int as ends,
              (count(*) filter (where a.age between 38 and 41))::int as middle
         from aged a join bounds b on b.sex = a.sex group by 1, 2, 3 order by 1`,
      [year],
    );
    expect(rows.map((r) => r.sex)).toEqual(['FEMALE', 'MALE']);
    for (const r of rows) {
      expect(r.youngest).toBe(22);
      expect(r.oldest).toBe(r.sex === 'MALE' ? 61 : 57);
      // The two youngest and two oldest years of age together hold far fewer than four middle years.
      expect(r.ends).toBeLessThan(r.middle / 4);
    }
  });

  it('keeps the forecast summaries equal to the assignments they count, after a bulk load', async () => {
    const [mismatches] = await server.sql<{ cohort: number; spans: number; cohort_members: number }>(FORECAST_SUMMARY_MISMATCHES_SQL);
    expect(mismatches).toEqual({ cohort: 0, spans: 0, cohort_members: counts.primaryAssignments });
  });

  it('keeps their roll-ups up the tree equal too, the nation counting every open PRIMARY below it', async () => {
    const [rollUp] = await server.sql<{ cohort_below: number; spans_below: number; staged: number }>(FORECAST_ROLLUP_MISMATCHES_SQL);
    expect(rollUp).toEqual({ cohort_below: 0, spans_below: 0, staged: 0 });
    // The nation holds no seat itself, so everything the load put below it is in its roll-up.
    const [nation] = await server.sql<{ members: number }>(
      `select coalesce(sum(b.members), 0)::int as members from forecast_cohort_below b join org_unit u on u.id = b.unit_id where u.code = 'VN'`,
    );
    expect(nation.members).toBe(counts.primaryAssignments);
  });

  it('answers staffingGap for a province over HTTP', async () => {
    const token = await server.token(Role.ADMIN);
    const response = await server.gql(
      `query ($unitCode: String!, $year: Int!) {
         staffingGap(unitCode: $unitCode, year: $year) { quota filled gap itSeatsPlanned itSeatsFilled concurrentCoverage children { quota filled } }
       }`,
      { unitCode: 'VN.HCM', year },
      token,
    );
    expect(response.errors).toBeUndefined();
    const gap = response.data.staffingGap;
    expect(gap.quota).toBeGreaterThan(0);
    expect(gap.filled).toBeGreaterThan(0);
    expect(gap.filled).toBeLessThanOrEqual(gap.quota);
    expect(gap.itSeatsPlanned).toBeGreaterThan(0);
    expect(gap.children.length).toBeGreaterThan(0);
  });

  it('answers staffingGap of the nation with its provinces as the bench\'s SQL floor does, in one statement', async () => {
    const token = await server.token(Role.ADMIN);
    const response = await server.gql(
      `query ($year: Int!) { staffingGap(unitCode: "VN", year: $year) { quota filled gap itGap children { unit { code } quota filled gap itGap } } }`,
      { year },
      token,
    );
    expect(response.errors).toBeUndefined();
    const gap = response.data.staffingGap;
    const floor = await server.sql<FloorRow>(STAFFING_GAP_FLOOR_SQL.replace(/\$1/g, '?').replace(/\$2/g, '?').replace(/\$3/g, '?'), floorParams(STAFFING_GAP_FLOOR_SQL, ['VN', today(), year]));
    const ours = [
      { child: null, quota: gap.quota, filled: gap.filled, gap: gap.gap, it_gap: gap.itGap },
      ...gap.children.map((c: any) => ({ child: c.unit.code, quota: c.quota, filled: c.filled, gap: c.gap, it_gap: c.itGap })),
    ];
    const theirs = floor.filter((r) => r.is_root || r.child !== null).map((r) => ({ child: r.is_root ? null : r.child, quota: r.quota, filled: r.filled, gap: r.gap, it_gap: r.it_gap }));
    expect(gap.children).toHaveLength(34);
    expect(gap.filled).toBeGreaterThan(0);
    expect(ours).toEqual(theirs);
    // The nation and its provinces in one pass: the unit lookup, the figures, the children's units.
    expect(response.statements).toBe(3);
  });

  it('lets the planner size the nation\'s subtree from its path, as it does for the floor', async () => {
    // Sized through the ltree join instead, the estimate was a few units per root at any depth,
    // and at the nation the planner looked up each position's assignments one by one (1.66× the
    // floor's p95 in the bench).
    const [nation] = await server.sql<{ id: string }>(`select id::text from org_unit where code = 'VN'`);
    // The subtree as of today: the units that ended with the reform are under VN too, and not counted.
    const [{ units }] = await server.sql<{ units: number }>(`select count(*)::int as units from org_unit where path <@ 'VN' and valid_to is null`);
    const plans: unknown[] = [];
    const explain: SqlRunner = async <Row,>(sql: string, params: readonly unknown[] = []) => {
      const [row] = await server.sql<{ 'QUERY PLAN': unknown }>(`explain (format json) ${sql}`, params);
      plans.push(row['QUERY PLAN']);
      return [] as Row[];
    };
    await staffingGapFigures(explain, { kind: 'unitAndChildren', unit: { id: nation.id, code: 'VN' } }, { year, asOf: today(), includeDescendants: true, figures: { concurrent: false, vacancies: false } });
    const scans: Array<Record<string, any>> = [];
    const walk = (node: Record<string, any>) => {
      if (node['Relation Name'] === 'org_unit' && /<@ ANY/.test(`${node.Filter ?? ''} ${node['Index Cond'] ?? ''} ${node['Recheck Cond'] ?? ''}`)) scans.push(node);
      for (const child of node.Plans ?? []) walk(child);
    };
    walk((plans[0] as Array<{ Plan: Record<string, any> }>)[0].Plan);
    expect(scans).toHaveLength(1);
    expect(scans[0]['Plan Rows']).toBeGreaterThan(units / 2);
  });

  it('computes a costlier figure asked for only deep in the tree, the same as asked for directly', async () => {
    const token = await server.token(Role.ADMIN);
    const tree = await server.gql(
      `query ($year: Int!) { staffingGap(unitCode: "VN", year: $year) { quota children { unit { code } children { unit { code } openVacancies concurrentCoverage itSeatsCoveredConcurrently } } } }`,
      { year },
      token,
    );
    expect(tree.errors).toBeUndefined();
    const deep = tree.data.staffingGap.children[0].children.slice(0, 3);
    expect(deep.length).toBeGreaterThan(0);
    for (const unit of deep) {
      const direct = await server.gql(
        `query ($code: String!, $year: Int!) { staffingGap(unitCode: $code, year: $year) { openVacancies concurrentCoverage itSeatsCoveredConcurrently } }`,
        { code: unit.unit.code, year },
        token,
      );
      expect({ code: unit.unit.code, ...direct.data.staffingGap }).toEqual({ code: unit.unit.code, openVacancies: unit.openVacancies, concurrentCoverage: unit.concurrentCoverage, itSeatsCoveredConcurrently: unit.itSeatsCoveredConcurrently });
    }
    expect(deep.some((u: any) => u.openVacancies > 0 || u.concurrentCoverage > 0)).toBe(true);
  });

  it('matches internal staff from the position\'s own province, under the nation root too, and candidates from the whole pool', async () => {
    const token = await server.token(Role.ADMIN);
    const [position] = await server.sql<{ id: string }>(
      `select p.id from position p join org_unit u on u.id = p.unit_id where u.path <@ 'VN.HCM' and u.code <> 'VN.HCM' order by p.id limit 1`,
    );
    // Two people who meet every requirement, one serving in Hồ Chí Minh City and one in Hà Nội:
    // at a tiny scale the synthetic staff alone may all rank below 100 candidates, and then
    // the result would say nothing about whose staff count as internal.
    const requirements = await server.sql<{ code: string }>(
      `select c.code from position_requirement r join competency c on c.id = r.competency_id where r.position_id = ? order by c.code`,
      [position.id],
    );
    expect(requirements.length).toBeGreaterThan(0);
    const serving: Record<string, string> = {};
    for (const province of ['VN.HCM', 'VN.HNI']) {
      const [seat] = await server.sql<{ id: string }>(
        `select p.id from position p join org_unit u on u.id = p.unit_id where u.path <@ ?::ltree and p.id <> ? order by p.id limit 1`,
        [province, position.id],
      );
      const created = await server.gql(
        `mutation ($input: CreatePersonInput!) { createPerson(input: $input) { person { id } userErrors { code } } }`,
        { input: { fullName: `Chuyên gia ${province}`, birthYear: 1990, competencies: requirements.map((r) => ({ competencyCode: r.code, level: 5 })) } },
        token,
      );
      expect(created.data.createPerson.userErrors).toEqual([]);
      const personId = created.data.createPerson.person.id;
      const assigned = await server.gql(
        `mutation ($input: AssignPersonInput!) { assignPerson(input: $input) { userErrors { code message } } }`,
        { input: { personId, positionId: toGlobalId('Position', seat.id), kind: 'CONCURRENT', startDate: today() } },
        token,
      );
      expect(assigned.data.assignPerson.userErrors).toEqual([]);
      serving[province] = fromGlobalId(personId)!.key;
    }
    const res = await server.gql(
      `query ($id: ID!) { matchCandidates(positionId: $id, first: 100) { score candidate { id } person { id } } }`,
      { id: toGlobalId('Position', position.id) },
      token,
    );
    expect(res.errors).toBeUndefined();
    const keys = (kind: 'candidate' | 'person') => res.data.matchCandidates.filter((m: any) => m[kind]).map((m: any) => fromGlobalId(m[kind].id)!.key);
    const people = keys('person');
    expect(people).toContain(serving['VN.HCM']);
    expect(people).not.toContain(serving['VN.HNI']);
    const [peopleOutside] = await server.sql<{ n: number }>(
      `select count(*)::int as n from unnest(?::bigint[]) x(id)
       where not exists (select 1 from assignment a join position p on p.id = a.position_id join org_unit u on u.id = p.unit_id
                         where a.person_id = x.id and u.path <@ 'VN.HCM')`,
      [people],
    );
    expect(peopleOutside.n).toBe(0);
    // An ADMIN sees every candidate, so the best ones come from any province.
    const [candidatesOutside] = await server.sql<{ n: number }>(
      `select count(*)::int as n from candidate c join org_unit h on h.id = c.home_unit_id where c.id = any(?::bigint[]) and not h.path <@ 'VN.HCM'`,
      [keys('candidate')],
    );
    expect(candidatesOutside.n).toBeGreaterThan(0);
  });
});
