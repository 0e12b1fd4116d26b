import { Role } from '../src/graphql/enums';
import { toGlobalId } from '../src/graphql/global-id';
import { errorCode, startTestServer, TestServer } from './helpers/harness';
import { addOffers, AttractionWorld, buildAttractionWorld } from './helpers/attraction-world';

/**
 * simulatePolicy and policyCurve on test/helpers/attraction-world.ts. Every figure is worked out
 * by hand below, and checked against an independent restatement of the contract's formulas
 * (p = r⁴ / (1 + r⁴) is the default model 1 / (1 + exp(-4 ln r)) rewritten).
 *
 * On 2026-06-01 the base salary is 2,340,000, D179 counts (from 2025-08-15), TALENT has ended
 * (2026-03-31), the software-engineer median is REG's 12,000,000 (2026-01-01) and the
 * data-scientist median the national 20,000,000. Considered in REG: v1, v2, v3, v12 (REG.A and
 * its ward), v4, v5 (REG.B); not v6 (no private benchmark), v7 (not IT), v8/v9 (filled,
 * cancelled), v10 (its unit ended), v11 (outside REG).
 *
 * Baseline public monthly pay (coefficient pay: 2.34 → 5,475,600; 2.67 → 6,247,800; 3.00 → 7,020,000):
 *   v1  pA_se  D179                 5,475,600 + 5,000,000 = 10,475,600   r = 0.8729667   p = 0.367390
 *   v2  pA_se  TALENT (ended)       5,475,600                            r = 0.4563      p = 0.041550
 *   v3  pW1_se none                 6,247,800                            r = 0.52065     p = 0.068452
 *   v12 pW1_se DSONLY (ineligible)  6,247,800                            r = 0.52065     p = 0.068452
 *   v4  pB_ds  D179                 7,020,000 + 5,000,000 = 12,020,000   r = 0.601       p = 0.115409
 *   v5  pB_ds  DSONLY               7,020,000 + 2,000,000 =  9,020,000   r = 0.451       p = 0.039728
 *   expectedHires = 0.7009819; fill rate = 0.7009819 / 6 = 0.1168303; averagePayRatio = 3.4225667 / 6 = 0.5704278
 *   annualIncentiveCost = round(12 × (0.367390 × 5,000,000 + 0.115409 × 5,000,000 + 0.039728 × 2,000,000)) = 29,921,410
 */
const ASOF = '2026-06-01';

/** Independent restatement of the contract's formulas for hand-listed vacancies. */
interface Hand {
  pay: number;
  median: number;
  incentive: number;
}
const accept = (r: number, intercept = 0, slope = 4) => 1 / (1 + Math.exp(-(intercept + slope * Math.log(r))));
function expected(vacancies: Hand[], intercept = 0, slope = 4) {
  const ps = vacancies.map((v) => accept(v.pay / v.median, intercept, slope));
  const hires = ps.reduce((s, p) => s + p, 0);
  const cost = vacancies.reduce((s, v, i) => s + ps[i] * 12 * v.incentive, 0);
  return {
    expectedHires: hires,
    expectedFillRate: vacancies.length ? hires / vacancies.length : 0,
    averagePayRatio: vacancies.length ? vacancies.reduce((s, v) => s + v.pay / v.median, 0) / vacancies.length : 0,
    annualIncentiveCost: Math.round(cost),
    ps,
  };
}
/** The 5th and 95th percentiles of a Poisson-binomial count, by enumerating every outcome. */
function bruteForceInterval(ps: number[]): [number, number] {
  const pmf = new Array(ps.length + 1).fill(0);
  for (let mask = 0; mask < 1 << ps.length; mask++) {
    let pr = 1;
    let k = 0;
    ps.forEach((p, i) => {
      if (mask & (1 << i)) { pr *= p; k++; } else pr *= 1 - p;
    });
    pmf[k] += pr;
  }
  const quantile = (q: number) => {
    let c = 0;
    for (let k = 0; k < pmf.length; k++) if ((c += pmf[k]) >= q - 1e-12) return k;
    return ps.length;
  };
  return [quantile(0.05), quantile(0.95)];
}

const BASELINE: Hand[] = [
  { pay: 10_475_600, median: 12_000_000, incentive: 5_000_000 }, // v1
  { pay: 5_475_600, median: 12_000_000, incentive: 0 }, // v2
  { pay: 6_247_800, median: 12_000_000, incentive: 0 }, // v3
  { pay: 6_247_800, median: 12_000_000, incentive: 0 }, // v12
  { pay: 12_020_000, median: 20_000_000, incentive: 5_000_000 }, // v4
  { pay: 9_020_000, median: 20_000_000, incentive: 2_000_000 }, // v5
];

const OUTCOME = 'expectedHires expectedFillRate averagePayRatio annualIncentiveCost expectedHiresLow expectedHiresHigh method';
const SIMULATE = `query Simulate($input: SimulatePolicyInput!) {
  simulatePolicy(input: $input) {
    unit { code } asOf baseSalary scenarioBaseSalary vacanciesConsidered
    model { intercept slope fittedOn source reason }
    baseline { ${OUTCOME} } scenario { ${OUTCOME} }
    deltaExpectedHires costPerAdditionalHire
    byUnit { unit { code } vacanciesConsidered baseline { ${OUTCOME} } scenario { ${OUTCOME} } deltaExpectedHires costPerAdditionalHire }
  }
}`;
const CURVE = `query Curve($input: SimulatePolicyInput!, $steps: Int) {
  policyCurve(input: $input, steps: $steps) { fraction expectedHires annualIncentiveCost expectedFillRate averagePayRatio baseSalary }
}`;

function expectOutcome(actual: any, hand: ReturnType<typeof expected>) {
  expect(actual.expectedHires).toBeCloseTo(hand.expectedHires, 10);
  expect(actual.expectedFillRate).toBeCloseTo(hand.expectedFillRate, 10);
  expect(actual.averagePayRatio).toBeCloseTo(hand.averagePayRatio, 10);
  expect(actual.annualIncentiveCost).toBe(hand.annualIncentiveCost);
}

describe('policy simulation', () => {
  let server: TestServer;
  let w: AttractionWorld;
  let admin: string;
  const pkgId = (key: string) => toGlobalId('IncentivePackage', w.pkg[key]);

  beforeAll(async () => {
    server = await startTestServer();
    w = await buildAttractionWorld(server.sql);
    admin = await server.token(Role.ADMIN);
  });
  afterAll(() => server.close());

  async function simulate(input: Record<string, unknown>, token = admin) {
    const res = await server.gql(SIMULATE, { input: { unitCode: 'REG', asOf: ASOF, ...input } }, token);
    expect(res.errors).toBeUndefined();
    return res.data.simulatePolicy;
  }

  describe('on the default model (no offers recorded yet)', () => {
    it('computes the baseline by the contract, and raises Decree 179 by 2,000,000', async () => {
      const sim = await simulate({ changes: { incentivePackageId: pkgId('D179'), monthlyAllowanceDelta: 2_000_000 } });
      expect(sim).toMatchObject({
        unit: { code: 'REG' }, asOf: ASOF, baseSalary: 2_340_000, scenarioBaseSalary: 2_340_000, vacanciesConsidered: 6,
        model: { intercept: 0, slope: 4, fittedOn: 0, source: 'DEFAULT' },
      });
      expect(sim.model.reason).toMatch(/only 0 decided offers/);
      const baseline = expected(BASELINE);
      expectOutcome(sim.baseline, baseline);
      expect(sim.baseline.expectedHires).toBeCloseTo(0.7009819469, 9);
      expect(sim.baseline.annualIncentiveCost).toBe(29_921_410);
      expect(sim.baseline.averagePayRatio).toBeCloseTo(0.5704277778, 9);

      // Only D179's vacancies change: v1 10,475,600 → 12,475,600 (r 1.0396333, p 0.538790),
      // v4 12,020,000 → 14,020,000 (r 0.701, p 0.194507); their incentive becomes 7,000,000.
      const scenario = expected([
        { pay: 12_475_600, median: 12_000_000, incentive: 7_000_000 },
        BASELINE[1], BASELINE[2], BASELINE[3],
        { pay: 14_020_000, median: 20_000_000, incentive: 7_000_000 },
        BASELINE[5],
      ]);
      expectOutcome(sim.scenario, scenario);
      // expectedHires 0.9514796; cost round(12 × (0.538790 × 7,000,000 + 0.194507 × 7,000,000 + 0.039728 × 2,000,000)) = 62,550,384
      expect(sim.scenario.annualIncentiveCost).toBe(62_550_384);
      expect(sim.deltaExpectedHires).toBeCloseTo(scenario.expectedHires - baseline.expectedHires, 10);
      // (62,550,384 − 29,921,410) / 0.2504976498 = 130,256,607
      expect(sim.costPerAdditionalHire).toBe(Math.round((62_550_384 - 29_921_410) / (scenario.expectedHires - baseline.expectedHires)));
      expect(sim.costPerAdditionalHire).toBe(130_256_607);
    });

    it('gives the exact 90 % interval of the hires (Poisson-binomial, checked by enumeration)', async () => {
      const sim = await simulate({ changes: { incentivePackageId: pkgId('D179'), monthlyAllowanceDelta: 2_000_000 } });
      const [low, high] = bruteForceInterval(expected(BASELINE).ps);
      // P(0) = 0.446943 ≥ 5 %, P(≤ 1) = 0.868369, P(≤ 2) = 0.984661 ≥ 95 %: [0, 2]
      expect([low, high]).toEqual([0, 2]);
      expect(sim.baseline).toMatchObject({ expectedHiresLow: low, expectedHiresHigh: high, method: 'EXACT' });
      expect(sim.scenario.method).toBe('EXACT');
      expect(sim.scenario.expectedHiresLow).toBeLessThanOrEqual(sim.scenario.expectedHires);
      expect(sim.scenario.expectedHiresHigh).toBeGreaterThanOrEqual(sim.scenario.expectedHires);
    });

    it('stacks an extra package on every considered vacancy when no package is named', async () => {
      const sim = await simulate({ changes: { monthlyAllowanceDelta: 1_000_000, salaryPercentAllowanceDelta: 0.1, signingBonusDelta: 12_000_000 } });
      // Extra package {1,000,000; +10 %; 12,000,000 over max(own minServiceYears, 1) = 1 year → 1,000,000/month}:
      //   v1  round(5,475,600 × 1.1) = 6,023,160 + 5,000,000 + 1,000,000 + 1,000,000 = 13,023,160 (incentive 7,547,560)
      //   v2  6,023,160 + 1,000,000 + 1,000,000 = 8,023,160 (incentive 2,547,560; TALENT has ended)
      //   v3  round(6,247,800 × 1.1) = 6,872,580 + 2,000,000 = 8,872,580 (incentive 2,624,780); v12 the same
      //   v4  round(7,020,000 × 1.1) = 7,722,000 + 5,000,000 + 2,000,000 = 14,722,000 (incentive 7,702,000)
      //   v5  7,722,000 + 2,000,000 + 2,000,000 = 11,722,000 (incentive 4,702,000)
      const scenario = expected([
        { pay: 13_023_160, median: 12_000_000, incentive: 7_547_560 },
        { pay: 8_023_160, median: 12_000_000, incentive: 2_547_560 },
        { pay: 8_872_580, median: 12_000_000, incentive: 2_624_780 },
        { pay: 8_872_580, median: 12_000_000, incentive: 2_624_780 },
        { pay: 14_722_000, median: 20_000_000, incentive: 7_702_000 },
        { pay: 11_722_000, median: 20_000_000, incentive: 4_702_000 },
      ]);
      expectOutcome(sim.baseline, expected(BASELINE));
      expectOutcome(sim.scenario, scenario);
      expect(sim.scenario.expectedHires).toBeCloseTo(1.5403478167, 9);
      expect(sim.scenario.annualIncentiveCost).toBe(99_148_922);
      const [low, high] = bruteForceInterval(scenario.ps);
      expect([sim.scenario.expectedHiresLow, sim.scenario.expectedHiresHigh]).toEqual([low, high]); // [0, 3]
    });

    it('prices a new base salary into both terms of the scenario', async () => {
      const sim = await simulate({ changes: { baseSalary: 2_530_000 } });
      // Base 2,530,000: coefficient pay 2.34 → 5,920,200; 2.67 → 6,755,100; 3.00 → 7,590,000. The
      // incentive is publicMonthly minus coefficient pay at the scenario's base: the allowances alone.
      const scenario = expected([
        { pay: 10_920_200, median: 12_000_000, incentive: 5_000_000 },
        { pay: 5_920_200, median: 12_000_000, incentive: 0 },
        { pay: 6_755_100, median: 12_000_000, incentive: 0 },
        { pay: 6_755_100, median: 12_000_000, incentive: 0 },
        { pay: 12_590_000, median: 20_000_000, incentive: 5_000_000 },
        { pay: 9_590_000, median: 20_000_000, incentive: 2_000_000 },
      ]);
      expect(sim.scenarioBaseSalary).toBe(2_530_000);
      expectOutcome(sim.scenario, scenario);
      expect(sim.scenario.expectedHires).toBeCloseTo(0.8311699174, 9);
      expect(sim.scenario.annualIncentiveCost).toBe(33_756_700);
      expect(sim.costPerAdditionalHire).toBe(Math.round((33_756_700 - 29_921_410) / (scenario.expectedHires - expected(BASELINE).expectedHires)));
    });

    it('changes a package only while it is valid, and only for eligible role families', async () => {
      // 2026-06-01: TALENT has ended, so raising it changes nothing: delta 0, no cost per hire.
      const ended = await simulate({ changes: { incentivePackageId: pkgId('TALENT'), monthlyAllowanceDelta: 1_000_000 } });
      expect(ended.deltaExpectedHires).toBe(0);
      expect(ended.costPerAdditionalHire).toBeNull();
      expect(ended.scenario.annualIncentiveCost).toBe(ended.baseline.annualIncentiveCost);

      // 2026-01-15: TALENT counts for v2: round(5,475,600 × 1.5) = 8,213,400 + 1,000,000 + 36,000,000 / 36 = 10,213,400
      // (incentive 4,737,800); +1,000,000 → 11,213,400 (incentive 5,737,800).
      const valid = await simulate({ asOf: '2026-01-15', changes: { incentivePackageId: pkgId('TALENT'), monthlyAllowanceDelta: 1_000_000 } });
      const baseline = expected([BASELINE[0], { pay: 10_213_400, median: 12_000_000, incentive: 4_737_800 }, BASELINE[2], BASELINE[3], BASELINE[4], BASELINE[5]]);
      const scenario = expected([BASELINE[0], { pay: 11_213_400, median: 12_000_000, incentive: 5_737_800 }, BASELINE[2], BASELINE[3], BASELINE[4], BASELINE[5]]);
      expectOutcome(valid.baseline, baseline); // 1.0035887, 49,487,964
      expectOutcome(valid.scenario, scenario); // 1.0920472, 59,708,531
      expect(valid.baseline.annualIncentiveCost).toBe(49_487_964);
      expect(valid.scenario.annualIncentiveCost).toBe(59_708_531);

      // DSONLY is for data scientists: v5 changes (9,020,000 → 10,020,000), v12 (a software engineer under it) does not.
      const eligible = await simulate({ changes: { incentivePackageId: pkgId('DSONLY'), monthlyAllowanceDelta: 1_000_000 } });
      const dsScenario = expected([...BASELINE.slice(0, 5), { pay: 10_020_000, median: 20_000_000, incentive: 3_000_000 }]);
      expectOutcome(eligible.scenario, dsScenario); // 0.7205212, 31,101,562
      expect(eligible.scenario.annualIncentiveCost).toBe(31_101_562);

      // 2025-06-01: D179 is not yet valid, the base is 2,340,000 and the REG median is 10,000,000 (2025-01-01);
      // REG.C still exists, so v10 (pC_se, 5,475,600) is considered too.
      const early = await simulate({ asOf: '2025-06-01', changes: {} });
      const earlyHand = expected([
        { pay: 5_475_600, median: 10_000_000, incentive: 0 }, // v1, D179 not yet
        { pay: 8_213_400 + 1_000_000 + 1_000_000, median: 10_000_000, incentive: 4_737_800 }, // v2 under TALENT
        { pay: 6_247_800, median: 10_000_000, incentive: 0 }, // v3
        { pay: 6_247_800, median: 10_000_000, incentive: 0 }, // v12
        { pay: 7_020_000, median: 20_000_000, incentive: 0 }, // v4, D179 not yet
        { pay: 9_020_000, median: 20_000_000, incentive: 2_000_000 }, // v5
        { pay: 5_475_600, median: 10_000_000, incentive: 0 }, // v10 in REG.C
      ]);
      expect(early.vacanciesConsidered).toBe(7);
      expectOutcome(early.baseline, earlyHand);
      expect(early.byUnit.map((u: any) => u.unit.code)).toEqual(['REG.A', 'REG.B', 'REG.C']);
    });

    it('splits by direct child unit, and the children add up to the total', async () => {
      const sim = await simulate({ changes: { monthlyAllowanceDelta: 1_000_000, salaryPercentAllowanceDelta: 0.1, signingBonusDelta: 12_000_000 } });
      expect(sim.byUnit.map((u: any) => [u.unit.code, u.vacanciesConsidered])).toEqual([['REG.A', 4], ['REG.B', 2]]);
      for (const side of ['baseline', 'scenario'] as const) {
        const hires = sim.byUnit.reduce((s: number, u: any) => s + u[side].expectedHires, 0);
        const cost = sim.byUnit.reduce((s: number, u: any) => s + u[side].annualIncentiveCost, 0);
        expect(hires).toBeCloseTo(sim[side].expectedHires, 10);
        // Each unit's cost is rounded on its own: the sum may differ from the total by half a dong per unit.
        expect(Math.abs(cost - sim[side].annualIncentiveCost)).toBeLessThanOrEqual(1);
      }
      expect(sim.byUnit.reduce((s: number, u: any) => s + u.vacanciesConsidered, 0)).toBe(sim.vacanciesConsidered);
      // REG.B alone: v4 and v5.
      const regB = sim.byUnit[1];
      expectOutcome(regB.baseline, expected([BASELINE[4], BASELINE[5]]));
      expect(regB.deltaExpectedHires).toBeCloseTo(regB.scenario.expectedHires - regB.baseline.expectedHires, 12);

      // REG.A's own vacancies (v1, v2) sit in no child: its only child, the ward, holds v3 and v12.
      const a = await simulate({ unitCode: 'REG.A', changes: { monthlyAllowanceDelta: 1_000_000 } });
      expect(a.vacanciesConsidered).toBe(4);
      expect(a.byUnit.map((u: any) => [u.unit.code, u.vacanciesConsidered])).toEqual([['REG.A.W1', 2]]);
      expectOutcome(a.byUnit[0].baseline, expected([BASELINE[2], BASELINE[3]]));
    });

    it('answers all zeros for a scope without considered vacancies', async () => {
      // REG.B on 2024-06-01: the data-scientist benchmark starts 2025-01-01, v6 has none, v7 is not IT.
      const none = await server.gql(SIMULATE, { input: { unitCode: 'REG.B', asOf: '2024-06-01', changes: { monthlyAllowanceDelta: 1_000_000 } } }, admin);
      expect(none.errors).toBeUndefined();
      expect(none.data.simulatePolicy).toMatchObject({
        vacanciesConsidered: 0,
        baseline: { expectedHires: 0, expectedFillRate: 0, averagePayRatio: 0, annualIncentiveCost: 0, expectedHiresLow: 0, expectedHiresHigh: 0 },
        scenario: { expectedHires: 0, expectedFillRate: 0, averagePayRatio: 0, annualIncentiveCost: 0 },
        deltaExpectedHires: 0,
        costPerAdditionalHire: null,
        byUnit: [],
      });
    });

    it('draws the curve from the same figures: fraction 0 is the baseline, 1 the full scenario', async () => {
      const changes = { incentivePackageId: pkgId('D179'), monthlyAllowanceDelta: 2_000_000 };
      const res = await server.gql(CURVE, { input: { unitCode: 'REG', asOf: ASOF, changes } }, admin);
      expect(res.errors).toBeUndefined();
      const points = res.data.policyCurve;
      expect(points.map((p: any) => p.fraction)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
      const sim = await simulate({ changes });
      expect(points[0].expectedHires).toBeCloseTo(sim.baseline.expectedHires, 12);
      expect(points[0].annualIncentiveCost).toBe(sim.baseline.annualIncentiveCost);
      expect(points[10].expectedHires).toBeCloseTo(sim.scenario.expectedHires, 12);
      expect(points[10].annualIncentiveCost).toBe(sim.scenario.annualIncentiveCost);
      // fraction 0.3: D179 + 600,000 → v1 11,075,600, v4 12,620,000, incentive 5,600,000 each.
      const third = expected([
        { pay: 11_075_600, median: 12_000_000, incentive: 5_600_000 }, BASELINE[1], BASELINE[2], BASELINE[3],
        { pay: 12_620_000, median: 20_000_000, incentive: 5_600_000 }, BASELINE[5],
      ]);
      expect(points[3].expectedHires).toBeCloseTo(third.expectedHires, 10);
      expect(points[3].annualIncentiveCost).toBe(third.annualIncentiveCost);
    });

    it('moves a base salary linearly along the curve, in whole dong', async () => {
      const res = await server.gql(CURVE, { input: { unitCode: 'REG', asOf: ASOF, changes: { baseSalary: 2_530_001 } }, steps: 3 }, admin);
      expect(res.errors).toBeUndefined();
      // 2,340,000 → 2,530,001: halfway 2,435,000.5, rounded half away from zero to 2,435,001.
      expect(res.data.policyCurve.map((p: any) => p.baseSalary)).toEqual([2_340_000, 2_435_001, 2_530_001]);
      const mid = await simulate({ changes: { baseSalary: 2_435_001 } });
      expect(res.data.policyCurve[1].expectedHires).toBeCloseTo(mid.scenario.expectedHires, 12);
      expect(res.data.policyCurve[1].annualIncentiveCost).toBe(mid.scenario.annualIncentiveCost);
    });

    it('fetches once however many points the curve has', async () => {
      const input = { unitCode: 'REG', asOf: ASOF, changes: { monthlyAllowanceDelta: 3_000_000 } };
      const two = await server.gql(CURVE, { input, steps: 2 }, admin);
      const many = await server.gql(CURVE, { input, steps: 101 }, admin);
      expect(many.data.policyCurve).toHaveLength(101);
      expect(many.statements).toBe(two.statements);
      expect(two.statements).toBeLessThanOrEqual(8);
    });

    it('refuses bad input with BAD_USER_INPUT (and NOT_FOUND for what does not exist)', async () => {
      const run = (input: Record<string, unknown>, query = SIMULATE, extra: Record<string, unknown> = {}) =>
        server.gql(query, { input: { unitCode: 'REG', asOf: ASOF, ...input }, ...extra }, admin);
      // D179 is 5,000,000: −6,000,000 would make it negative.
      const negative = await run({ changes: { incentivePackageId: pkgId('D179'), monthlyAllowanceDelta: -6_000_000 } });
      expect(errorCode(negative)).toBe('BAD_USER_INPUT');
      expect(negative.errors![0].extensions!.field).toBe('input.changes.monthlyAllowanceDelta');
      // −5,000,000 brings it to exactly 0: allowed.
      expect((await run({ changes: { incentivePackageId: pkgId('D179'), monthlyAllowanceDelta: -5_000_000 } })).errors).toBeUndefined();
      // Without a package named, every vacancy gets the deltas: those with no package would go negative.
      expect(errorCode(await run({ changes: { monthlyAllowanceDelta: -1 } }))).toBe('BAD_USER_INPUT');
      expect(errorCode(await run({ changes: { salaryPercentAllowanceDelta: -0.01 } }))).toBe('BAD_USER_INPUT');
      expect(errorCode(await run({ changes: { signingBonusDelta: -1 } }))).toBe('BAD_USER_INPUT');
      expect(errorCode(await run({ changes: { baseSalary: 0 } }))).toBe('BAD_USER_INPUT');
      expect(errorCode(await run({ changes: { baseSalary: -2_000_000 } }))).toBe('BAD_USER_INPUT');
      expect(errorCode(await run({ changes: { incentivePackageId: 'nonsense' } }))).toBe('BAD_USER_INPUT');
      expect(errorCode(await run({ changes: { incentivePackageId: toGlobalId('Position', w.position.pA_se) } }))).toBe('BAD_USER_INPUT');
      expect(errorCode(await run({ changes: { incentivePackageId: toGlobalId('IncentivePackage', '999999') } }))).toBe('NOT_FOUND');
      expect(errorCode(await run({ asOf: '2019-06-30', changes: {} }))).toBe('BAD_USER_INPUT'); // no base salary in force before 2019-07-01
      expect(errorCode(await run({ unitCode: 'NOPE', changes: {} }))).toBe('NOT_FOUND');
      for (const steps of [1, 0, 102, -3]) {
        expect({ steps, code: errorCode(await run({ changes: { monthlyAllowanceDelta: 1 } }, CURVE, { steps })) }).toEqual({ steps, code: 'BAD_USER_INPUT' });
      }
      expect(errorCode(await run({ changes: { monthlyAllowanceDelta: -1 } }, CURVE))).toBe('BAD_USER_INPUT');
    });
  });

  describe('scope and roles', () => {
    it('lets every role simulate in its subtree, and forbids units outside it', async () => {
      const analyst = await server.token(Role.ANALYST, 'REG');
      const hr = await server.token(Role.HR_OFFICER, 'REG.A');
      const policymaker = await server.token(Role.POLICYMAKER, 'REG.B');
      const changes = { monthlyAllowanceDelta: 1_000_000 };
      expect((await simulate({ changes }, analyst)).vacanciesConsidered).toBe(6);
      expect((await simulate({ unitCode: 'REG.A', changes }, hr)).vacanciesConsidered).toBe(4);
      expect((await simulate({ unitCode: 'REG.B', changes }, policymaker)).vacanciesConsidered).toBe(2);
      expect((await server.gql(CURVE, { input: { unitCode: 'REG', asOf: ASOF, changes } }, analyst)).errors).toBeUndefined();
      for (const [token, unitCode] of [[hr, 'REG'], [hr, 'REG.B'], [policymaker, 'REG.A'], [analyst, 'OUT']] as const) {
        expect(errorCode(await server.gql(SIMULATE, { input: { unitCode, changes } }, token))).toBe('FORBIDDEN');
        expect(errorCode(await server.gql(CURVE, { input: { unitCode, changes } }, token))).toBe('FORBIDDEN');
      }
      // An unknown unit outside the scope is FORBIDDEN too: nothing leaks about existence.
      expect(errorCode(await server.gql(SIMULATE, { input: { unitCode: 'NOWHERE', changes } }, hr))).toBe('FORBIDDEN');
      expect(errorCode(await server.gql(SIMULATE, { input: { unitCode: 'REG', changes } }, null))).toBe('UNAUTHENTICATED');
    });

    it('keeps personal data from a policymaker', async () => {
      const policymaker = await server.token(Role.POLICYMAKER, 'REG');
      expect(errorCode(await server.gql(`{ people(unitCode: "REG") { totalCount } }`, {}, policymaker))).toBe('FORBIDDEN');
      const viaPayGap = await server.gql(
        `query($id: ID!) { payGap(positionId: $id) { position { assignments { person { fullName } } } } }`,
        { id: toGlobalId('Position', w.position.pA_se) },
        policymaker,
      );
      expect(errorCode(viaPayGap)).toBe('FORBIDDEN');
    });
  });

  describe('saved scenarios', () => {
    const SAVE = `mutation Save($input: SavePolicyScenarioInput!) {
      savePolicyScenario(input: $input) {
        policyScenario { id name input createdAt createdBy unit { code } result { vacanciesConsidered deltaExpectedHires costPerAdditionalHire scenario { annualIncentiveCost expectedHires } baseline { annualIncentiveCost } model { source } byUnit { unit { code } } } }
        userErrors { field message code }
      }
    }`;
    const LIST = `query List($first: Int, $after: String) { policyScenarios(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id name createdBy unit { code } result { scenario { annualIncentiveCost } } } } } }`;
    let policymaker: string;
    const saved: Record<string, string> = {};

    beforeAll(async () => {
      policymaker = await server.token(Role.POLICYMAKER, 'REG', { sub: 'policy-maker-1' });
    });

    it('stores the input, the result, when and who', async () => {
      const simulation = { unitCode: 'REG', asOf: ASOF, changes: { incentivePackageId: pkgId('D179'), monthlyAllowanceDelta: 2_000_000 } };
      const before = Date.now();
      const res = await server.gql(SAVE, { input: { name: 'D179 + 2 M', simulation } }, policymaker);
      expect(res.errors).toBeUndefined();
      const { policyScenario, userErrors } = res.data.savePolicyScenario;
      expect(userErrors).toEqual([]);
      expect(policyScenario).toMatchObject({
        name: 'D179 + 2 M', createdBy: 'policy-maker-1', unit: { code: 'REG' },
        result: { vacanciesConsidered: 6, costPerAdditionalHire: 130_256_607, scenario: { annualIncentiveCost: 62_550_384 }, baseline: { annualIncentiveCost: 29_921_410 }, model: { source: 'DEFAULT' } },
      });
      expect(Date.parse(policyScenario.createdAt)).toBeGreaterThanOrEqual(before - 5_000);
      expect(JSON.parse(policyScenario.input)).toEqual({
        unitCode: 'REG',
        changes: { incentivePackageId: pkgId('D179'), monthlyAllowanceDelta: 2_000_000, salaryPercentAllowanceDelta: 0, signingBonusDelta: 0, baseSalary: null },
        asOf: ASOF,
      });
      saved.reg = policyScenario.id;
      const [audit] = await server.sql<{ operation: string; subject: string; unit_code: string }>(
        `select operation, subject, unit_code from audit_event where target_id = ?`, [policyScenario.id],
      );
      expect(audit).toEqual({ operation: 'savePolicyScenario', subject: 'policy-maker-1', unit_code: 'REG' });
    });

    it('lists them newest first, each caller only those of their subtree', async () => {
      const res = await server.gql(SAVE, { input: { name: 'Ward allowance', simulation: { unitCode: 'REG.A', changes: { monthlyAllowanceDelta: 500_000 } } } }, policymaker);
      saved.regA = res.data.savePolicyScenario.policyScenario.id;
      await server.gql(SAVE, { input: { name: 'Base 2.53 M', simulation: { unitCode: 'REG', asOf: ASOF, changes: { baseSalary: 2_530_000 } } } }, policymaker);

      const list = await server.gql(LIST, {}, await server.token(Role.ANALYST, 'REG'));
      expect(list.errors).toBeUndefined();
      expect(list.data.policyScenarios.totalCount).toBe(3);
      expect(list.data.policyScenarios.edges.map((e: any) => e.node.name)).toEqual(['Base 2.53 M', 'Ward allowance', 'D179 + 2 M']);

      const page1 = await server.gql(LIST, { first: 2 }, admin);
      expect(page1.data.policyScenarios.pageInfo.hasNextPage).toBe(true);
      const page2 = await server.gql(LIST, { first: 2, after: page1.data.policyScenarios.pageInfo.endCursor }, admin);
      expect(page2.data.policyScenarios.edges.map((e: any) => e.node.name)).toEqual(['D179 + 2 M']);

      const hrA = await server.token(Role.HR_OFFICER, 'REG.A');
      const hrList = await server.gql(LIST, {}, hrA);
      expect(hrList.data.policyScenarios.edges.map((e: any) => e.node.name)).toEqual(['Ward allowance']);
      expect(hrList.data.policyScenarios.totalCount).toBe(1);
      expect((await server.gql(LIST, {}, await server.token(Role.POLICYMAKER, 'OUT'))).data.policyScenarios.totalCount).toBe(0);

      const NODE = `query($id: ID!) { node(id: $id) { ... on PolicyScenario { name } } }`;
      expect((await server.gql(NODE, { id: saved.regA }, hrA)).data.node).toEqual({ name: 'Ward allowance' });
      expect(errorCode(await server.gql(NODE, { id: saved.reg }, hrA))).toBe('FORBIDDEN');
    });

    it('keeps the snapshot when the data changes later', async () => {
      await server.sql(`update incentive_package set monthly_allowance = 6000000 where id = ?`, [w.pkg.D179]);
      try {
        const live = await simulate({ changes: { incentivePackageId: pkgId('D179'), monthlyAllowanceDelta: 2_000_000 } });
        expect(live.scenario.annualIncentiveCost).not.toBe(62_550_384);
        const res = await server.gql(`query($id: ID!) { node(id: $id) { ... on PolicyScenario { result { scenario { annualIncentiveCost } } } } }`, { id: saved.reg }, policymaker);
        expect(res.data.node.result.scenario.annualIncentiveCost).toBe(62_550_384);
      } finally {
        await server.sql(`update incentive_package set monthly_allowance = 5000000 where id = ?`, [w.pkg.D179]);
      }
    });

    it('reports bad input as userErrors, and saves nothing then', async () => {
      const count = async () => (await server.sql<{ n: number }>(`select count(*)::int as n from policy_scenario`))[0].n;
      const before = await count();
      const cases: Array<[Record<string, unknown>, string[], string]> = [
        [{ name: '', simulation: { unitCode: 'REG', changes: {} } }, ['input', 'name'], 'BAD_USER_INPUT'],
        [{ name: 'x'.repeat(301), simulation: { unitCode: 'REG', changes: {} } }, ['input', 'name'], 'BAD_USER_INPUT'],
        [{ name: 'Cut', simulation: { unitCode: 'REG', changes: { incentivePackageId: pkgId('D179'), monthlyAllowanceDelta: -6_000_000 } } }, ['input', 'simulation', 'changes', 'monthlyAllowanceDelta'], 'BAD_USER_INPUT'],
        [{ name: 'Nowhere', simulation: { unitCode: 'REG.NOPE', changes: {} } }, ['input', 'simulation', 'unitCode'], 'NOT_FOUND'],
        [{ name: 'Base', simulation: { unitCode: 'REG', changes: { baseSalary: 0 } } }, ['input', 'simulation', 'changes', 'baseSalary'], 'BAD_USER_INPUT'],
      ];
      for (const [input, field, code] of cases) {
        const res = await server.gql(SAVE, { input }, policymaker);
        expect(res.errors).toBeUndefined();
        expect(res.data.savePolicyScenario.policyScenario).toBeNull();
        expect(res.data.savePolicyScenario.userErrors[0]).toMatchObject({ field, code });
      }
      expect(await count()).toBe(before);
    });

    it('is for admins and policymakers, in their subtree', async () => {
      const input = { name: 'Try', simulation: { unitCode: 'REG.A', changes: {} } };
      expect(errorCode(await server.gql(SAVE, { input }, await server.token(Role.HR_OFFICER, 'REG')))).toBe('FORBIDDEN');
      expect(errorCode(await server.gql(SAVE, { input }, await server.token(Role.ANALYST, 'REG')))).toBe('FORBIDDEN');
      expect(errorCode(await server.gql(SAVE, { input }, await server.token(Role.POLICYMAKER, 'REG.B')))).toBe('FORBIDDEN');
      const ok = await server.gql(SAVE, { input }, admin);
      expect(ok.data.savePolicyScenario.userErrors).toEqual([]);
    });
  });

  describe('the acceptance model', () => {
    // 20 decided offers in REG.B (on v5) whose outcomes overlap in pay ratio, so a finite fit exists.
    const ACCEPTED = [0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 0.75, 0.95, 1.05];
    const DECLINED = [0.5, 0.55, 0.65, 0.7, 0.8, 0.85, 0.9, 1.0, 0.6, 0.72];

    it('uses the default below 20 decided offers with a pay ratio in scope', async () => {
      await addOffers(server.sql, w.vacancy.v5, [
        ...ACCEPTED.map((ratio) => ({ ratio, status: 'ACCEPTED' as const })),
        ...DECLINED.slice(0, 9).map((ratio) => ({ ratio, status: 'DECLINED' as const })),
        // none of these count: pending, or without a pay ratio
        { ratio: 0.9, status: 'PENDING' }, { ratio: null, status: 'ACCEPTED' }, { ratio: null, status: 'DECLINED' },
      ]);
      // outside REG: never counted for REG
      await addOffers(server.sql, w.vacancy.v11, ACCEPTED.map((ratio) => ({ ratio, status: 'DECLINED' as const })));
      const sim = await simulate({ changes: { monthlyAllowanceDelta: 1_000_000 } });
      expect(sim.model).toMatchObject({ intercept: 0, slope: 4, fittedOn: 19, source: 'DEFAULT' });
      expect(sim.model.reason).toMatch(/only 19 decided offers/);
    });

    it('fits by maximum likelihood from the 20th, and simulates with the fitted law', async () => {
      await addOffers(server.sql, w.vacancy.v5, [{ ratio: DECLINED[9], status: 'DECLINED' }]);
      const sim = await simulate({ changes: { monthlyAllowanceDelta: 1_000_000 } });
      expect(sim.model).toMatchObject({ fittedOn: 20, source: 'FITTED', reason: null });
      const { intercept, slope } = sim.model;
      // The maximum-likelihood estimate solves the score equations Σ(y − p) = 0 and Σ(y − p)·ln r = 0.
      const data = [...ACCEPTED.map((r) => [r, 1]), ...DECLINED.map((r) => [r, 0])];
      const score0 = data.reduce((s, [r, y]) => s + y - accept(r, intercept, slope), 0);
      const score1 = data.reduce((s, [r, y]) => s + (y - accept(r, intercept, slope)) * Math.log(r), 0);
      expect(Math.abs(score0)).toBeLessThan(1e-8);
      expect(Math.abs(score1)).toBeLessThan(1e-8);
      expect(slope).toBeGreaterThan(0);
      expectOutcome(sim.baseline, expected(BASELINE, intercept, slope));
      // REG.A has no offers of its own: still the default there.
      const a = await simulate({ unitCode: 'REG.A', changes: {} });
      expect(a.model).toMatchObject({ fittedOn: 0, source: 'DEFAULT' });
    });

    it('never lowers the expected hires as the allowance grows (positive slope), along a curve', async () => {
      for (const changes of [{ monthlyAllowanceDelta: 20_000_000 }, { incentivePackageId: pkgId('D179'), monthlyAllowanceDelta: 20_000_000 }, { salaryPercentAllowanceDelta: 2 }, { baseSalary: 6_000_000 }]) {
        const res = await server.gql(CURVE, { input: { unitCode: 'REG', asOf: ASOF, changes }, steps: 41 }, admin);
        expect(res.errors).toBeUndefined();
        const hires = res.data.policyCurve.map((p: any) => p.expectedHires);
        for (let i = 1; i < hires.length; i++) expect(hires[i]).toBeGreaterThanOrEqual(hires[i - 1]);
        expect(hires[hires.length - 1]).toBeGreaterThan(hires[0]);
      }
    });

    it('falls back to the default on separable offers, and says why', async () => {
      // OUT: 10 declined offers (v11, above) at 0.6 … 1.2, and now 10 accepted ones all above 1.2.
      await addOffers(server.sql, w.vacancy.v11, [1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9, 2.0, 2.1, 2.2].map((ratio) => ({ ratio, status: 'ACCEPTED' as const })));
      const sim = await simulate({ unitCode: 'OUT', changes: {} });
      expect(sim.model).toMatchObject({ intercept: 0, slope: 4, fittedOn: 20, source: 'DEFAULT' });
      expect(sim.model.reason).toMatch(/separates the outcomes/);
    });
  });
});
