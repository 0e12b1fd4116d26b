import { Role } from '../src/graphql/enums';
import { startTestServer, TestServer } from './helpers/harness';
import { IT_FAMILIES } from './helpers/attraction-world';

/**
 * A simulation over many vacancies: one fetch, computed in memory, with a constant number of
 * statements. 40 districts × 10 wards, 2,000 IT positions with distinct coefficients, 10,000
 * vacancies spread over them, a third under a package. Its speed (100,000 vacancies) is
 * measured by `npm run bench`, not here: timings do not belong in tests on a noisy machine.
 */
describe('simulation at scale', () => {
  let server: TestServer;
  let admin: string;
  const VACANCIES = 10_000;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.token(Role.ADMIN);
    const run = server.sql;
    await run(`insert into base_salary (effective_from, monthly_amount) values ('2024-07-01', 2340000) on conflict (effective_from) do nothing`);
    await run(`insert into org_unit (code, name, kind) values ('BIG', 'Tỉnh Lớn', 'PROVINCE')`);
    await run(`insert into org_unit (code, name, kind, parent_id) select 'BIG.D' || d, 'Huyện ' || d, 'DISTRICT', (select id from org_unit where code = 'BIG') from generate_series(1, 40) d`);
    await run(`insert into org_unit (code, name, kind, parent_id) select 'BIG.D' || d || '.W' || w, 'Phường ' || w, 'WARD', (select id from org_unit where code = 'BIG.D' || d) from generate_series(1, 40) d, generate_series(1, 10) w`);
    await run(
      `insert into position (unit_id, title, category, role_family, seniority, pay_coefficient, headcount)
       select u.id, 'IT ' || i, 'CIVIL_SERVANT', (?::text[])[1 + i % 8], (array['JUNIOR','MID','SENIOR','LEAD'])[1 + i % 4], 2.34 + (i % 2000) * 0.003, 1
       from generate_series(0, 1999) i join org_unit u on u.code = 'BIG.D' || (1 + i % 40) || '.W' || (1 + (i / 40) % 10)`,
      [IT_FAMILIES],
    );
    await run(
      `insert into salary_benchmark (role_family, seniority, sector, region, p50, source, as_of)
       select f, s, 'PRIVATE', 'VN', 10000000 + 1000000 * (array_position(?::text[], f) + 3 * array_position(array['JUNIOR','MID','SENIOR','LEAD'], s)), 'perf', '2025-01-01'
       from unnest(?::text[]) f, unnest(array['JUNIOR','MID','SENIOR','LEAD']) s`,
      [IT_FAMILIES, IT_FAMILIES],
    );
    await run(
      `insert into incentive_package (name, monthly_allowance, salary_percent_allowance, signing_bonus, min_service_years, eligible_role_families, valid_from)
       values ('A', 5000000, 0, 0, 0, ?::text[], '2025-01-01'), ('B', 1000000, 0.3, 60000000, 3, ?::text[], '2025-01-01')`,
      [IT_FAMILIES, IT_FAMILIES],
    );
    await run(
      `insert into vacancy (position_id, status, opened_on, incentive_package_id)
       select p.id, (array['OPEN','INTERVIEWING','OFFERED'])[1 + i % 3], '2026-01-01',
              case i % 3 when 0 then (select id from incentive_package where name = 'A') when 1 then (select id from incentive_package where name = 'B') end
       from generate_series(0, ? - 1) i join position p on p.title = 'IT ' || (i % 2000)`,
      [VACANCIES],
    );
    await run('analyze');
  }, 120_000);
  afterAll(() => server.close());

  it(`simulates ${VACANCIES.toLocaleString('en')} vacancies with the statements of a small scope`, async () => {
    const query = `query($input: SimulatePolicyInput!) { simulatePolicy(input: $input) { vacanciesConsidered baseline { expectedHires expectedHiresLow expectedHiresHigh method annualIncentiveCost } scenario { expectedHires annualIncentiveCost } byUnit { unit { code } vacanciesConsidered scenario { method } } } }`;
    const input = { unitCode: 'BIG', asOf: '2026-06-01', changes: { monthlyAllowanceDelta: 2_000_000 } };
    const res = await server.gql(query, { input }, admin);
    expect(res.errors).toBeUndefined();
    const sim = res.data.simulatePolicy;
    expect(sim.vacanciesConsidered).toBe(VACANCIES);
    expect(sim.baseline.method).toBe('NORMAL'); // more than 2,000 trials: normal approximation
    expect(sim.byUnit).toHaveLength(40);
    expect(sim.byUnit.every((u: any) => u.vacanciesConsidered === 250 && u.scenario.method === 'EXACT')).toBe(true);
    const small = await server.gql(query, { input: { ...input, unitCode: 'BIG.D1' } }, admin);
    expect(small.data.simulatePolicy.vacanciesConsidered).toBe(250);
    expect(res.statements).toBe(small.statements); // one fetch, whatever the scope's size

    for (const steps of [11, 101]) {
      const curve = await server.gql(`query($input: SimulatePolicyInput!, $steps: Int) { policyCurve(input: $input, steps: $steps) { expectedHires } }`, { input, steps }, admin);
      expect(curve.data.policyCurve).toHaveLength(steps);
      expect(curve.statements).toBeLessThanOrEqual(res.statements);
    }
  });
});
