import { mulberry32 } from '../src/shared/prng';
import {
  DEFAULT_MODEL,
  MIN_OFFERS_TO_FIT,
  OfferObservation,
  acceptProbability,
  fitAcceptanceModel,
} from '../src/modules/simulation/acceptance-model';
import {
  MAX_EXACT_TRIALS,
  normalQuantile,
  poissonBinomialDistribution,
  poissonBinomialInterval,
} from '../src/shared/poisson-binomial';

/** The logistic function written differently from the module: (1 + tanh(z/2)) / 2. */
function sigmoid(z: number): number {
  return 0.5 * (1 + Math.tanh(z / 2));
}

/** Offers drawn from a known law: ratio uniform in [lo, hi], accepted with p = σ(a + b ln ratio). */
function simulateOffers(seed: number, n: number, a: number, b: number, lo = 0.5, hi = 1.8): OfferObservation[] {
  const random = mulberry32(seed);
  const offers: OfferObservation[] = [];
  for (let i = 0; i < n; i++) {
    const payRatio = lo + (hi - lo) * random();
    offers.push({ payRatio, accepted: random() < sigmoid(a + b * Math.log(payRatio)) });
  }
  return offers;
}

/** The largest-or-smallest root of a decreasing function on [lo, hi], by bisection down to adjacent doubles. */
function decreasingRoot(f: (v: number) => number, lo: number, hi: number): number {
  if (!(f(lo) > 0 && f(hi) < 0)) throw new Error(`no sign change on [${lo}, ${hi}]`);
  for (;;) {
    const mid = (lo + hi) / 2;
    if (mid <= lo || mid >= hi) return mid;
    if (f(mid) > 0) lo = mid;
    else hi = mid;
  }
}

/**
 * An independent maximum-likelihood fitter, deliberately unlike Newton–Raphson: for a slope b the
 * intercept a(b) solves Σ(y − p) = 0 (decreasing in a); the profile score Σ(y − p)·x at (a(b), b)
 * is decreasing in b (the profile log-likelihood is concave), so the slope is found by bisection too.
 */
function fitByNestedBisection(offers: OfferObservation[]): { intercept: number; slope: number } {
  const x = offers.map((o) => Math.log(o.payRatio as number));
  const y = offers.map((o) => (o.accepted ? 1 : 0));
  const interceptFor = (b: number) =>
    decreasingRoot((a) => x.reduce((s, xi, i) => s + y[i] - sigmoid(a + b * xi), 0), -1000, 1000);
  const profileScore = (b: number) => {
    const a = interceptFor(b);
    return x.reduce((s, xi, i) => s + (y[i] - sigmoid(a + b * xi)) * xi, 0);
  };
  const slope = decreasingRoot(profileScore, -200, 200);
  return { intercept: interceptFor(slope), slope };
}

function scoreEquations(offers: OfferObservation[], intercept: number, slope: number): [number, number] {
  let s0 = 0;
  let s1 = 0;
  for (const o of offers) {
    const x = Math.log(o.payRatio as number);
    const r = (o.accepted ? 1 : 0) - sigmoid(intercept + slope * x);
    s0 += r;
    s1 += r * x;
  }
  return [s0, s1];
}

describe('acceptProbability', () => {
  it('follows the contract formula', () => {
    // Default model, ratio 1: z = 0 → 1/2. Ratio 0.5: z = 4 ln 0.5 = -ln 16 → 1/(1 + 16) = 1/17.
    expect(acceptProbability(DEFAULT_MODEL, 1)).toBe(0.5);
    expect(acceptProbability(DEFAULT_MODEL, 0.5)).toBeCloseTo(1 / 17, 15);
    expect(acceptProbability(DEFAULT_MODEL, 2)).toBeCloseTo(16 / 17, 15);
    const model = { intercept: 0.8, slope: 3 };
    expect(acceptProbability(model, 0.7)).toBeCloseTo(1 / (1 + Math.exp(-(0.8 + 3 * Math.log(0.7)))), 15);
  });

  it('is 0 for a ratio that is not positive', () => {
    expect(acceptProbability(DEFAULT_MODEL, 0)).toBe(0);
    expect(acceptProbability(DEFAULT_MODEL, -1)).toBe(0);
    expect(acceptProbability(DEFAULT_MODEL, Number.NaN)).toBe(0);
  });

  it('stays finite and in [0, 1] for very large |z|', () => {
    expect(acceptProbability({ intercept: 0, slope: 4 }, 1e-300)).toBe(0);
    expect(acceptProbability({ intercept: 0, slope: 4 }, 1e300)).toBe(1);
    expect(acceptProbability({ intercept: -1000, slope: 0 }, 1)).toBe(0);
    expect(acceptProbability({ intercept: 1000, slope: 0 }, 1)).toBe(1);
    expect(acceptProbability({ intercept: -700, slope: 0 }, 1)).toBeGreaterThan(0); // e^-700 does not underflow
    expect(acceptProbability({ intercept: 0.3, slope: 0 }, Number.POSITIVE_INFINITY)).toBeCloseTo(sigmoid(0.3), 15);
  });

  it('increases with the pay ratio when the slope is positive', () => {
    for (const model of [DEFAULT_MODEL, { intercept: 0.8, slope: 3 }, { intercept: -2, slope: 0.1 }]) {
      let previous = -1;
      for (let ratio = 0.05; ratio <= 5; ratio += 0.05) {
        const p = acceptProbability(model, ratio);
        expect(p).toBeGreaterThan(previous);
        previous = p;
      }
    }
  });
});

describe('fitAcceptanceModel', () => {
  it('matches an independent fitter on 60 offers from a known law', () => {
    const offers = simulateOffers(20250701, 60, 0.8, 3);
    const fit = fitAcceptanceModel(offers);
    const reference = fitByNestedBisection(offers);
    expect(fit.source).toBe('FITTED');
    expect(fit.reason).toBeNull();
    expect(fit.fittedOn).toBe(60);
    expect(fit.iterations).toBeLessThanOrEqual(100);
    expect(Math.abs(fit.intercept - reference.intercept)).toBeLessThan(1e-6);
    expect(Math.abs(fit.slope - reference.slope)).toBeLessThan(1e-6);
  });

  it('matches the independent fitter across seeds, including a steep, nearly separable law', () => {
    const cases = [
      simulateOffers(1, 40, 0.8, 3),
      simulateOffers(2, 200, -0.5, 1.5),
      simulateOffers(3, 80, 0, 12, 0.8, 1.25),
    ];
    for (const offers of cases) {
      const fit = fitAcceptanceModel(offers);
      const reference = fitByNestedBisection(offers);
      expect(fit.source).toBe('FITTED');
      expect(Math.abs(fit.intercept - reference.intercept)).toBeLessThan(1e-6);
      expect(Math.abs(fit.slope - reference.slope)).toBeLessThan(1e-6);
    }
  });

  it('recovers the true law from many offers', () => {
    const fit = fitAcceptanceModel(simulateOffers(42, 20_000, 0.8, 3));
    expect(fit.source).toBe('FITTED');
    expect(Math.abs(fit.intercept - 0.8)).toBeLessThan(0.1);
    expect(Math.abs(fit.slope - 3)).toBeLessThan(0.3);
  });

  it('solves the score equations on a small hand-made dataset', () => {
    // 20 offers, ratios 0.6..1.5 twice; acceptances thin out as pay falls, with overlap.
    const accepted = [0, 0, 1, 0, 1, 0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 1, 1, 0, 1, 1];
    const ratios = [0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.3, 1.4, 1.5];
    const offers = accepted.map((a, i) => ({ payRatio: ratios[i % 10], accepted: a === 1 }));
    const fit = fitAcceptanceModel(offers);
    expect(fit.source).toBe('FITTED');
    const [s0, s1] = scoreEquations(offers, fit.intercept, fit.slope);
    expect(Math.abs(s0)).toBeLessThan(1e-8);
    expect(Math.abs(s1)).toBeLessThan(1e-8);
    expect(fit.slope).toBeGreaterThan(0);
  });

  it('falls back to the default with fewer than 20 usable offers', () => {
    const few = fitAcceptanceModel(simulateOffers(7, 19, 0.8, 3));
    expect(few).toEqual({ ...DEFAULT_MODEL, fittedOn: 19, source: 'DEFAULT', reason: 'only 19 decided offers with a pay ratio; 20 are needed' });
    const none = fitAcceptanceModel([]);
    expect(none).toMatchObject({ ...DEFAULT_MODEL, fittedOn: 0, source: 'DEFAULT' });
    expect(MIN_OFFERS_TO_FIT).toBe(20);
  });

  it('ignores offers without a finite positive pay ratio', () => {
    const offers = simulateOffers(11, 30, 0.8, 3);
    const noisy: OfferObservation[] = [
      ...offers,
      { payRatio: null, accepted: true },
      { payRatio: Number.NaN, accepted: false },
      { payRatio: Number.POSITIVE_INFINITY, accepted: true },
      { payRatio: 0, accepted: false },
      { payRatio: -0.5, accepted: true },
    ];
    const clean = fitAcceptanceModel(offers);
    const fit = fitAcceptanceModel(noisy);
    expect(fit.fittedOn).toBe(30);
    expect(fit.source).toBe('FITTED');
    expect(fit.intercept).toBe(clean.intercept);
    expect(fit.slope).toBe(clean.slope);
    // 19 usable among 24: still too few.
    const tooFew = fitAcceptanceModel([...offers.slice(0, 19), ...noisy.slice(30)]);
    expect(tooFew).toMatchObject({ source: 'DEFAULT', fittedOn: 19 });
  });

  it('falls back when every offer was accepted, or every one declined', () => {
    const ratios = Array.from({ length: 25 }, (_, i) => 0.5 + i * 0.05);
    const allAccepted = fitAcceptanceModel(ratios.map((payRatio) => ({ payRatio, accepted: true })));
    expect(allAccepted).toMatchObject({ ...DEFAULT_MODEL, fittedOn: 25, source: 'DEFAULT' });
    expect(allAccepted.reason).toMatch(/all 25 offers were accepted/);
    const allDeclined = fitAcceptanceModel(ratios.map((payRatio) => ({ payRatio, accepted: false })));
    expect(allDeclined).toMatchObject({ ...DEFAULT_MODEL, source: 'DEFAULT' });
    expect(allDeclined.reason).toMatch(/all 25 offers were declined/);
  });

  it('falls back on separable data, in either direction and with a tie at the threshold', () => {
    const ratios = Array.from({ length: 24 }, (_, i) => 0.6 + i * 0.04);
    // Accepted exactly when the ratio is above 1: the likelihood rises forever with the slope.
    const upward = fitAcceptanceModel(ratios.map((payRatio) => ({ payRatio, accepted: payRatio > 1 })));
    expect(upward).toMatchObject({ ...DEFAULT_MODEL, fittedOn: 24, source: 'DEFAULT' });
    expect(upward.reason).toMatch(/separates/);
    const downward = fitAcceptanceModel(ratios.map((payRatio) => ({ payRatio, accepted: payRatio < 1 })));
    expect(downward).toMatchObject({ source: 'DEFAULT' });
    expect(downward.reason).toMatch(/separates/);
    // Quasi-complete: both outcomes at the threshold ratio 1.2, none crossing it.
    const tied = [
      ...ratios.map((payRatio) => ({ payRatio, accepted: payRatio > 1.2 })),
      { payRatio: 1.2, accepted: true },
      { payRatio: 1.2, accepted: false },
    ];
    expect(fitAcceptanceModel(tied).reason).toMatch(/separates/);
  });

  it('falls back when every offer has the same pay ratio', () => {
    const same = Array.from({ length: 30 }, (_, i) => ({ payRatio: 0.9, accepted: i % 3 === 0 }));
    const fit = fitAcceptanceModel(same);
    expect(fit).toMatchObject({ ...DEFAULT_MODEL, source: 'DEFAULT', fittedOn: 30 });
    expect(fit.reason).toMatch(/same pay ratio/);
  });

  it('fits once a single offer breaks the separation', () => {
    const ratios = Array.from({ length: 24 }, (_, i) => 0.6 + i * 0.04);
    const offers = ratios.map((payRatio) => ({ payRatio, accepted: payRatio > 1 }));
    offers[0] = { payRatio: offers[0].payRatio, accepted: true }; // the lowest-paid offer accepted
    const fit = fitAcceptanceModel(offers);
    const reference = fitByNestedBisection(offers);
    expect(fit.source).toBe('FITTED');
    expect(Math.abs(fit.intercept - reference.intercept)).toBeLessThan(1e-6);
    expect(Math.abs(fit.slope - reference.slope)).toBeLessThan(1e-6);
  });
});

describe('poissonBinomialInterval', () => {
  function binomialPmf(n: number, p: number): number[] {
    const pmf: number[] = [];
    let choose = 1; // C(n, k), built up multiplicatively
    for (let k = 0; k <= n; k++) {
      pmf.push(choose * p ** k * (1 - p) ** (n - k));
      choose = (choose * (n - k)) / (k + 1);
    }
    return pmf;
  }

  function percentile(pmf: number[], q: number): number {
    let cdf = 0;
    for (let k = 0; k < pmf.length; k++) {
      cdf += pmf[k];
      if (cdf >= q) return k;
    }
    return pmf.length - 1;
  }

  it('gives the exact binomial percentiles for ten coin flips', () => {
    // CDF(1) = 11/1024 ≈ 0.011, CDF(2) = 56/1024 ≈ 0.055 → low 2;
    // CDF(7) = 968/1024 ≈ 0.945, CDF(8) = 1013/1024 ≈ 0.989 → high 8.
    const reference = binomialPmf(10, 0.5);
    const pmf = poissonBinomialDistribution(new Array(10).fill(0.5));
    reference.forEach((value, k) => expect(Math.abs(pmf[k] - value)).toBeLessThan(1e-15));
    expect(percentile(reference, 0.05)).toBe(2);
    expect(percentile(reference, 0.95)).toBe(8);
    expect(poissonBinomialInterval(new Array(10).fill(0.5))).toEqual({ low: 2, high: 8, method: 'EXACT' });
  });

  it('matches brute-force enumeration for unequal probabilities', () => {
    const random = mulberry32(99);
    const p = Array.from({ length: 12 }, () => random());
    const brute = new Array(13).fill(0);
    for (let mask = 0; mask < 1 << 12; mask++) {
      let prob = 1;
      let hires = 0;
      for (let i = 0; i < 12; i++) {
        if (mask & (1 << i)) {
          prob *= p[i];
          hires++;
        } else prob *= 1 - p[i];
      }
      brute[hires] += prob;
    }
    const pmf = poissonBinomialDistribution(p);
    brute.forEach((value, k) => expect(Math.abs(pmf[k] - value)).toBeLessThan(1e-14));
    expect(poissonBinomialInterval(p)).toEqual({ low: percentile(brute, 0.05), high: percentile(brute, 0.95), method: 'EXACT' });
  });

  it('handles certain and impossible hires', () => {
    expect(poissonBinomialInterval([])).toEqual({ low: 0, high: 0, method: 'EXACT' });
    expect(poissonBinomialInterval(new Array(7).fill(1))).toEqual({ low: 7, high: 7, method: 'EXACT' });
    expect(poissonBinomialInterval(new Array(7).fill(0))).toEqual({ low: 0, high: 0, method: 'EXACT' });
    expect(poissonBinomialInterval([1, 1, 0, 1, 0])).toEqual({ low: 3, high: 3, method: 'EXACT' });
    expect(poissonBinomialInterval(new Array(MAX_EXACT_TRIALS).fill(1))).toEqual({ low: 2000, high: 2000, method: 'EXACT' });
  });

  it('uses the normal approximation beyond 2000 vacancies', () => {
    const random = mulberry32(5000);
    const p = Array.from({ length: 5000 }, () => random());
    const mean = p.reduce((s, v) => s + v, 0);
    const sd = Math.sqrt(p.reduce((s, v) => s + v * (1 - v), 0));
    const interval = poissonBinomialInterval(p);
    expect(interval.method).toBe('NORMAL');
    // z of a 90 % interval: 1.6448536269514722 (≈ 1.6449)
    expect(Math.abs(interval.low - (mean - 1.6448536269514722 * sd))).toBeLessThan(1e-6);
    expect(Math.abs(interval.high - (mean + 1.6448536269514722 * sd))).toBeLessThan(1e-6);
    expect(Math.abs(interval.high - (mean + 1.6449 * sd))).toBeLessThan(0.01);
  });

  it('clamps the normal interval to [0, n]', () => {
    expect(poissonBinomialInterval(new Array(5000).fill(0.9999))).toMatchObject({ high: 5000, method: 'NORMAL' });
    expect(poissonBinomialInterval(new Array(5000).fill(0.0001))).toMatchObject({ low: 0, method: 'NORMAL' });
    expect(poissonBinomialInterval(new Array(5000).fill(0))).toEqual({ low: 0, high: 0, method: 'NORMAL' });
  });

  it('switches method between 2000 and 2001 vacancies, the two agreeing closely there', () => {
    const exact = poissonBinomialInterval(new Array(2000).fill(0.3));
    const normal = poissonBinomialInterval(new Array(2001).fill(0.3));
    expect(exact.method).toBe('EXACT');
    expect(normal.method).toBe('NORMAL');
    expect(Math.abs(exact.low - normal.low)).toBeLessThan(2);
    expect(Math.abs(exact.high - normal.high)).toBeLessThan(2);
  });

  it('honours another level and refuses bad input', () => {
    const wide = poissonBinomialInterval(new Array(10).fill(0.5), 0.99);
    // CDF(0) = 1/1024 < 0.005 ≤ CDF(1) = 11/1024; CDF(8) = 1013/1024 < 0.995 ≤ CDF(9) = 1023/1024
    expect(wide).toEqual({ low: 1, high: 9, method: 'EXACT' });
    expect(() => poissonBinomialInterval([0.5, 1.2])).toThrow(RangeError);
    expect(() => poissonBinomialInterval([Number.NaN])).toThrow(RangeError);
    expect(() => poissonBinomialInterval([0.5], 1)).toThrow(RangeError);
  });

  it('inverts the normal CDF', () => {
    expect(Math.abs(normalQuantile(0.95) - 1.6448536269514722)).toBeLessThan(1e-8);
    expect(Math.abs(normalQuantile(0.975) - 1.959963984540054)).toBeLessThan(1e-8);
    expect(Math.abs(normalQuantile(0.01) + 2.3263478740408408)).toBeLessThan(1e-8);
    expect(Math.abs(normalQuantile(0.5))).toBeLessThan(1e-15);
  });
});
