import { normalQuantile } from '../../shared/poisson-binomial';

/**
 * The workforce forecast's arithmetic (the contract's "Workforce forecast"), on a cohort the
 * database has already counted. A member matters here only through the year in which they
 * retire: retirementYear = the Y with Y-01-01 < retirementDate <= (Y+1)-01-01, so
 *   - in service at the start of Y   ⟺ retirementYear is null or >= Y;
 *   - retires in Y (a retirement of Y) ⟺ retirementYear = Y;
 *   - retiring before the start       ⟺ retirementYear <= Y0.
 * SQL groups the cohort by (category, IT, retirementYear), so a nation of millions arrives as a
 * few hundred rows, and everything below is linear in those rows and the years.
 */
export interface CohortGroup {
  category: string;
  isItSpecialist: boolean;
  /** null: no retirement date (no recorded sex or birth year). */
  retirementYear: number | null;
  members: number;
}

export interface QuotaOfYear {
  year: number;
  category: string;
  headcount: number;
}

export interface ForecastFigures {
  year: number;
  startHeadcount: number;
  retirements: number;
  otherSeparations: number;
  endHeadcount: number;
  /** The central 80 % of the end headcount when each member stays or leaves independently. */
  endHeadcountLow: number;
  endHeadcountHigh: number;
  quota: number;
  quotaCarriedForward: boolean;
  projectedGap: number;
  itRetirements: number;
  itEndHeadcount: number;
}

export interface CategoryForecast {
  category: string;
  cohort: number;
  years: ForecastFigures[];
}

export interface Forecast {
  cohort: number;
  retiringBeforeStart: number;
  years: ForecastFigures[];
  byCategory: CategoryForecast[];
}

export const BAND_LEVEL = 0.8;
/** Up to this many members the band is the exact binomial one; beyond, the normal approximation. */
export const MAX_EXACT_BAND_MEMBERS = 10_000;

/**
 * observed attrition = separations in the three years before Y0 / the sum over those years of
 * the headcount on 1 January; null (DEFAULT, 0) when that sum is 0. At most 1: people who
 * joined and left between two 1 Januaries count as separations but in no headcount, so the ratio
 * can pass 1, and a yearly share of leavers above the whole turns (1 - a)^(k-1) negative
 * (negative retirements and headcounts). Capped, everyone in service leaves in the first year.
 */
export function observedAttrition(separations: number, januaryHeadcounts: number): number | null {
  return januaryHeadcounts > 0 ? Math.min(separations / januaryHeadcounts, 1) : null;
}

export function forecastWorkforce(input: { asOfYear: number; years: number; attritionRate: number; cohort: CohortGroup[]; quotas: QuotaOfYear[] }): Forecast {
  const { asOfYear, years, attritionRate: a, cohort, quotas } = input;
  const categories = [...new Set([...cohort.map((g) => g.category), ...quotas.map((q) => q.category)])].sort();
  const all = figuresOf(cohort, quotas, asOfYear, years, a);
  return {
    cohort: sum(cohort),
    retiringBeforeStart: sum(cohort.filter((g) => g.retirementYear !== null && g.retirementYear <= asOfYear)),
    years: all,
    byCategory: categories.map((category) => {
      const members = cohort.filter((g) => g.category === category);
      return { category, cohort: sum(members), years: figuresOf(members, quotas.filter((q) => q.category === category), asOfYear, years, a) };
    }),
  };
}

function sum(groups: CohortGroup[]): number {
  return groups.reduce((total, g) => total + g.members, 0);
}

function figuresOf(cohort: CohortGroup[], quotas: QuotaOfYear[], asOfYear: number, years: number, a: number): ForecastFigures[] {
  const quotaByYear = new Map<number, number>();
  for (const q of quotas) quotaByYear.set(q.year, (quotaByYear.get(q.year) ?? 0) + q.headcount);
  const quotaYears = [...quotaByYear.keys()].sort((x, y) => x - y);
  const figures: ForecastFigures[] = [];
  for (let k = 1; k <= years; k++) {
    const year = asOfYear + k;
    const weight = (1 - a) ** (k - 1);
    const count = (groups: CohortGroup[], test: (retirementYear: number | null) => boolean) => sum(groups.filter((g) => test(g.retirementYear)));
    const inService = (y: number | null) => y === null || y >= year;
    const retiring = (y: number | null) => y === year;
    const it = cohort.filter((g) => g.isItSpecialist);
    const startHeadcount = count(cohort, inService) * weight;
    const retirements = count(cohort, retiring) * weight;
    const otherSeparations = (startHeadcount - retirements) * a;
    const endHeadcount = startHeadcount - retirements - otherSeparations;
    const itRetirements = count(it, retiring) * weight;
    const itEndHeadcount = (count(it, inService) * weight - itRetirements) * (1 - a);
    // Still in service at the end of Y: not retired by (Y+1)-01-01, and stayed k years.
    const band = binomialInterval(count(cohort, (y) => y === null || y > year), (1 - a) ** k, BAND_LEVEL);
    const own = quotaByYear.get(year);
    const earlier = own === undefined ? quotaYears.filter((y) => y < year).pop() : undefined;
    const quota = own ?? (earlier !== undefined ? quotaByYear.get(earlier)! : 0);
    figures.push({
      year,
      startHeadcount,
      retirements,
      otherSeparations,
      endHeadcount,
      endHeadcountLow: band.low,
      endHeadcountHigh: band.high,
      quota,
      quotaCarriedForward: own === undefined && earlier !== undefined,
      projectedGap: quota - endHeadcount,
      itRetirements,
      itEndHeadcount,
    });
  }
  return figures;
}

/**
 * The central `level` interval of Binomial(n, p): exact percentiles up to
 * MAX_EXACT_BAND_MEMBERS (in log space, so (1 - p)^n cannot underflow), else mean ± z·sd
 * clamped to [0, n].
 */
export function binomialInterval(n: number, p: number, level: number): { low: number; high: number } {
  if (n === 0 || p <= 0) return { low: 0, high: 0 };
  if (p >= 1) return { low: n, high: n };
  const tail = (1 - level) / 2;
  if (n > MAX_EXACT_BAND_MEMBERS) {
    const mean = n * p;
    const spread = normalQuantile(1 - tail) * Math.sqrt(n * p * (1 - p));
    return { low: Math.max(mean - spread, 0), high: Math.min(mean + spread, n) };
  }
  const logPmf = new Float64Array(n + 1);
  logPmf[0] = n * Math.log1p(-p);
  const logOdds = Math.log(p) - Math.log1p(-p);
  let max = logPmf[0];
  for (let k = 0; k < n; k++) {
    logPmf[k + 1] = logPmf[k] + Math.log((n - k) / (k + 1)) + logOdds;
    if (logPmf[k + 1] > max) max = logPmf[k + 1];
  }
  let total = 0;
  for (let k = 0; k <= n; k++) total += Math.exp(logPmf[k] - max);
  let low = -1;
  let high = n;
  let cdf = 0;
  for (let k = 0; k <= n; k++) {
    cdf += Math.exp(logPmf[k] - max) / total;
    // Slack: a cumulative sum meant to reach a quantile exactly may fall short by rounding.
    if (low < 0 && cdf >= tail - 1e-12) low = k;
    if (cdf >= 1 - tail - 1e-12) {
      high = k;
      break;
    }
  }
  return { low, high };
}
