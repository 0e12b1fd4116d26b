import { badUserInput } from '../../shared/domain-error';
import { RateSource } from '../../graphql/enums';
import { yearOf } from '../../shared/today';
import { OrgUnit, requireUnitForQuery } from '../org';
import { attritionHistory, cohortGroups, quotasUpTo, turnoverFigures, TurnoverFigures } from './forecast.sql';
import { Forecast, forecastWorkforce, observedAttrition } from './workforce-forecast';
import type { Deps } from '../../edge/deps';

export const MAX_FORECAST_YEARS = 30;
export const MAX_TURNOVER_YEARS = 50;

export interface WorkforceForecastResult extends Forecast {
  unit: OrgUnit;
  asOf: string;
  attritionRate: number;
  attritionSource: RateSource;
}

/** Checked before any SQL runs: a refused question costs nothing. */
function assertForecastArguments(args: { years: number; attritionRate?: number | null }): void {
  if (!Number.isInteger(args.years) || args.years < 1 || args.years > MAX_FORECAST_YEARS) {
    throw badUserInput(`years must be a whole number from 1 to ${MAX_FORECAST_YEARS}, got ${args.years}`, 'years');
  }
  const rate = args.attritionRate;
  if (rate != null && !(rate >= 0 && rate <= 1)) throw badUserInput(`attritionRate must be from 0 to 1, got ${rate}`, 'attritionRate');
}

/** Cohort, history and quotas in three statements; the arithmetic in workforce-forecast.ts. */
export async function workforceForecastFor(
  deps: Deps,
  args: { unitCode: string; years: number; attritionRate?: number | null; asOf?: string | null },
): Promise<WorkforceForecastResult> {
  assertForecastArguments(args);
  const unit = await requireUnitForQuery(deps, args.unitCode);
  const asOf = args.asOf ?? deps.clock.today();
  const asOfYear = yearOf(asOf);
  const given = args.attritionRate ?? null;
  const [cohort, history, quotas] = await Promise.all([
    cohortGroups(deps.readSql, unit.id, asOf),
    given === null ? attritionHistory(deps.readSql, unit.id, asOf, asOfYear) : null,
    quotasUpTo(deps.readSql, unit.id, asOf, asOfYear + args.years),
  ]);
  const observed = history ? observedAttrition(history.separations, history.januaryHeadcounts) : null;
  const attritionRate = given ?? observed ?? 0;
  const attritionSource = given !== null ? RateSource.GIVEN : observed !== null ? RateSource.OBSERVED : RateSource.DEFAULT;
  return { unit, asOf, attritionRate, attritionSource, ...forecastWorkforce({ asOfYear, years: args.years, attritionRate, cohort, quotas }) };
}

export interface TurnoverResult extends TurnoverFigures {
  unit: OrgUnit;
  from: string;
  to: string;
}

export async function turnoverFor(deps: Deps, args: { unitCode: string; from: string; to: string }): Promise<TurnoverResult> {
  if (args.from > args.to) throw badUserInput(`from (${args.from}) is after to (${args.to})`, 'from');
  if (yearOf(args.to) - yearOf(args.from) > MAX_TURNOVER_YEARS) throw badUserInput(`the period may span at most ${MAX_TURNOVER_YEARS} years`, 'to');
  const unit = await requireUnitForQuery(deps, args.unitCode);
  return { unit, from: args.from, to: args.to, ...(await turnoverFigures(deps.readSql, unit.id, args.from, args.to)) };
}
