/**
 * The policy simulation of the API contract, as pure computation over the considered vacancies
 * (grouped by identical pay inputs, see simulation.sql.ts). No database here: the service
 * fetches once and this module loops, which is what lets policyCurve run many scenarios on one
 * fetch and 100k vacancies run in well under a second.
 *
 * For each vacancy, payRatio = publicMonthly / privateMedian under its package (baseline) and
 * under the package with the changes applied (scenario); p = acceptProbability(model, payRatio);
 *   expectedHires       = Σ p
 *   expectedFillRate    = expectedHires / vacanciesConsidered
 *   averagePayRatio     = mean payRatio
 *   annualIncentiveCost = round(Σ p × 12 × (publicMonthly − round(base × payCoefficient)))
 */
import { coefficientPay, deltaPackage, Package, PackageDeltas, publicMonthly, publicMonthlyStacked, roundVnd, stackPackages } from '../attraction';
import { acceptProbability, AcceptanceModelParams } from './acceptance-model';
import { HiresInterval, poissonBinomialInterval } from '../../shared/poisson-binomial';

/** Vacancies with identical pay inputs. */
export interface VacancyGroup {
  n: number;
  payCoefficient: number;
  privateMedian: number;
  /** The vacancy's package when it counts on the date for the role family. */
  pkg: (Package & { id: string }) | null;
  childId: string | null;
}

/** A scenario: which package changes (null: an extra package on every vacancy), by how much, and the base. */
export interface ScenarioChanges extends Required<PackageDeltas> {
  incentivePackageId: string | null;
  /** The base salary of the scenario; null keeps the one in force. */
  baseSalary: number | null;
}

export type IntervalMethod = HiresInterval['method'];

export interface OutcomeFigures {
  expectedHires: number;
  expectedFillRate: number;
  averagePayRatio: number;
  annualIncentiveCost: number;
  expectedHiresLow: number;
  expectedHiresHigh: number;
  method: IntervalMethod;
}

export interface ComparisonFigures {
  vacanciesConsidered: number;
  baseline: OutcomeFigures;
  scenario: OutcomeFigures;
  deltaExpectedHires: number;
  costPerAdditionalHire: number | null;
}

export interface UnitFigures extends ComparisonFigures {
  unitId: string;
}

export interface SimulationFigures extends ComparisonFigures {
  byUnit: UnitFigures[];
}

/** Thrown when the changes make no sense for these vacancies; `field` is relative to PolicyChangeInput. */
export class ScenarioError extends Error {
  constructor(message: string, readonly field: string) {
    super(message);
  }
}

/** Public monthly pay of a group in the scenario, and its package terms as a sanity check. */
function scenarioPay(group: VacancyGroup, base: number, changes: ScenarioChanges): number {
  const own = group.pkg;
  if (changes.incentivePackageId !== null) {
    if (own && own.id === changes.incentivePackageId) return publicMonthly(base, group.payCoefficient, stackPackages(own, deltaPackage(changes, own)));
    return publicMonthly(base, group.payCoefficient, own);
  }
  return publicMonthlyStacked(base, group.payCoefficient, own ? [own, deltaPackage(changes, own)] : [deltaPackage(changes, null)]);
}

/**
 * Refuses changes that would leave a vacancy's package with a negative term: with a package
 * named, its terms plus the deltas (checked by the service on the package itself); with none,
 * each considered vacancy's own terms plus the extra package's.
 */
export function checkScenarioTerms(groups: readonly VacancyGroup[], changes: ScenarioChanges): void {
  if (changes.incentivePackageId !== null) return;
  const terms = [
    ['monthlyAllowance', 'monthlyAllowanceDelta'],
    ['salaryPercentAllowance', 'salaryPercentAllowanceDelta'],
    ['signingBonus', 'signingBonusDelta'],
  ] as const;
  for (const [term, delta] of terms) {
    if (changes[delta] >= 0) continue;
    let affected = 0;
    for (const g of groups) if ((g.pkg?.[term] ?? 0) + changes[delta] < 0) affected += g.n;
    if (affected > 0) {
      throw new ScenarioError(`${delta} would make the ${term} of ${affected} considered vacancies' packages negative`, delta);
    }
  }
}

interface Accumulator {
  count: number;
  hires: number;
  ratioSum: number;
  cost: number;
  probabilities: number[] | null;
}

function accumulator(withIntervals: boolean): Accumulator {
  return { count: 0, hires: 0, ratioSum: 0, cost: 0, probabilities: withIntervals ? [] : null };
}

function add(acc: Accumulator, n: number, p: number, ratio: number, monthlyIncentive: number): void {
  acc.count += n;
  acc.hires += n * p;
  acc.ratioSum += n * ratio;
  acc.cost += n * p * 12 * monthlyIncentive;
  if (acc.probabilities) for (let i = 0; i < n; i++) acc.probabilities.push(p);
}

function outcome(acc: Accumulator): OutcomeFigures {
  const cost = roundVnd(acc.cost);
  if (!Number.isSafeInteger(cost)) throw new ScenarioError('the annual incentive cost would exceed the largest amount the API can state', 'monthlyAllowanceDelta');
  const interval: HiresInterval = acc.probabilities ? poissonBinomialInterval(acc.probabilities, 0.9) : { low: acc.hires, high: acc.hires, method: 'EXACT' };
  return {
    expectedHires: acc.hires,
    expectedFillRate: acc.count === 0 ? 0 : acc.hires / acc.count,
    averagePayRatio: acc.count === 0 ? 0 : acc.ratioSum / acc.count,
    annualIncentiveCost: cost === 0 ? 0 : cost,
    expectedHiresLow: interval.low,
    expectedHiresHigh: interval.high,
    method: interval.method,
  };
}

function comparison(baseline: Accumulator, scenario: Accumulator): ComparisonFigures {
  const b = outcome(baseline);
  const s = outcome(scenario);
  const delta = s.expectedHires - b.expectedHires;
  const perHire = delta > 0 ? roundVnd((s.annualIncentiveCost - b.annualIncentiveCost) / delta) : null;
  return {
    vacanciesConsidered: baseline.count,
    baseline: b,
    scenario: s,
    deltaExpectedHires: delta,
    // A vanishing delta can make the quotient larger than any amount the API can state: null then.
    costPerAdditionalHire: perHire !== null && Number.isSafeInteger(perHire) ? (perHire === 0 ? 0 : perHire) : null,
  };
}

function checkPay(pay: number): void {
  if (!(pay > 0) || !Number.isSafeInteger(pay)) throw new ScenarioError(`the scenario gives a public monthly pay of ${pay} VND, which is not a positive amount`, 'baseSalary');
}

interface PayFigures {
  pay: number;
  incentive: number;
}

/**
 * Public monthly pay and its incentive part (publicMonthly − coefficient pay) under one set of
 * rules, memoised per (pay coefficient, package): groups that differ only in their median or
 * child unit share one computation. `changes` null: the rules in force (the baseline).
 */
function payBook(base: number, changes: ScenarioChanges | null): (g: VacancyGroup) => PayFigures {
  const memo = new Map<string, PayFigures>();
  return (g) => {
    const key = g.pkg ? `${g.payCoefficient}|${g.pkg.id}` : `${g.payCoefficient}|`;
    let hit = memo.get(key);
    if (!hit) {
      const pay = changes ? scenarioPay(g, base, changes) : publicMonthly(base, g.payCoefficient, g.pkg);
      checkPay(pay);
      hit = { pay, incentive: pay - coefficientPay(base, g.payCoefficient) };
      memo.set(key, hit);
    }
    return hit;
  };
}

/**
 * Baseline against scenario over every group, in total and per child unit. `withIntervals`
 * adds the 90 % Poisson-binomial band of the hires.
 */
export function simulate(
  groups: readonly VacancyGroup[],
  model: AcceptanceModelParams,
  baseSalary: number,
  changes: ScenarioChanges,
  withIntervals = true,
): SimulationFigures {
  checkScenarioTerms(groups, changes);
  const baselinePay = payBook(baseSalary, null);
  const scenarioPayOf = payBook(changes.baseSalary ?? baseSalary, changes);
  const total = { baseline: accumulator(withIntervals), scenario: accumulator(withIntervals) };
  const children = new Map<string, { baseline: Accumulator; scenario: Accumulator }>();
  for (const g of groups) {
    const before = baselinePay(g);
    const after = scenarioPayOf(g);
    const baseRatio = before.pay / g.privateMedian;
    const scenarioRatio = after.pay / g.privateMedian;
    const pBase = acceptProbability(model, baseRatio);
    const pScenario = acceptProbability(model, scenarioRatio);
    add(total.baseline, g.n, pBase, baseRatio, before.incentive);
    add(total.scenario, g.n, pScenario, scenarioRatio, after.incentive);
    if (g.childId !== null) {
      let child = children.get(g.childId);
      if (!child) children.set(g.childId, (child = { baseline: accumulator(withIntervals), scenario: accumulator(withIntervals) }));
      add(child.baseline, g.n, pBase, baseRatio, before.incentive);
      add(child.scenario, g.n, pScenario, scenarioRatio, after.incentive);
    }
  }
  return {
    ...comparison(total.baseline, total.scenario),
    byUnit: [...children].map(([unitId, acc]) => ({ unitId, ...comparison(acc.baseline, acc.scenario) })),
  };
}

/** The scenario alone, in total, without the interval: one point of policyCurve. */
export function scenarioOutcome(groups: readonly VacancyGroup[], model: AcceptanceModelParams, baseSalary: number, changes: ScenarioChanges): OutcomeFigures {
  checkScenarioTerms(groups, changes);
  const payOf = payBook(changes.baseSalary ?? baseSalary, changes);
  const acc = accumulator(false);
  for (const g of groups) {
    const { pay, incentive } = payOf(g);
    const ratio = pay / g.privateMedian;
    add(acc, g.n, acceptProbability(model, ratio), ratio, incentive);
  }
  return outcome(acc);
}

/** The changes at a fraction of the way: deltas scaled (VND ones to whole dong), the base moved linearly. */
export function scaledChanges(changes: ScenarioChanges, baseInForce: number, step: number, steps: number): ScenarioChanges {
  const last = steps - 1;
  return {
    incentivePackageId: changes.incentivePackageId,
    monthlyAllowanceDelta: roundVnd((changes.monthlyAllowanceDelta * step) / last),
    salaryPercentAllowanceDelta: (changes.salaryPercentAllowanceDelta * step) / last,
    signingBonusDelta: roundVnd((changes.signingBonusDelta * step) / last),
    baseSalary: changes.baseSalary === null ? null : roundVnd(baseInForce + ((changes.baseSalary - baseInForce) * step) / last),
  };
}
