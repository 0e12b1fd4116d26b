/**
 * Hires from a set of vacancies are a sum of independent Bernoulli(p_i): a Poisson-binomial count.
 * Its expectation is Σp; this module gives the spread around it.
 */

export const MAX_EXACT_TRIALS = 2000;

export interface HiresInterval {
  low: number;
  high: number;
  method: 'EXACT' | 'NORMAL';
}

// A cumulative sum that should reach a quantile exactly may fall short of it by rounding.
const CDF_SLACK = 1e-12;

function assertProbabilities(probabilities: readonly number[]): void {
  for (const p of probabilities) {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`not a probability: ${p}`);
  }
}

/** P(K = k) for k = 0..n, by the O(n²) recurrence over the trials, computed in place. */
export function poissonBinomialDistribution(probabilities: readonly number[]): Float64Array {
  assertProbabilities(probabilities);
  const n = probabilities.length;
  const pmf = new Float64Array(n + 1);
  pmf[0] = 1;
  for (let i = 0; i < n; i++) {
    const p = probabilities[i];
    // Downwards, so pmf[k - 1] still holds the value before trial i.
    for (let k = i + 1; k >= 1; k--) pmf[k] = pmf[k] * (1 - p) + pmf[k - 1] * p;
    pmf[0] *= 1 - p;
  }
  return pmf;
}

/** The smallest k whose cumulative probability reaches q. */
function quantile(pmf: Float64Array, q: number): number {
  let cdf = 0;
  for (let k = 0; k < pmf.length; k++) {
    cdf += pmf[k];
    if (cdf >= q - CDF_SLACK) return k;
  }
  return pmf.length - 1;
}

/**
 * The central interval holding `level` of the probability of the number of hires: exact
 * percentiles (integers) up to MAX_EXACT_TRIALS trials, the normal approximation
 * mean ± z·sd (not rounded, clamped to [0, n]) beyond.
 */
export function poissonBinomialInterval(probabilities: readonly number[], level = 0.9): HiresInterval {
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be strictly between 0 and 1: ${level}`);
  const tail = (1 - level) / 2;
  const n = probabilities.length;
  if (n <= MAX_EXACT_TRIALS) {
    const pmf = poissonBinomialDistribution(probabilities);
    return { low: quantile(pmf, tail), high: quantile(pmf, 1 - tail), method: 'EXACT' };
  }
  assertProbabilities(probabilities);
  let mean = 0;
  let variance = 0;
  for (const p of probabilities) {
    mean += p;
    variance += p * (1 - p);
  }
  const spread = normalQuantile(1 - tail) * Math.sqrt(variance);
  return { low: clamp(mean - spread, 0, n), high: clamp(mean + spread, 0, n), method: 'NORMAL' };
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(Math.max(v, lo), hi);
}

/**
 * Inverse of the standard normal CDF (Acklam's rational approximation, relative error below
 * 1.2e-9): 1.6448536 for 0.95, the z of a 90 % interval.
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`not a probability strictly between 0 and 1: ${p}`);
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const lowRegion = 0.02425;
  if (p < lowRegion) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - lowRegion) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}
