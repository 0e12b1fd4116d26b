/**
 * Public pay under incentive packages, exactly as the API contract states it ("attraction"):
 *
 *   coefficient   = round(base * payCoefficient)
 *   publicMonthly = round(coefficient * (1 + salaryPercentAllowance)) + monthlyAllowance
 *                   + round(signingBonus / (12 * max(minServiceYears, 1)))
 *
 * where round is to the nearest whole VND, halves away from zero. Pure functions: no database.
 */

/** The money terms of an incentive package (the IncentivePackage entity fits this shape). */
export interface Package {
  monthlyAllowance: number;
  salaryPercentAllowance: number;
  signingBonus: number;
  minServiceYears: number;
}

export const ZERO_PACKAGE: Readonly<Package> = Object.freeze({
  monthlyAllowance: 0,
  salaryPercentAllowance: 0,
  signingBonus: 0,
  minServiceYears: 0,
});

/** The changes of a policy scenario (PolicyChangeInput's deltas). */
export interface PackageDeltas {
  monthlyAllowanceDelta?: number;
  salaryPercentAllowanceDelta?: number;
  signingBonusDelta?: number;
}

/**
 * To the nearest whole VND, halves away from zero.
 *
 * Products such as 1,504,900 * 1.015 (exactly 1,527,473.5) come out of double arithmetic as
 * 1,527,473.4999999998, so the value is first snapped to 15 significant digits — the precision a
 * double carries anyway — which removes that representation error before the half is judged.
 * Money amounts never have meaningful digits beyond the 15th. Integers are returned as they are
 * (from 2^52 on, adding 0.5 would itself be rounded), and from 1e15 on nothing is snapped.
 */
export function roundVnd(x: number): number {
  if (!Number.isFinite(x)) throw new RangeError(`cannot round a non-finite amount: ${x}`);
  if (Number.isInteger(x)) return x === 0 ? 0 : x;
  const abs = Math.abs(x);
  const snapped = abs < 1e15 ? Number(abs.toPrecision(15)) : abs;
  const rounded = Number.isInteger(snapped) ? snapped : Math.floor(snapped + 0.5);
  return x < 0 && rounded !== 0 ? -rounded : rounded;
}

/** Coefficient pay: round(base * payCoefficient). */
export function coefficientPay(baseSalary: number, payCoefficient: number): number {
  return roundVnd(baseSalary * payCoefficient);
}

/** The signing bonus spread over the months of the service commitment (at least one year). */
export function amortisedSigningBonus(pkg: Package): number {
  return roundVnd(pkg.signingBonus / (12 * Math.max(pkg.minServiceYears, 1)));
}

/**
 * Public monthly pay under several packages held at once (a vacancy's own package plus the
 * scenario's extra package). Each package keeps its own terms: the percentages add up on the one
 * coefficient pay (rounded once, as in the single-package formula), the allowances add up, and
 * each signing bonus is amortised — and rounded — over its own package's service commitment.
 * With one package this is exactly the contract's publicMonthly; with none, coefficient pay.
 */
export function publicMonthlyStacked(baseSalary: number, payCoefficient: number, packages: readonly Package[]): number {
  const coefficient = coefficientPay(baseSalary, payCoefficient);
  let percent = 0;
  let fixed = 0;
  for (const pkg of packages) {
    percent += pkg.salaryPercentAllowance;
    fixed += pkg.monthlyAllowance + amortisedSigningBonus(pkg);
  }
  return roundVnd(coefficient * (1 + percent)) + fixed;
}

/** The contract's publicMonthly under an optional package (null: coefficient pay). */
export function publicMonthly(baseSalary: number, payCoefficient: number, pkg: Package | null): number {
  return publicMonthlyStacked(baseSalary, payCoefficient, pkg ? [pkg] : []);
}

/** What the packages add to coefficient pay each month (the unit of annualIncentiveCost). */
export function incentiveMonthly(baseSalary: number, payCoefficient: number, packages: readonly Package[]): number {
  return publicMonthlyStacked(baseSalary, payCoefficient, packages) - coefficientPay(baseSalary, payCoefficient);
}

/**
 * One package whose money values are the sums of the two: "the package with the changes applied"
 * when a scenario targets a package. The service commitment is the first (own) package's, since a
 * change carries none of its own; its signing bonus is then amortised as one sum, rounded once.
 */
export function stackPackages(own: Package, extra: Package): Package {
  return {
    monthlyAllowance: own.monthlyAllowance + extra.monthlyAllowance,
    salaryPercentAllowance: own.salaryPercentAllowance + extra.salaryPercentAllowance,
    signingBonus: own.signingBonus + extra.signingBonus,
    minServiceYears: own.minServiceYears,
  };
}

/**
 * The scenario's extra package, whose values are the deltas. Its signing bonus is amortised over
 * the service commitment of the package it comes on top of (one year when there is none).
 */
export function deltaPackage(deltas: PackageDeltas, own: Package | null): Package {
  return {
    monthlyAllowance: deltas.monthlyAllowanceDelta ?? 0,
    salaryPercentAllowance: deltas.salaryPercentAllowanceDelta ?? 0,
    signingBonus: deltas.signingBonusDelta ?? 0,
    minServiceYears: Math.max(own?.minServiceYears ?? 1, 1),
  };
}

/** publicMonthly / privateMedian; null without a positive median. */
export function payRatio(publicMonthlyPay: number, privateMedian: number | null | undefined): number | null {
  if (privateMedian == null || !Number.isFinite(privateMedian) || privateMedian <= 0) return null;
  return publicMonthlyPay / privateMedian;
}

export interface PackageEligibility {
  validFrom: string;
  validTo?: string | null;
  eligibleRoleFamilies: readonly string[];
}

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a package counts for a role family on a date: validFrom <= date <= validTo (open end). */
export function packageApplies(pkg: PackageEligibility, roleFamily: string, date: string): boolean {
  // YYYY-MM-DD strings order as the dates do, so they are compared as strings.
  for (const d of [date, pkg.validFrom, pkg.validTo ?? date]) {
    if (!LOCAL_DATE.test(d)) throw new RangeError(`not a YYYY-MM-DD date: ${d}`);
  }
  if (pkg.validFrom > date) return false;
  if (pkg.validTo != null && pkg.validTo < date) return false;
  return pkg.eligibleRoleFamilies.includes(roleFamily);
}
