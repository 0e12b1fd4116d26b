import {
  Package,
  ZERO_PACKAGE,
  amortisedSigningBonus,
  coefficientPay,
  deltaPackage,
  incentiveMonthly,
  packageApplies,
  payRatio,
  publicMonthly,
  publicMonthlyStacked,
  roundVnd,
  stackPackages,
} from '../src/modules/attraction/pay-formula';

const BASE = 2_340_000; // lương cơ sở from 2024-07-01

function pkg(values: Partial<Package>): Package {
  return { ...ZERO_PACKAGE, ...values };
}

// Decree 179/2025: a fixed 5,000,000 VND a month.
const DECREE_179 = pkg({ monthlyAllowance: 5_000_000 });

describe('roundVnd', () => {
  it('rounds halves away from zero, on both sides', () => {
    expect(roundVnd(2.5)).toBe(3);
    expect(roundVnd(-2.5)).toBe(-3); // Math.round(-2.5) would give -2
    expect(roundVnd(0.5)).toBe(1);
    expect(roundVnd(-0.5)).toBe(-1);
    expect(roundVnd(1.4999)).toBe(1);
    expect(roundVnd(-1.4999)).toBe(-1);
    expect(roundVnd(1_666_666.6666666667)).toBe(1_666_667);
  });

  it('returns integers untouched and never a negative zero', () => {
    expect(roundVnd(5_475_600)).toBe(5_475_600);
    expect(roundVnd(-7)).toBe(-7);
    expect(Object.is(roundVnd(-0.2), 0)).toBe(true);
    expect(Object.is(roundVnd(-0), 0)).toBe(true);
    // 2^52 + 1: adding 0.5 there would round to even and give 2^52 + 2.
    expect(roundVnd(4_503_599_627_370_497)).toBe(4_503_599_627_370_497);
  });

  it('absorbs floating representation error around whole amounts and halves', () => {
    expect(roundVnd(5_475_599.999999999)).toBe(5_475_600);
    // 2,340,000 × 1.13 = 2,644,200 exactly; doubles give 2,644,199.9999999995.
    expect(BASE * 1.13).not.toBe(2_644_200);
    expect(coefficientPay(BASE, 1.13)).toBe(2_644_200);
    // 1,504,900 × 1.015 = 1,527,473.5 exactly (a half: up to 1,527,474);
    // doubles give 1,527,473.4999999998, which Math.round would take down.
    expect(1_504_900 * 1.015).toBeLessThan(1_527_473.5);
    expect(roundVnd(1_504_900 * 1.015)).toBe(1_527_474);
    expect(roundVnd(-1_504_900 * 1.015)).toBe(-1_527_474);
  });

  it('refuses a non-finite amount', () => {
    expect(() => roundVnd(Number.NaN)).toThrow(RangeError);
    expect(() => roundVnd(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('coefficientPay', () => {
  it('is base × coefficient, rounded', () => {
    expect(coefficientPay(BASE, 2.34)).toBe(5_475_600); // 2,340,000 × 2.34 = 5,475,600
    expect(coefficientPay(1_490_000, 2.67)).toBe(3_978_300); // 1,490,000 × 2.67 = 3,978,300
    expect(coefficientPay(1_490_000, 1.01)).toBe(1_504_900); // 1,490,000 × 1.01 = 1,504,900
  });
});

describe('publicMonthly', () => {
  it('is coefficient pay without a package', () => {
    expect(publicMonthly(BASE, 2.34, null)).toBe(5_475_600);
    expect(publicMonthly(BASE, 2.34, ZERO_PACKAGE)).toBe(5_475_600);
  });

  it('adds a fixed monthly allowance (Decree 179/2025)', () => {
    // 5,475,600 + 5,000,000 = 10,475,600
    expect(publicMonthly(BASE, 2.34, DECREE_179)).toBe(10_475_600);
  });

  it('adds a percentage of coefficient pay, rounded once', () => {
    // round(5,475,600 × 1.5) = 8,213,400
    expect(publicMonthly(BASE, 2.34, pkg({ salaryPercentAllowance: 0.5 }))).toBe(8_213_400);
    // round(3,978,300 × 1.125) = round(4,475,587.5) = 4,475,588 (a half, up)
    expect(publicMonthly(1_490_000, 2.67, pkg({ salaryPercentAllowance: 0.125 }))).toBe(4_475_588);
    // round(1,504,900 × 1.015) = round(1,527,473.5) = 1,527,474 despite the double 1,527,473.4999999998
    expect(publicMonthly(1_490_000, 1.01, pkg({ salaryPercentAllowance: 0.015 }))).toBe(1_527_474);
  });

  it('amortises the signing bonus over the service commitment', () => {
    // 60,000,000 / (12 × 3) = 1,666,666.67 → 1,666,667; 5,475,600 + 1,666,667 = 7,142,267
    const bonus = pkg({ signingBonus: 60_000_000, minServiceYears: 3 });
    expect(amortisedSigningBonus(bonus)).toBe(1_666_667);
    expect(publicMonthly(BASE, 2.34, bonus)).toBe(7_142_267);
    // A commitment of 0 years counts as 1: 12,000,000 / 12 = 1,000,000
    expect(publicMonthly(BASE, 2.34, pkg({ signingBonus: 12_000_000, minServiceYears: 0 }))).toBe(6_475_600);
    // A negative half, away from zero: -6,000,006 / 12 = -500,000.5 → -500,001
    expect(amortisedSigningBonus(pkg({ signingBonus: -6_000_006, minServiceYears: 1 }))).toBe(-500_001);
  });

  it('puts all three terms together', () => {
    // round(5,475,600 × 1.5) + 5,000,000 + round(60,000,000 / 36)
    //   = 8,213,400 + 5,000,000 + 1,666,667 = 14,880,067
    const full = pkg({ monthlyAllowance: 5_000_000, salaryPercentAllowance: 0.5, signingBonus: 60_000_000, minServiceYears: 3 });
    expect(publicMonthly(BASE, 2.34, full)).toBe(14_880_067);
    expect(incentiveMonthly(BASE, 2.34, [full])).toBe(14_880_067 - 5_475_600);
  });
});

describe('stacking packages', () => {
  const own = pkg({ monthlyAllowance: 5_000_000, salaryPercentAllowance: 0.5, signingBonus: 60_000_000, minServiceYears: 3 });

  it('sums the terms of an extra package on top of the own one', () => {
    const extra = deltaPackage({ monthlyAllowanceDelta: 1_000_000, salaryPercentAllowanceDelta: 0.25, signingBonusDelta: 12_000_000 }, own);
    expect(extra).toEqual({ monthlyAllowance: 1_000_000, salaryPercentAllowance: 0.25, signingBonus: 12_000_000, minServiceYears: 3 });
    // round(5,475,600 × (1 + 0.5 + 0.25)) = round(9,582,300) = 9,582,300
    // + 5,000,000 + 1,000,000
    // + round(60,000,000 / 36) + round(12,000,000 / 36) = 1,666,667 + 333,333
    // = 17,582,300
    expect(publicMonthlyStacked(BASE, 2.34, [own, extra])).toBe(17_582_300);
    expect(incentiveMonthly(BASE, 2.34, [own, extra])).toBe(17_582_300 - 5_475_600);
  });

  it('is the single-package formula for one package, and coefficient pay for none', () => {
    expect(publicMonthlyStacked(BASE, 2.34, [own])).toBe(publicMonthly(BASE, 2.34, own));
    expect(publicMonthlyStacked(BASE, 2.34, [])).toBe(5_475_600);
    expect(incentiveMonthly(BASE, 2.34, [])).toBe(0);
  });

  it('amortises each signing bonus on its own, unlike one merged package', () => {
    const twice = deltaPackage({ signingBonusDelta: 60_000_000 }, own);
    // Per package: round(1,666,666.67) + round(1,666,666.67) = 3,333,334
    // Merged:      round(120,000,000 / 36) = round(3,333,333.33) = 3,333,333
    const perPackage = publicMonthlyStacked(BASE, 2.34, [own, twice]);
    const merged = publicMonthly(BASE, 2.34, stackPackages(own, twice));
    expect(perPackage).toBe(8_213_400 + 5_000_000 + 3_333_334);
    expect(merged).toBe(8_213_400 + 5_000_000 + 3_333_333);
  });

  it('merges into one package that keeps the own service commitment', () => {
    const extra = pkg({ monthlyAllowance: -500_000, salaryPercentAllowance: 0.1, signingBonus: 6_000_000, minServiceYears: 9 });
    expect(stackPackages(own, extra)).toEqual({
      monthlyAllowance: 4_500_000,
      salaryPercentAllowance: 0.6,
      signingBonus: 66_000_000,
      minServiceYears: 3,
    });
  });

  it('amortises an extra bonus over one year when the vacancy has no package', () => {
    const extra = deltaPackage({ signingBonusDelta: 24_000_000 }, null);
    expect(extra).toEqual({ monthlyAllowance: 0, salaryPercentAllowance: 0, signingBonus: 24_000_000, minServiceYears: 1 });
    // 5,475,600 + 24,000,000 / 12 = 7,475,600
    expect(publicMonthlyStacked(BASE, 2.34, [extra])).toBe(7_475_600);
  });

  it('treats absent deltas as zero', () => {
    expect(deltaPackage({}, own)).toEqual({ monthlyAllowance: 0, salaryPercentAllowance: 0, signingBonus: 0, minServiceYears: 3 });
  });
});

describe('payRatio', () => {
  it('is public pay over the private median', () => {
    expect(payRatio(10_475_600, 20_951_200)).toBe(0.5);
    expect(payRatio(30_000_000, 20_000_000)).toBe(1.5);
  });

  it('is null without a positive median', () => {
    expect(payRatio(10_475_600, null)).toBeNull();
    expect(payRatio(10_475_600, undefined)).toBeNull();
    expect(payRatio(10_475_600, 0)).toBeNull();
    expect(payRatio(10_475_600, -1)).toBeNull();
    expect(payRatio(10_475_600, Number.NaN)).toBeNull();
  });
});

describe('packageApplies', () => {
  const window = { validFrom: '2025-07-01', validTo: '2025-12-31', eligibleRoleFamilies: ['SOFTWARE_ENGINEER', 'AI_ENGINEER'] };

  it('counts on both ends of the validity window, inclusive', () => {
    expect(packageApplies(window, 'SOFTWARE_ENGINEER', '2025-07-01')).toBe(true);
    expect(packageApplies(window, 'SOFTWARE_ENGINEER', '2025-12-31')).toBe(true);
    expect(packageApplies(window, 'AI_ENGINEER', '2025-09-15')).toBe(true);
  });

  it('does not count the day before or after the window', () => {
    expect(packageApplies(window, 'SOFTWARE_ENGINEER', '2025-06-30')).toBe(false);
    expect(packageApplies(window, 'SOFTWARE_ENGINEER', '2026-01-01')).toBe(false);
  });

  it('has no end when validTo is null or absent', () => {
    const open = { ...window, validTo: null };
    expect(packageApplies(open, 'SOFTWARE_ENGINEER', '2099-12-31')).toBe(true);
    expect(packageApplies(open, 'SOFTWARE_ENGINEER', '2025-06-30')).toBe(false);
    expect(packageApplies({ validFrom: '2025-07-01', eligibleRoleFamilies: ['IT_SUPPORT'] }, 'IT_SUPPORT', '2030-01-01')).toBe(true);
  });

  it('does not count for a role family outside the eligible ones', () => {
    expect(packageApplies(window, 'GENERAL_ADMINISTRATION', '2025-09-15')).toBe(false);
    expect(packageApplies({ ...window, eligibleRoleFamilies: [] }, 'SOFTWARE_ENGINEER', '2025-09-15')).toBe(false);
  });

  it('refuses a date that is not YYYY-MM-DD', () => {
    expect(() => packageApplies(window, 'SOFTWARE_ENGINEER', '2025-9-15')).toThrow(RangeError);
    expect(() => packageApplies(window, 'SOFTWARE_ENGINEER', '2025-09-15T00:00:00Z')).toThrow(RangeError);
  });
});
