import type { GraphQLResolveInfo } from 'graphql';
import { Args, ArgsType, Ctx, Field, FieldResolver, Float, Info, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { fieldNamesBelow, selectsField } from '../../graphql/selection';
import { badUserInput } from '../../shared/domain-error';
import { LocalDateScalar } from '../../graphql/scalars';
import { StaffAnalysisArgs } from '../../graphql/args';
import type { RequestContext } from '../../edge/context';
import { depsOf } from '../../edge/context';
import { RelationResolver, relationOf } from '../../edge/relation';
import { OrgUnit, unitById } from '../org';
import { Competency, competencyById } from '../people';
import * as analytics from './staffing-analytics.service';

@ObjectType('StaffingGap', { description: 'Quota against staff for a unit\'s scope in a year, as of a date. Scope: the unit and, with includeDescendants, every unit below it that exists on the date.' })
export class StaffingGap {
  result!: analytics.StaffingGapResult;

  @Field(() => Int, { description: 'The year whose quotas are counted.' })
  get year(): number {
    return this.result.query.year;
  }

  @Field(() => Int, { description: 'Sum of EstablishmentQuota.headcount for the year in scope.' })
  get quota(): number {
    return this.result.quota;
  }

  @Field(() => Int, { description: 'Active PRIMARY assignments in scope.' })
  get filled(): number {
    return this.result.filled;
  }

  @Field(() => Int, { description: 'quota - filled (negative: over quota).' })
  get gap(): number {
    return this.result.quota - this.result.filled;
  }

  @Field(() => Int, { description: 'Active CONCURRENT assignments (kiêm nhiệm) in scope.' })
  get concurrentCoverage(): number {
    return this.result.concurrent_coverage;
  }

  @Field(() => Int, { description: 'Vacancies OPEN, INTERVIEWING or OFFERED in scope.' })
  get openVacancies(): number {
    return this.result.open_vacancies;
  }

  @Field(() => Int, { description: 'Sum of headcount of IT-specialist positions in scope.' })
  get itSeatsPlanned(): number {
    return this.result.it_seats_planned;
  }

  @Field(() => Int, { description: 'Active PRIMARY assignments to IT-specialist positions in scope.' })
  get itSeatsFilled(): number {
    return this.result.it_seats_filled;
  }

  @Field(() => Int, { description: 'IT-specialist seats held only by a concurrent post: sum over IT positions of min(activeConcurrent, max(headcount - activePrimary, 0)).' })
  get itSeatsCoveredConcurrently(): number {
    return this.result.it_seats_covered_concurrently;
  }

  @Field(() => Int, {
    description: 'Units in scope with active PRIMARY assignments on the date but no quota row for the year: their filled seats count against a quota of 0, so a negative gap there means "no quota set", not overstaffing.',
  })
  get unitsWithoutQuota(): number {
    return this.result.units_without_quota;
  }

  @Field(() => Int, { description: 'itSeatsPlanned - itSeatsFilled.' })
  get itGap(): number {
    return this.result.it_seats_planned - this.result.it_seats_filled;
  }

  @Field(() => LocalDateScalar, { description: 'The date assignments and units were judged on.' })
  get asOf(): string {
    return this.result.query.asOf;
  }

  static of(result: analytics.StaffingGapResult): StaffingGap {
    return Object.assign(new StaffingGap(), { result });
  }
}

@ObjectType('SkillGap', { description: 'Seats requiring a competency against incumbents who meet it, over positions in scope.' })
export class SkillGap {
  competencyId!: string;

  @Field(() => Int, { description: 'Sum of headcount of positions that require it.' })
  seatsRequiring!: number;

  @Field(() => Int, { description: 'Active PRIMARY assignments to such positions whose person has level >= required.' })
  seatsMet!: number;

  @Field(() => Int, { description: 'seatsRequiring - seatsMet.' })
  get gap(): number {
    return this.seatsRequiring - this.seatsMet;
  }

  @Field(() => Int, { description: 'Distinct people with an active assignment (either kind) in scope who hold the competency at any level.' })
  peopleWithSkill!: number;

  @Field(() => Int, { description: 'Seats that need a hire: sum over positions requiring it of max(headcount - active PRIMARY, 0).' })
  seatsEmpty!: number;

  @Field(() => Int, { description: 'Seats whose holder needs training: active PRIMARY assignments to such positions whose person\'s level < required.' })
  seatsHeldBelowLevel!: number;

  @Field(() => Int, { description: 'Of seatsHeldBelowLevel, those whose person\'s level = required - 1 (one course away).' })
  seatsOneLevelShort!: number;
}

@ObjectType('PlacementFit', { description: '"Right person, right job": how many incumbents of active PRIMARY assignments in scope meet every requirement of their position.' })
export class PlacementFit {
  unitId!: string;

  @Field(() => Int, { description: 'Active PRIMARY assignments in scope.' })
  assignmentsEvaluated!: number;

  @Field(() => Int, { description: 'Of those, incumbents holding every required competency at the required level or above.' })
  fullyQualified!: number;

  @Field(() => Int, { description: 'assignmentsEvaluated - fullyQualified.' })
  get mismatched(): number {
    return this.assignmentsEvaluated - this.fullyQualified;
  }

  @Field(() => Float, { nullable: true, description: 'fullyQualified / assignmentsEvaluated; null when nothing was evaluated.' })
  get fitRate(): number | null {
    return this.assignmentsEvaluated === 0 ? null : this.fullyQualified / this.assignmentsEvaluated;
  }
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 1900 || year > 2200) throw badUserInput('year must be from 1900 to 2200', 'year');
}

@ArgsType()
class StaffingGapArgs extends StaffAnalysisArgs {
  @Field(() => Int, { description: 'Year whose quotas count.' })
  year!: number;
}

@Resolver(() => StaffingGap)
export class StaffingGapResolver extends RelationResolver(StaffingGap, {
  unit: relationOf(OrgUnit, 'The unit analysed.', (gap) => String(gap.result.unit_id), unitById),
}) {
  @Query(() => StaffingGap, { description: 'Where a unit is short: quota against filled seats, IT seats and concurrent cover, in a year as of a date.' })
  async staffingGap(@Args(() => StaffingGapArgs) { unitCode, year, includeDescendants, asOf }: StaffingGapArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<StaffingGap> {
    checkYear(year);
    const shown = fieldNamesBelow(info);
    const figures = { concurrent: shown.has('concurrentCoverage') || shown.has('itSeatsCoveredConcurrently'), vacancies: shown.has('openVacancies') };
    return StaffingGap.of(await analytics.staffingGapFor(depsOf(ctx), { unitCode, year, includeDescendants, asOf }, selectsField(info, 'children'), figures));
  }

  @FieldResolver(() => [StaffingGap], { description: 'One per direct child unit existing on the date, each over that child\'s own subtree.' })
  async children(@Root() gap: StaffingGap, @Ctx() ctx: RequestContext): Promise<StaffingGap[]> {
    return (await analytics.staffingGapChildren(depsOf(ctx), gap.result)).map(StaffingGap.of);
  }
}

@Resolver(() => SkillGap)
export class SkillGapResolver extends RelationResolver(SkillGap, {
  competency: relationOf(Competency, 'The competency.', (gap) => gap.competencyId, competencyById),
}) {
  @Query(() => [SkillGap], { description: 'Skill shortages over the positions in scope, largest gap first.' })
  async skillGaps(@Args(() => StaffAnalysisArgs) scope: StaffAnalysisArgs, @Ctx() ctx: RequestContext): Promise<SkillGap[]> {
    const rows = await analytics.skillGapsFor(depsOf(ctx), scope);
    return rows.map((r) =>
      Object.assign(new SkillGap(), { competencyId: String(r.competency_id), seatsRequiring: r.seats_requiring, seatsMet: r.seats_met, peopleWithSkill: r.people_with_skill, seatsEmpty: r.seats_empty, seatsHeldBelowLevel: r.seats_held_below_level, seatsOneLevelShort: r.seats_one_level_short }),
    );
  }
}

@Resolver(() => PlacementFit)
export class PlacementFitResolver extends RelationResolver(PlacementFit, {
  unit: relationOf(OrgUnit, 'The unit analysed.', (fit) => fit.unitId, unitById),
}) {
  @Query(() => PlacementFit, { description: 'How many incumbents in scope meet their position\'s requirements.' })
  async placementFit(@Args(() => StaffAnalysisArgs) scope: StaffAnalysisArgs, @Ctx() ctx: RequestContext): Promise<PlacementFit> {
    const figures = await analytics.placementFitFor(depsOf(ctx), scope);
    return Object.assign(new PlacementFit(), {
      unitId: String(figures.unit_id),
      assignmentsEvaluated: figures.assignments_evaluated,
      fullyQualified: figures.fully_qualified,
    });
  }
}
