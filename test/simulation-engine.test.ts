import { coefficientPay, deltaPackage, publicMonthly, publicMonthlyStacked, stackPackages } from '../src/modules/attraction/pay-formula';
import { acceptProbability } from '../src/modules/simulation/acceptance-model';
import { ScenarioChanges, ScenarioError, scaledChanges, scenarioOutcome, simulate, VacancyGroup } from '../src/modules/simulation/simulation.engine';

/** A deterministic pseudo-random sequence (mulberry32), so failures reproduce. */
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PACKAGES = [
  { id: '1', monthlyAllowance: 5_000_000, salaryPercentAllowance: 0, signingBonus: 0, minServiceYears: 0 },
  { id: '2', monthlyAllowance: 1_000_000, salaryPercentAllowance: 0.3, signingBonus: 60_000_000, minServiceYears: 3 },
  { id: '3', monthlyAllowance: 0, salaryPercentAllowance: 0.15, signingBonus: 10_000_000, minServiceYears: 1 },
];

function randomGroups(seed: number, count: number): VacancyGroup[] {
  const r = rng(seed);
  return Array.from({ length: count }, () => ({
    n: 1 + Math.floor(r() * 4),
    payCoefficient: [2.34, 2.67, 3.0, 3.33, 4.4, 6.2][Math.floor(r() * 6)],
    privateMedian: [9_000_000, 12_500_000, 21_000_000, 32_000_000][Math.floor(r() * 4)],
    pkg: r() < 0.25 ? null : PACKAGES[Math.floor(r() * 3)],
    childId: r() < 0.2 ? null : String(1 + Math.floor(r() * 3)),
  }));
}

/** Vacancy by vacancy, straight from the contract and the pay-formula helpers: no memo, no grouping. */
function naive(groups: VacancyGroup[], model: { intercept: number; slope: number }, base: number, changes: ScenarioChanges) {
  const scenarioBase = changes.baseSalary ?? base;
  let hiresB = 0, hiresS = 0, costB = 0, costS = 0, ratios = 0, count = 0;
  for (const g of groups) {
    for (let i = 0; i < g.n; i++) {
      const before = publicMonthly(base, g.payCoefficient, g.pkg);
      let after: number;
      if (changes.incentivePackageId !== null) {
        after = g.pkg && g.pkg.id === changes.incentivePackageId ? publicMonthly(scenarioBase, g.payCoefficient, stackPackages(g.pkg, deltaPackage(changes, g.pkg))) : publicMonthly(scenarioBase, g.payCoefficient, g.pkg);
      } else {
        after = publicMonthlyStacked(scenarioBase, g.payCoefficient, g.pkg ? [g.pkg, deltaPackage(changes, g.pkg)] : [deltaPackage(changes, null)]);
      }
      const pB = acceptProbability(model, before / g.privateMedian);
      const pS = acceptProbability(model, after / g.privateMedian);
      hiresB += pB;
      hiresS += pS;
      costB += pB * 12 * (before - coefficientPay(base, g.payCoefficient));
      costS += pS * 12 * (after - coefficientPay(scenarioBase, g.payCoefficient));
      ratios += after / g.privateMedian;
      count++;
    }
  }
  return { hiresB, hiresS, costB: Math.round(costB), costS: Math.round(costS), averageScenarioRatio: ratios / count, count };
}

const NO_CHANGE: ScenarioChanges = { incentivePackageId: null, monthlyAllowanceDelta: 0, salaryPercentAllowanceDelta: 0, signingBonusDelta: 0, baseSalary: null };

describe('simulation engine', () => {
  const model = { intercept: 0.4, slope: 3.5 };
  const scenarios: Array<[string, ScenarioChanges]> = [
    ['package 1 + 2,000,000', { ...NO_CHANGE, incentivePackageId: '1', monthlyAllowanceDelta: 2_000_000 }],
    ['package 2 + 10 % + 12,000,000 bonus', { ...NO_CHANGE, incentivePackageId: '2', salaryPercentAllowanceDelta: 0.1, signingBonusDelta: 12_000_000 }],
    ['an extra package on everyone', { ...NO_CHANGE, monthlyAllowanceDelta: 1_500_000, salaryPercentAllowanceDelta: 0.05, signingBonusDelta: 24_000_000 }],
    ['a new base salary', { ...NO_CHANGE, baseSalary: 2_530_000 }],
    ['everything at once', { ...NO_CHANGE, incentivePackageId: '3', monthlyAllowanceDelta: 700_001, salaryPercentAllowanceDelta: 0.333, signingBonusDelta: 1_000_003, baseSalary: 2_611_111 }],
  ];

  it.each(scenarios)('agrees with a vacancy-by-vacancy computation: %s', (_name, changes) => {
    for (const seed of [1, 2, 3]) {
      const groups = randomGroups(seed, 300);
      const sim = simulate(groups, model, 2_340_000, changes);
      const hand = naive(groups, model, 2_340_000, changes);
      expect(sim.vacanciesConsidered).toBe(hand.count);
      expect(sim.baseline.expectedHires).toBeCloseTo(hand.hiresB, 9);
      expect(sim.scenario.expectedHires).toBeCloseTo(hand.hiresS, 9);
      expect(Math.abs(sim.baseline.annualIncentiveCost - hand.costB)).toBeLessThanOrEqual(1);
      expect(Math.abs(sim.scenario.annualIncentiveCost - hand.costS)).toBeLessThanOrEqual(1);
      expect(sim.scenario.averagePayRatio).toBeCloseTo(hand.averageScenarioRatio, 12);
      expect(sim.byUnit.reduce((s, u) => s + u.vacanciesConsidered, 0)).toBe(groups.filter((g) => g.childId !== null).reduce((s, g) => s + g.n, 0));
      const point = scenarioOutcome(groups, model, 2_340_000, changes);
      expect(point.expectedHires).toBe(sim.scenario.expectedHires);
      expect(point.annualIncentiveCost).toBe(sim.scenario.annualIncentiveCost);
    }
  });

  it('scales the changes: deltas and the base to whole dong, halves away from zero', () => {
    const full: ScenarioChanges = { incentivePackageId: '1', monthlyAllowanceDelta: 1_000_001, salaryPercentAllowanceDelta: 0.3, signingBonusDelta: -3, baseSalary: 2_340_003 };
    // k = 1 of 2 steps (fraction 0.5): 500,000.5 → 500,001; 0.15; −1.5 → −2; 2,340,000 + 1.5 = 2,340,001.5 → 2,340,002
    expect(scaledChanges(full, 2_340_000, 1, 3)).toEqual({ incentivePackageId: '1', monthlyAllowanceDelta: 500_001, salaryPercentAllowanceDelta: 0.15, signingBonusDelta: -2, baseSalary: 2_340_002 });
    expect(scaledChanges(full, 2_340_000, 0, 3)).toEqual({ incentivePackageId: '1', monthlyAllowanceDelta: 0, salaryPercentAllowanceDelta: 0, signingBonusDelta: 0, baseSalary: 2_340_000 });
    expect(scaledChanges(full, 2_340_000, 2, 3)).toEqual(full);
    expect(scaledChanges({ ...full, baseSalary: null }, 2_340_000, 1, 3).baseSalary).toBeNull();
  });

  it('refuses an extra package that would leave a vacancy with a negative term', () => {
    const groups = randomGroups(7, 50);
    expect(() => simulate(groups, model, 2_340_000, { ...NO_CHANGE, monthlyAllowanceDelta: -1 })).toThrow(ScenarioError);
    // Only vacancies under a package with at least 1,000,000 remain: then −1,000,000 is fine.
    const rich = groups.filter((g) => g.pkg && g.pkg.monthlyAllowance >= 1_000_000);
    expect(() => simulate(rich, model, 2_340_000, { ...NO_CHANGE, monthlyAllowanceDelta: -1_000_000 })).not.toThrow();
  });

  it('has a 90 % interval around the expected hires, exact up to 2,000 vacancies and normal beyond', () => {
    const small = simulate(randomGroups(11, 100), model, 2_340_000, NO_CHANGE);
    expect(small.baseline.method).toBe('EXACT');
    expect(Number.isInteger(small.baseline.expectedHiresLow)).toBe(true);
    expect(small.baseline.expectedHiresLow).toBeLessThanOrEqual(small.baseline.expectedHires);
    expect(small.baseline.expectedHiresHigh).toBeGreaterThanOrEqual(small.baseline.expectedHires);
    const large = simulate(randomGroups(12, 1_000), model, 2_340_000, NO_CHANGE);
    expect(large.vacanciesConsidered).toBeGreaterThan(2_000);
    expect(large.baseline.method).toBe('NORMAL');
    const hires = large.baseline.expectedHires;
    expect(large.baseline.expectedHiresLow).toBeLessThan(hires);
    expect(large.baseline.expectedHiresHigh).toBeCloseTo(2 * hires - large.baseline.expectedHiresLow, 9);
  });
});
