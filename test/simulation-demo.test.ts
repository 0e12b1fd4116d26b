import { Role } from '../src/graphql/enums';
import { toGlobalId } from '../src/graphql/global-id';
import { createLogger } from '../src/logger';
import { seedIfEmpty } from '../src/app/seed';
import { AS_OF } from '../seeds/demo-data';
import { fitAcceptanceModel } from '../src/modules/simulation/acceptance-model';
import { startTestServer, TestServer } from './helpers/harness';

/** Halves away from zero, on decimal strings: no floating shortcut shared with the service. */
function round(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(Number(x.toPrecision(15))));
}

/** The README's what-if on the demo city: raise Decree 179/2025's allowance by 2,000,000 VND in HCMC. */
describe('policy simulation on the demo data', () => {
  let server: TestServer;
  let policymaker: string;
  let decree179: string;

  beforeAll(async () => {
    server = await startTestServer();
    await seedIfEmpty(server.orm, createLogger('silent'));
    policymaker = await server.token(Role.POLICYMAKER, 'VN.HCM');
    const [pkg] = await server.sql<{ id: string }>(`select id from incentive_package where legal_basis = 'Decree 179/2025/NĐ-CP'`);
    decree179 = toGlobalId('IncentivePackage', pkg.id);
  }, 180_000);
  afterAll(() => server.close());

  const OUTCOME = 'expectedHires expectedHiresLow expectedHiresHigh method expectedFillRate averagePayRatio annualIncentiveCost';

  it('fits the acceptance model on HCMC\'s own offers and prices +2,000,000 VND on Decree 179/2025', async () => {
    const res = await server.gql(
      `query($input: SimulatePolicyInput!) { simulatePolicy(input: $input) {
        unit { code name } asOf baseSalary vacanciesConsidered
        model { intercept slope fittedOn source reason }
        baseline { ${OUTCOME} } scenario { ${OUTCOME} }
        deltaExpectedHires costPerAdditionalHire
        byUnit { unit { code name } vacanciesConsidered baseline { expectedHires annualIncentiveCost } scenario { expectedHires annualIncentiveCost } deltaExpectedHires costPerAdditionalHire }
      } }`,
      { input: { unitCode: 'VN.HCM', asOf: AS_OF, changes: { incentivePackageId: decree179, monthlyAllowanceDelta: 2_000_000 } } },
      policymaker,
    );
    expect(res.errors).toBeUndefined();
    const sim = res.data.simulatePolicy;
    console.log(`simulatePolicy(HCM, Decree 179/2025 + 2,000,000 VND, asOf ${AS_OF}):\n${JSON.stringify(sim, null, 2)}`);
    expect(sim.model.source).toBe('FITTED');
    expect(sim.model.fittedOn).toBeGreaterThanOrEqual(20);
    expect(sim.model.slope).toBeGreaterThan(0);
    expect(sim.vacanciesConsidered).toBeGreaterThan(0);
    expect(sim.deltaExpectedHires).toBeGreaterThan(0);
    expect(sim.scenario.annualIncentiveCost).toBeGreaterThan(sim.baseline.annualIncentiveCost);
    expect(sim.costPerAdditionalHire).toBe(Math.round((sim.scenario.annualIncentiveCost - sim.baseline.annualIncentiveCost) / sim.deltaExpectedHires));
    const byUnitHires = sim.byUnit.reduce((s: number, u: any) => s + u.scenario.expectedHires, 0);
    expect(byUnitHires).toBeLessThanOrEqual(sim.scenario.expectedHires + 1e-9);

    const curve = await server.gql(
      `query($input: SimulatePolicyInput!) { policyCurve(input: $input, steps: 5) { fraction expectedHires annualIncentiveCost } }`,
      { input: { unitCode: 'VN.HCM', asOf: AS_OF, changes: { incentivePackageId: decree179, monthlyAllowanceDelta: 2_000_000 } } },
      policymaker,
    );
    expect(curve.errors).toBeUndefined();
    console.log(`policyCurve(HCM, Decree 179/2025 + 0 … 2,000,000 VND, 5 steps):\n${JSON.stringify(curve.data.policyCurve, null, 2)}`);
    const hires = curve.data.policyCurve.map((p: any) => p.expectedHires);
    for (let i = 1; i < hires.length; i++) expect(hires[i]).toBeGreaterThanOrEqual(hires[i - 1]);
  });

  it('agrees with a per-vacancy recomputation from the raw tables', async () => {
    const date = AS_OF;
    const units = await server.sql<{ id: string; code: string; valid_from: string | null; valid_to: string | null }>(`select id, code, valid_from, valid_to from org_unit`);
    const live = (u: { valid_from: string | null; valid_to: string | null }) => (u.valid_from === null || u.valid_from <= date) && (u.valid_to === null || u.valid_to >= date);
    const unitOf = new Map(units.map((u) => [String(u.id), u]));
    const vacancies = await server.sql<any>(
      `select v.status, v.incentive_package_id, p.role_family, p.seniority, p.pay_coefficient::text as coef, p.unit_id from vacancy v join position p on p.id = v.position_id`,
    );
    const benchmarks = await server.sql<any>(`select role_family, seniority, region, p50::float8 as p50, as_of from salary_benchmark where sector = 'PRIVATE'`);
    const packages = new Map((await server.sql<any>(`select id, monthly_allowance::float8 as a, salary_percent_allowance as s, signing_bonus::float8 as b, min_service_years as y, eligible_role_families as f, valid_from, valid_to from incentive_package`)).map((k) => [String(k.id), k]));
    const [{ base }] = await server.sql<{ base: number }>(`select monthly_amount::float8 as base from base_salary where effective_from <= ? order by effective_from desc limit 1`, [date]);
    const median = (family: string, seniority: string, region: string) => {
      for (const r of [region, 'VN']) {
        const found = benchmarks.filter((b) => b.role_family === family && b.seniority === seniority && b.region === r && b.as_of <= date).sort((a, b) => (a.as_of < b.as_of ? 1 : -1));
        if (found.length) return found[0].p50 as number;
      }
      return null;
    };
    const offers = await server.sql<any>(
      `select o.pay_ratio, o.status, p.unit_id from offer o join application a on a.id = o.application_id join vacancy v on v.id = a.vacancy_id join position p on p.id = v.position_id`,
    );
    const inScope = (unitId: string) => {
      const u = unitOf.get(String(unitId))!;
      return (u.code === 'VN.HCM' || (u.code.startsWith('VN.HCM.') && live(u)));
    };
    const model = fitAcceptanceModel(offers.filter((o) => inScope(o.unit_id) && (o.status === 'ACCEPTED' || o.status === 'DECLINED') && o.pay_ratio !== null).map((o) => ({ payRatio: o.pay_ratio, accepted: o.status === 'ACCEPTED' })));
    const p = (r: number) => 1 / (1 + Math.exp(-(model.intercept + model.slope * Math.log(r))));
    let n = 0, hiresB = 0, hiresS = 0, costB = 0, costS = 0;
    for (const v of vacancies) {
      if (!['OPEN', 'INTERVIEWING', 'OFFERED'].includes(v.status) || v.role_family === 'GENERAL_ADMINISTRATION' || !inScope(v.unit_id)) continue;
      const m = median(v.role_family, v.seniority, unitOf.get(String(v.unit_id))!.code.split('.')[1]);
      if (m === null) continue;
      const k = v.incentive_package_id ? packages.get(String(v.incentive_package_id)) : null;
      const counts = k && k.valid_from <= date && (k.valid_to === null || k.valid_to >= date) && k.f.includes(v.role_family);
      const coefPay = round(base * Number(v.coef));
      const pay = (a: number) => (counts ? round(coefPay * (1 + k.s)) + a + round(k.b / (12 * Math.max(k.y, 1))) : coefPay);
      const isD179 = counts && 'IncentivePackage:' + k.id === Buffer.from(decree179, 'base64url').toString();
      const before = pay(counts ? k.a : 0);
      const after = isD179 ? pay(k.a + 2_000_000) : before;
      n++;
      hiresB += p(before / m);
      hiresS += p(after / m);
      costB += p(before / m) * 12 * (before - coefPay);
      costS += p(after / m) * 12 * (after - coefPay);
    }
    const res = await server.gql(
      `query($input: SimulatePolicyInput!) { simulatePolicy(input: $input) { vacanciesConsidered model { intercept slope fittedOn } baseline { expectedHires annualIncentiveCost } scenario { expectedHires annualIncentiveCost } } }`,
      { input: { unitCode: 'VN.HCM', asOf: AS_OF, changes: { incentivePackageId: decree179, monthlyAllowanceDelta: 2_000_000 } } },
      policymaker,
    );
    const sim = res.data.simulatePolicy;
    expect(sim.model.fittedOn).toBe(model.fittedOn);
    expect(sim.model.intercept).toBeCloseTo(model.intercept, 10);
    expect(sim.model.slope).toBeCloseTo(model.slope, 10);
    expect(sim.vacanciesConsidered).toBe(n);
    expect(sim.baseline.expectedHires).toBeCloseTo(hiresB, 10);
    expect(sim.scenario.expectedHires).toBeCloseTo(hiresS, 10);
    expect(sim.baseline.annualIncentiveCost).toBe(Math.round(costB));
    expect(sim.scenario.annualIncentiveCost).toBe(Math.round(costS));
  });
});
