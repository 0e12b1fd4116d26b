import { Arg, Ctx, Field, Float, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../edge/context';
import { depsOf } from '../../edge/context';
import { RateSource, SeparationReason, StaffCategory } from '../../graphql/enums';
import { LocalDateScalar } from '../../graphql/scalars';
import { OrgUnit } from '../org';
import { turnoverFor, TurnoverResult, workforceForecastFor, WorkforceForecastResult } from './forecast.service';
import type { CategoryForecast, ForecastFigures } from './workforce-forecast';

@ObjectType('SeparationCount', { description: 'Separations of one reason; reason null: ended without a recorded reason.' })
export class SeparationCount {
  @Field(() => SeparationReason, { nullable: true, description: 'Why; null: ended without a recorded reason.' })
  reason!: SeparationReason | null;

  @Field(() => Int, { description: 'How many separations had this reason.' })
  count!: number;
}

@ObjectType('Turnover', { description: 'Who left a subtree over a period. Scope: the unit and every unit below it that existed at any time in [from, to].' })
export class Turnover {
  result!: TurnoverResult;

  @Field(() => OrgUnit, { description: 'The unit whose subtree is counted.' })
  get unit(): OrgUnit {
    return this.result.unit;
  }

  @Field(() => LocalDateScalar, { description: 'First day of the period.' })
  get from(): string {
    return this.result.from;
  }

  @Field(() => LocalDateScalar, { description: 'Last day of the period.' })
  get to(): string {
    return this.result.to;
  }

  @Field(() => Int, { description: 'PRIMARY assignments in scope with endDate in [from, to], endReason not TRANSFER or REORGANISATION.' })
  get separations(): number {
    return this.result.separations;
  }

  @Field(() => [SeparationCount], { description: 'Those separations per reason, every reason with a count above 0, nulls included.' })
  get byReason(): SeparationCount[] {
    return this.result.by_reason.map((r) => Object.assign(new SeparationCount(), { reason: r.reason as SeparationReason | null, count: r.count }));
  }

  @Field(() => Int, { description: 'PRIMARY assignments in scope ended in [from, to] with endReason TRANSFER whose person\'s next PRIMARY lies outside the scope.' })
  get transfersOut(): number {
    return this.result.transfers_out;
  }

  @Field(() => Float, { description: '(active PRIMARY in scope on from + active PRIMARY in scope on to) / 2.' })
  get averageHeadcount(): number {
    return (this.result.headcount_from + this.result.headcount_to) / 2;
  }

  @Field(() => Float, { nullable: true, description: 'separations / averageHeadcount; null when averageHeadcount is 0.' })
  get rate(): number | null {
    const average = this.averageHeadcount;
    return average > 0 ? this.result.separations / average : null;
  }

  @Field(() => Int, { description: 'Separations from IT-specialist positions.' })
  get itSeparations(): number {
    return this.result.it_separations;
  }

  @Field(() => Int, { description: 'Separations with destinationSector PRIVATE.' })
  get lostToPrivate(): number {
    return this.result.lost_to_private;
  }
}

@ObjectType('ForecastYear', { description: 'One year of a workforce forecast, with no hiring assumed.' })
export class ForecastYear implements ForecastFigures {
  @Field(() => Int, { description: 'The forecast year.' }) year!: number;
  @Field(() => Float, { description: 'Sum over members in service at the start of the year of (1 - a)^(k-1).' }) startHeadcount!: number;
  @Field(() => Float, { description: 'Members retiring in the year, weighted (1 - a)^(k-1).' }) retirements!: number;
  @Field(() => Float, { description: '(startHeadcount - retirements) × a.' }) otherSeparations!: number;
  @Field(() => Float, { description: 'startHeadcount - retirements - otherSeparations.' }) endHeadcount!: number;
  @Field(() => Float, { description: '10th percentile of the end headcount when each member stays or leaves independently.' }) endHeadcountLow!: number;
  @Field(() => Float, { description: '90th percentile of the end headcount, in the same model.' }) endHeadcountHigh!: number;
  @Field(() => Int, { description: 'The scope\'s quota for the year (sum over categories), or the latest earlier year\'s.' }) quota!: number;
  @Field(() => Boolean, { description: 'True when no quota row exists for the year and an earlier year\'s is used.' }) quotaCarriedForward!: boolean;
  @Field(() => Float, { description: 'quota - endHeadcount.' }) projectedGap!: number;
  @Field(() => Float, { description: 'Retirements from IT-specialist posts.' }) itRetirements!: number;
  @Field(() => Float, { description: 'End headcount on IT-specialist posts.' }) itEndHeadcount!: number;
}

@ObjectType('CategoryForecast', { description: 'The forecast of one staff category, against that category\'s quota.' })
export class CategoryForecastType {
  @Field(() => StaffCategory, { description: 'The staff category.' }) category!: StaffCategory;
  @Field(() => Int, { description: 'Members of the cohort in this category.' }) cohort!: number;
  @Field(() => [ForecastYear], { description: 'The years of the forecast, against this category\'s quota.' }) years!: ForecastYear[];
}

@ObjectType('WorkforceForecast', { description: 'Headcount, retirements and separations in the coming years, with no hiring assumed. Scope as for staffingGap on asOf.' })
export class WorkforceForecast {
  result!: WorkforceForecastResult;

  @Field(() => OrgUnit, { description: 'The unit whose scope is forecast.' })
  get unit(): OrgUnit {
    return this.result.unit;
  }

  @Field(() => LocalDateScalar, { description: 'The day the cohort is taken on; its year is Y0.' })
  get asOf(): string {
    return this.result.asOf;
  }

  @Field(() => Float, { description: 'The attrition rate a used: the given one, else the observed one (at most 1).' })
  get attritionRate(): number {
    return this.result.attritionRate;
  }

  @Field(() => RateSource, { description: 'Where attritionRate came from.' })
  get attritionSource(): RateSource {
    return this.result.attritionSource;
  }

  @Field(() => Int, { description: 'People with an active PRIMARY assignment in scope on asOf.' })
  get cohort(): number {
    return this.result.cohort;
  }

  @Field(() => Int, { description: 'Members whose retirementDate is on or before 1 January of the first forecast year.' })
  get retiringBeforeStart(): number {
    return this.result.retiringBeforeStart;
  }

  @Field(() => [ForecastYear], { description: 'Y0+1 … Y0+years.' })
  get years(): ForecastFigures[] {
    return this.result.years;
  }

  @Field(() => [CategoryForecastType], { description: 'The same forecast per staff category.' })
  get byCategory(): CategoryForecast[] {
    return this.result.byCategory;
  }
}

@Resolver()
export class ForecastResolver {
  @Query(() => Turnover, { description: 'Separations by reason, transfers out, the IT split and leavers to the private sector over a period.' })
  async turnover(
    @Arg('unitCode', () => String, { description: 'Unit whose subtree is counted.' }) unitCode: string,
    @Arg('from', () => LocalDateScalar, { description: 'First day of the period.' }) from: string,
    @Arg('to', () => LocalDateScalar, { description: 'Last day of the period (at most 50 years after from).' }) to: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Turnover> {
    return Object.assign(new Turnover(), { result: await turnoverFor(depsOf(ctx), { unitCode, from, to }) });
  }

  @Query(() => WorkforceForecast, { description: 'Retirements, other separations and headcount against quota in each coming year (years 1..30; attritionRate 0..1).' })
  async workforceForecast(
    @Arg('unitCode', () => String, { description: 'Unit whose scope is forecast.' }) unitCode: string,
    @Arg('years', () => Int, { defaultValue: 5, description: 'How many years ahead, 1 to 30.' }) years: number,
    @Arg('attritionRate', () => Float, { nullable: true, description: 'Share leaving each year for reasons other than retirement, 0 to 1; default: observed over the last three years.' }) attritionRate: number | null,
    @Arg('asOf', () => LocalDateScalar, { nullable: true, description: 'Day the cohort is taken on; default today.' }) asOf: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<WorkforceForecast> {
    return Object.assign(new WorkforceForecast(), { result: await workforceForecastFor(depsOf(ctx), { unitCode, years, attritionRate, asOf }) });
  }
}
