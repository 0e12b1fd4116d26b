/**
 * The acceptance model of the policy simulation (API contract, "policy simulation"):
 *
 *   p(accept) = 1 / (1 + exp(-(intercept + slope * ln(payRatio))))
 *
 * intercept 0 and slope 4 by default; with at least 20 decided offers that have a pay ratio, both
 * are fitted by maximum likelihood on them (logistic regression on x = ln(payRatio)).
 */

export interface AcceptanceModelParams {
  intercept: number;
  slope: number;
}

export interface OfferObservation {
  payRatio: number | null;
  accepted: boolean;
}

export type ModelSource = 'FITTED' | 'DEFAULT';

export interface AcceptanceModelFit extends AcceptanceModelParams {
  /** The observations with a usable pay ratio, whether or not the fit succeeded. */
  fittedOn: number;
  source: ModelSource;
  /** Why the default model is used; null when FITTED. */
  reason: string | null;
  /** Newton iterations of a successful fit. */
  iterations?: number;
}

export const DEFAULT_MODEL: Readonly<AcceptanceModelParams> = Object.freeze({ intercept: 0, slope: 4 });
export const MIN_OFFERS_TO_FIT = 20;

const MAX_ITERATIONS = 100;
const STEP_TOLERANCE = 1e-10;
const MAX_STEP_HALVINGS = 50;

/** 1 / (1 + exp(-z)) without overflow: exp is only ever taken of a non-positive number. */
export function logistic(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** Probability that an offer at this pay ratio is accepted; 0 for a ratio that is not positive. */
export function acceptProbability(model: AcceptanceModelParams, payRatio: number): number {
  if (!(payRatio > 0)) return 0;
  // slope 0 ignores the ratio, even an infinite one (0 * Infinity would be NaN).
  const z = model.slope === 0 ? model.intercept : model.intercept + model.slope * Math.log(payRatio);
  return logistic(z);
}

function usableRatio(o: OfferObservation): o is { payRatio: number; accepted: boolean } {
  return typeof o.payRatio === 'number' && Number.isFinite(o.payRatio) && o.payRatio > 0;
}

/** Maximum-likelihood fit, or the default model with the reason it could not be fitted. */
export function fitAcceptanceModel(observations: readonly OfferObservation[]): AcceptanceModelFit {
  const usable = observations.filter(usableRatio);
  const fittedOn = usable.length;
  const fallback = (reason: string): AcceptanceModelFit => ({ ...DEFAULT_MODEL, fittedOn, source: 'DEFAULT', reason });

  if (fittedOn < MIN_OFFERS_TO_FIT) {
    return fallback(`only ${fittedOn} decided offers with a pay ratio; ${MIN_OFFERS_TO_FIT} are needed`);
  }
  const x = usable.map((o) => Math.log(o.payRatio));
  const y = usable.map((o) => (o.accepted ? 1 : 0));
  const noEstimate = whyNoFiniteEstimate(x, y);
  if (noEstimate) return fallback(noEstimate);

  const fit = newtonRaphson(x, y);
  if (typeof fit === 'string') return fallback(fit);
  return { intercept: fit.intercept, slope: fit.slope, fittedOn, source: 'FITTED', reason: null, iterations: fit.iterations };
}

/**
 * The maximum-likelihood estimate is finite only when the two outcomes overlap in x. With one
 * regressor, (quasi-)complete separation means every accepted offer sits at or above every
 * declined one (or the reverse); the likelihood then keeps rising as |slope| grows without end.
 */
function whyNoFiniteEstimate(x: number[], y: number[]): string | null {
  const accepted = { n: 0, min: Infinity, max: -Infinity };
  const declined = { n: 0, min: Infinity, max: -Infinity };
  for (let i = 0; i < x.length; i++) {
    const side = y[i] === 1 ? accepted : declined;
    side.n++;
    side.min = Math.min(side.min, x[i]);
    side.max = Math.max(side.max, x[i]);
  }
  if (declined.n === 0) return `all ${x.length} offers were accepted; the model cannot be fitted`;
  if (accepted.n === 0) return `all ${x.length} offers were declined; the model cannot be fitted`;
  if (Math.min(accepted.min, declined.min) === Math.max(accepted.max, declined.max)) {
    return 'every offer has the same pay ratio; the slope cannot be estimated';
  }
  if (declined.max <= accepted.min) {
    return 'the pay ratio separates the outcomes perfectly (no declined offer paid more than an accepted one); the maximum-likelihood slope is infinite';
  }
  if (accepted.max <= declined.min) {
    return 'the pay ratio separates the outcomes perfectly (no accepted offer paid more than a declined one); the maximum-likelihood slope is infinite';
  }
  return null;
}

/** log(1 + exp(z)) without overflow. */
function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

function logLikelihood(x: number[], y: number[], intercept: number, slope: number): number {
  let sum = 0;
  for (let i = 0; i < x.length; i++) {
    const z = intercept + slope * x[i];
    sum += y[i] * z - softplus(z);
  }
  return sum;
}

interface NewtonResult {
  intercept: number;
  slope: number;
  iterations: number;
}

/** Newton–Raphson (IRLS) with step halving; a string says why it failed. */
function newtonRaphson(x: number[], y: number[]): NewtonResult | string {
  const meanY = y.reduce((s, v) => s + v, 0) / y.length;
  let intercept = Math.log(meanY / (1 - meanY));
  let slope = 0;
  let ll = logLikelihood(x, y, intercept, slope);

  for (let iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
    // Score g and information H = X'WX, w = p(1 - p).
    let g0 = 0, g1 = 0, h00 = 0, h01 = 0, h11 = 0;
    for (let i = 0; i < x.length; i++) {
      const p = logistic(intercept + slope * x[i]);
      const r = y[i] - p;
      const w = p * (1 - p);
      g0 += r;
      g1 += r * x[i];
      h00 += w;
      h01 += w * x[i];
      h11 += w * x[i] * x[i];
    }
    const det = h00 * h11 - h01 * h01;
    if (!(det > 1e-12 * h00 * h11)) return `the information matrix became singular at iteration ${iteration}`;
    const stepIntercept = (h11 * g0 - h01 * g1) / det;
    const stepSlope = (h00 * g1 - h01 * g0) / det;
    if (!Number.isFinite(stepIntercept) || !Number.isFinite(stepSlope)) return `a non-finite Newton step at iteration ${iteration}`;

    // Halve the step while it loses likelihood (beyond rounding noise in the sum).
    let t = 1;
    let nextLl = logLikelihood(x, y, intercept + stepIntercept, slope + stepSlope);
    const noise = 1e-12 * Math.max(1, Math.abs(ll));
    let halvings = 0;
    while (!(nextLl >= ll - noise)) {
      if (++halvings > MAX_STEP_HALVINGS) return `no step increased the likelihood at iteration ${iteration}`;
      t /= 2;
      nextLl = logLikelihood(x, y, intercept + t * stepIntercept, slope + t * stepSlope);
    }
    intercept += t * stepIntercept;
    slope += t * stepSlope;
    ll = nextLl;
    if (!Number.isFinite(intercept) || !Number.isFinite(slope)) return `non-finite coefficients at iteration ${iteration}`;
    if (halvings === 0 && Math.max(Math.abs(stepIntercept), Math.abs(stepSlope)) < STEP_TOLERANCE) {
      return { intercept, slope, iterations: iteration };
    }
  }
  return `the fit did not converge in ${MAX_ITERATIONS} iterations`;
}
