import type { SqlRunner } from '../src/db/sql-runner';
import { today } from '../src/shared/today';

export interface Scale {
  /** Wards of the PLAN region, one open vacancy each. */
  wards: number;
  /** Candidates recorded in the PLAN region. */
  candidates: number;
  /** Of those, how many hold a live application (the placement plan's candidates). */
  applicants: number;
  /** IT vacancies of the SIM region. */
  simVacancies: number;
}

const IT_FAMILIES = ['SOFTWARE_ENGINEER', 'DATA_SCIENTIST', 'AI_ENGINEER', 'INFORMATION_SECURITY', 'NETWORK_ENGINEER', 'SYSTEM_ADMINISTRATOR', 'IT_SUPPORT', 'DIGITAL_TRANSFORMATION_OFFICER'];

/**
 * Synthetic data generated inside PostgreSQL, set-based (generate_series, hashtext for a
 * deterministic spread), never row by row from JavaScript.
 */
export async function generateBenchData(run: SqlRunner, scale: Scale): Promise<{ matchPositionId: string }> {
  const year = Number(today().slice(0, 4));
  const districts = Math.max(1, Math.round(scale.wards / 25));
  const wardsPerDistrict = Math.ceil(scale.wards / districts);

  await run(`insert into competency (code, name, is_digital) select 'BSKILL_' || i, 'Kỹ năng ' || i, true from generate_series(1, 20) i`);
  // PLAN: the region of the placement plan, matching and the staffing gap.
  await run(`insert into org_unit (code, name, kind) values ('PLAN', 'Tỉnh Kế Hoạch', 'PROVINCE')`);
  await run(
    `insert into org_unit (code, name, kind, parent_id) select 'PLAN.D' || d, 'Huyện ' || d, 'DISTRICT', (select id from org_unit where code = 'PLAN') from generate_series(1, ?) d`,
    [districts],
  );
  await run(
    `insert into org_unit (code, name, kind, parent_id)
     select 'PLAN.D' || d || '.W' || w, 'Phường ' || w, 'WARD', (select id from org_unit where code = 'PLAN.D' || d)
     from generate_series(1, ?) d, generate_series(1, ?) w`,
    [districts, wardsPerDistrict],
  );
  await run(
    `insert into establishment_quota (unit_id, year, category, headcount) select id, ?, 'CIVIL_SERVANT', 8 from org_unit where code like 'PLAN.%.W%'`,
    [year],
  );
  await run(
    `insert into position (unit_id, title, category, role_family, seniority, pay_coefficient, headcount)
     select u.id, 'Vị trí ' || k, 'CIVIL_SERVANT', (?::text[])[1 + (u.id + k) % 8], 'MID', 2.67, 2
     from org_unit u, generate_series(1, 2) k where u.code like 'PLAN.%.W%'`,
    [IT_FAMILIES],
  );
  // Three distinct required competencies per position, spread by hash.
  await run(
    `insert into position_requirement (position_id, competency_id, level)
     select p.id, c.id, 2 + abs(hashtext(p.id || ':' || j)) % 3
     from position p join org_unit u on u.id = p.unit_id and u.code like 'PLAN.%'
     cross join generate_series(0, 2) j
     join competency c on c.code = 'BSKILL_' || (1 + (p.id * 7 + j * 5) % 20)
     on conflict do nothing`,
  );
  // Staff: one PRIMARY incumbent per position, with three competencies.
  await run(`insert into person (full_name, home_unit_id) select 'Cán bộ ' || p.id, p.unit_id from position p join org_unit u on u.id = p.unit_id and u.code like 'PLAN.%'`);
  await run(
    `insert into assignment (person_id, position_id, kind, start_date)
     select pe.id, p.id, 'PRIMARY', '2020-01-01' from position p join person pe on pe.full_name = 'Cán bộ ' || p.id`,
  );
  await run(
    `insert into person_competency (person_id, competency_id, level)
     select pe.id, c.id, 1 + abs(hashtext(pe.id || '/' || j)) % 5
     from person pe cross join generate_series(0, 2) j join competency c on c.code = 'BSKILL_' || (1 + (pe.id * 3 + j * 7) % 20)
     where pe.full_name like 'Cán bộ %'`,
  );
  // One open vacancy per ward, on its first position.
  await run(
    `insert into vacancy (position_id, status, opened_on)
     select min(p.id), 'OPEN', ?::date - (abs(hashtext(min(p.id)::text)) % 400) from position p join org_unit u on u.id = p.unit_id and u.code like 'PLAN.%' group by p.unit_id`,
    [today()],
  );
  await run(
    `insert into candidate (full_name, current_sector, home_unit_id)
     select 'Ứng viên ' || i, case when i % 5 = 0 then 'PUBLIC' else 'PRIVATE' end,
            (select id from org_unit where code = 'PLAN.D' || (1 + i % ?) || '.W' || (1 + (i / ?) % ?))
     from generate_series(1, ?) i`,
    [districts, districts, wardsPerDistrict, scale.candidates],
  );
  await run(
    `insert into candidate_competency (candidate_id, competency_id, level)
     select c.id, k.id, 1 + abs(hashtext(c.id || '*' || j)) % 5
     from candidate c join org_unit u on u.id = c.home_unit_id and u.code like 'PLAN.%'
     cross join generate_series(0, 5) j join competency k on k.code = 'BSKILL_' || (1 + abs(hashtext(c.id || '~' || j)) % 20)
     on conflict do nothing`,
  );
  await run(
    `insert into application (candidate_id, vacancy_id, stage, applied_on)
     select c.id, v.id, 'APPLIED', v.opened_on
     from (select c.id, row_number() over (order by c.id) as n from candidate c join org_unit u on u.id = c.home_unit_id and u.code like 'PLAN.%'
           order by c.id limit ?) c
     join (select v.id, v.opened_on, row_number() over (order by v.id) - 1 as n, count(*) over () as total
           from vacancy v join position p on p.id = v.position_id join org_unit u on u.id = p.unit_id and u.code like 'PLAN.%') v on v.n = c.n % v.total`,
    [scale.applicants],
  );

  // SIM: the region of the policy simulation.
  await run(`insert into org_unit (code, name, kind) values ('SIM', 'Tỉnh Mô Phỏng', 'PROVINCE')`);
  await run(`insert into org_unit (code, name, kind, parent_id) select 'SIM.D' || d, 'Huyện ' || d, 'DISTRICT', (select id from org_unit where code = 'SIM') from generate_series(1, 40) d`);
  await run(
    `insert into org_unit (code, name, kind, parent_id) select 'SIM.D' || d || '.W' || w, 'Phường ' || w, 'WARD', (select id from org_unit where code = 'SIM.D' || d)
     from generate_series(1, 40) d, generate_series(1, 10) w`,
  );
  await run(
    `insert into position (unit_id, title, category, role_family, seniority, pay_coefficient, headcount)
     select u.id, 'IT ' || i, 'CIVIL_SERVANT', (?::text[])[1 + i % 8], (array['JUNIOR','MID','SENIOR','LEAD'])[1 + i % 4], 2.34 + (i % 9) * 0.33, 1
     from generate_series(0, 1999) i join org_unit u on u.code = 'SIM.D' || (1 + i % 40) || '.W' || (1 + (i / 40) % 10)`,
    [IT_FAMILIES],
  );
  await run(
    `insert into salary_benchmark (role_family, seniority, sector, region, p50, source, as_of)
     select f, s, 'PRIVATE', 'VN', 12000000 + 1500000 * array_position(array['JUNIOR','MID','SENIOR','LEAD'], s) + 500000 * array_position(?::text[], f), 'bench', '2025-01-01'
     from unnest(?::text[]) f, unnest(array['JUNIOR','MID','SENIOR','LEAD']) s`,
    [IT_FAMILIES, IT_FAMILIES],
  );
  await run(
    `insert into incentive_package (name, monthly_allowance, salary_percent_allowance, signing_bonus, min_service_years, eligible_role_families, valid_from)
     values ('Bench A', 5000000, 0, 0, 0, ?::text[], '2025-01-01'), ('Bench B', 1000000, 0.3, 60000000, 3, ?::text[], '2025-01-01')`,
    [IT_FAMILIES, IT_FAMILIES],
  );
  await run(
    `insert into vacancy (position_id, status, opened_on, incentive_package_id)
     select p.id, (array['OPEN','INTERVIEWING','OFFERED'])[1 + i % 3], '2026-01-01',
            case i % 3 when 0 then (select id from incentive_package where name = 'Bench A') when 1 then (select id from incentive_package where name = 'Bench B') end
     from generate_series(0, ? - 1) i join position p on p.title = 'IT ' || (i % 2000)`,
    [scale.simVacancies],
  );
  await run('analyze');
  const [position] = await run<{ id: string }>(`select p.id from position p join org_unit u on u.id = p.unit_id where u.code like 'PLAN.%' order by p.id limit 1`);
  return { matchPositionId: String(position.id) };
}

/**
 * Wards REORG.W1..n, in a region of their own (so the other cases' data stay as they were), for
 * the reorganisation case: each with 1,000 positions of 2 seats, 2,000 people holding them
 * (PRIMARY since 2020), a requirement per position, a quota and 100 open vacancies. Each is
 * merged once (a reorganisation ends its unit), so each run gets its own.
 */
export async function generateReorganisationWards(run: SqlRunner, wards: number): Promise<string[]> {
  const year = Number(today().slice(0, 4));
  const codes: string[] = [];
  await run(`insert into org_unit (code, name, kind) values ('REORG', 'Tỉnh Sáp Nhập', 'PROVINCE')`);
  for (let k = 1; k <= wards; k++) {
    const code = `REORG.W${k}`;
    codes.push(code);
    const [unit] = await run<{ id: string }>(
      `insert into org_unit (code, name, kind, parent_id) values (?, ?, 'WARD', (select id from org_unit where code = 'REORG')) returning id`,
      [code, `Phường Sáp Nhập ${k}`],
    );
    await run(`insert into establishment_quota (unit_id, year, category, headcount) values (?, ?, 'CIVIL_SERVANT', 2000), (?, ?, 'CIVIL_SERVANT', 2000)`, [unit.id, year, unit.id, year + 1]);
    await run(
      `insert into position (unit_id, title, category, role_family, seniority, pay_coefficient, headcount)
       select ?, 'Vị trí ' || i, 'CIVIL_SERVANT', (?::text[])[1 + i % 8], 'MID', 2.67, 2 from generate_series(1, 1000) i`,
      [unit.id, IT_FAMILIES],
    );
    await run(
      `insert into position_requirement (position_id, competency_id, level)
       select p.id, c.id, 2 from position p join competency c on c.code = 'BSKILL_' || (1 + p.id % 20) where p.unit_id = ?`,
      [unit.id],
    );
    await run(`insert into person (full_name, home_unit_id) select 'Cán bộ ' || ? || ' ' || i, ? from generate_series(1, 2000) i`, [code, unit.id]);
    await run(
      `insert into assignment (person_id, position_id, kind, start_date)
       select pe.id, p.id, 'PRIMARY', '2020-01-01'
       from (select id, row_number() over (order by id) as n from person where home_unit_id = ?) pe
       join (select id, row_number() over (order by id) as n from position where unit_id = ?) p on p.n = (pe.n + 1) / 2`,
      [unit.id, unit.id],
    );
    await run(`insert into vacancy (position_id, status, opened_on) select id, 'OPEN', ?::date - 30 from position where unit_id = ? and id % 10 = 0`, [today(), unit.id]);
  }
  await run('analyze');
  return codes;
}
