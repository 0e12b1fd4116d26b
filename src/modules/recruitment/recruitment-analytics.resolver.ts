import { Arg, Ctx, Field, Float, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { ApplicationStage, DeclineReason } from '../../graphql/enums';
import { LocalDateScalar } from '../../graphql/scalars';
import type { RequestContext } from '../../edge/context';
import { depsOf } from '../../edge/context';
import { optionalRelationOf, RelationResolver, relationOf } from '../../edge/relation';
import { CompetencyLevel, levelOf, Person, personById } from '../people';
import { Candidate } from './candidate.entity';
import { candidateById } from './candidate.service';
import * as analytics from './recruitment-analytics.service';
import { Vacancy } from './vacancy.entity';
import { vacancyById } from './vacancy.service';

@ObjectType('StageCount', { description: 'How many applications are at a stage.' })
class StageCount {
  @Field(() => ApplicationStage, { description: 'The stage.' })
  stage!: ApplicationStage;

  @Field(() => Int, { description: 'Applications currently at it.' })
  count!: number;
}

@ObjectType('ReasonCount', { description: 'How many offers were declined for a reason.' })
class ReasonCount {
  @Field(() => DeclineReason, { description: 'The reason.' })
  reason!: DeclineReason;

  @Field(() => Int, { description: 'Declined offers giving it.' })
  count!: number;
}

@ObjectType('RecruitmentFunnel', { description: 'Applications whose appliedOn is in [from, to] to vacancies in scope, and what became of them.' })
class RecruitmentFunnel {
  @Field(() => Int, { description: 'Applications in the period.' })
  applications!: number;

  @Field(() => [StageCount], { description: 'Current stage of each of those applications (every stage listed).' })
  byStage!: StageCount[];

  @Field(() => Int, { description: 'Offers made on those applications.' })
  offers!: number;

  @Field(() => Int, { description: 'Of those, accepted.' })
  offersAccepted!: number;

  @Field(() => Int, { description: 'Of those, declined.' })
  offersDeclined!: number;

  @Field(() => Float, { nullable: true, description: 'offersAccepted / (offersAccepted + offersDeclined); null when none was decided.' })
  acceptanceRate!: number | null;

  @Field(() => Int, { description: 'Applications that ended HIRED.' })
  hires!: number;

  @Field(() => Int, { description: 'Hires of candidates who already worked in the public sector (currentSector PUBLIC).' })
  internalHires!: number;

  @Field(() => Int, { description: 'hires - internalHires.' })
  externalHires!: number;

  @Field(() => Float, { nullable: true, description: 'Median of filledOn - openedOn, in days, over vacancies in scope filled in [from, to]; null when none.' })
  medianDaysToFill!: number | null;

  @Field(() => [ReasonCount], { description: 'Declined offers by reason (every reason listed).' })
  declineReasons!: ReasonCount[];
}

@ObjectType('CandidateMatch', { description: 'How well a candidate or an internal person fits a position: mean over its requirements of min(have / required, 1).' })
class CandidateMatch {
  candidateId!: string | null;
  personId!: string | null;
  missingLevels!: Array<{ competencyId: string; level: number }>;

  @Field(() => Float, { description: 'Fit from 0 to 1; 1.0 when the position has no requirements.' })
  score!: number;

  @Field(() => [CompetencyLevel], { description: 'Requirements not met, at the level the position requires.' })
  get missing(): CompetencyLevel[] {
    return this.missingLevels.map((m) => levelOf(m.competencyId, m.level));
  }
}

@ObjectType('PlacementSuggestion', { description: 'One pair of an optimum placement plan.' })
class PlacementSuggestion {
  vacancyId!: string;
  candidateId!: string;

  @Field(() => Float, { description: 'The candidate\'s fit to the vacancy\'s position.' })
  score!: number;
}

@ObjectType('PlacementPlan', { description: 'The one-to-one pairing of placeable vacancies and live candidates with the largest total fit that keeps every unit within its quota.' })
class PlacementPlan {
  @Field(() => [PlacementSuggestion], { description: 'Pairs, by vacancy.' })
  suggestions!: PlacementSuggestion[];

  @Field(() => Float, { description: 'Sum of the pairs\' scores: the largest possible.' })
  totalScore!: number;

  @Field(() => Int, { description: 'Placeable vacancies (OPEN or INTERVIEWING) in scope left without a pair.' })
  unplacedVacancies!: number;
}

@Resolver()
export class RecruitmentAnalyticsResolver {
  @Query(() => RecruitmentFunnel, { description: 'The recruitment funnel of a unit\'s subtree over a period.' })
  async recruitmentFunnel(
    @Arg('unitCode', () => String, { description: 'Unit to analyse (with the units below it that exist on `to`).' }) unitCode: string,
    @Arg('from', () => LocalDateScalar, { description: 'First day of the period.' }) from: string,
    @Arg('to', () => LocalDateScalar, { description: 'Last day of the period.' }) to: string,
    @Ctx() ctx: RequestContext,
  ): Promise<RecruitmentFunnel> {
    const funnel = await analytics.recruitmentFunnel(depsOf(ctx), { unitCode, from, to });
    return Object.assign(new RecruitmentFunnel(), {
      ...funnel,
      byStage: funnel.byStage.map((s) => Object.assign(new StageCount(), s)),
      declineReasons: funnel.declineReasons.map((r) => Object.assign(new ReasonCount(), r)),
    });
  }

  @Query(() => [CandidateMatch], { description: 'Who fits a position best, best first: every candidate you may see who is not hired yet (those recorded in or applied to your subtree, and the national pool) and, by default, internal staff of its province-level subtree.' })
  async matchCandidates(
    @Arg('positionId', () => ID, { description: 'The position.' }) positionId: string,
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { defaultValue: 10, description: 'How many, 1 to 100.' }) first: number,
    @Arg('includeInternal', () => Boolean, { defaultValue: true, description: 'Also rank people with an active assignment in the province-level subtree.' }) includeInternal: boolean,
  ): Promise<CandidateMatch[]> {
    const matches = await analytics.matchCandidates(depsOf(ctx), { positionId, first, includeInternal });
    return matches.map((m) => Object.assign(new CandidateMatch(), { score: m.score, candidateId: m.candidateId, personId: m.personId, missingLevels: m.missing }));
  }

  @Query(() => PlacementPlan, { description: '"Right person, right job" across a subtree: the optimum one-to-one pairing of OPEN/INTERVIEWING vacancies with candidates holding a live application in scope, within each unit\'s quota left.' })
  async placementPlan(
    @Arg('unitCode', () => String, { description: 'Unit whose subtree to plan.' }) unitCode: string,
    @Ctx() ctx: RequestContext,
    @Arg('minScore', () => Float, { defaultValue: 0.5, description: 'Only pairs at least this good, from 0 to 1.' }) minScore: number,
  ): Promise<PlacementPlan> {
    const plan = await analytics.placementPlan(depsOf(ctx), { unitCode, minScore });
    return Object.assign(new PlacementPlan(), { ...plan, suggestions: plan.suggestions.map((s) => Object.assign(new PlacementSuggestion(), s)) });
  }
}

@Resolver(() => CandidateMatch)
export class CandidateMatchResolver extends RelationResolver(CandidateMatch, {
  candidate: optionalRelationOf(Candidate, 'The outside candidate, when the match is one.', (match) => match.candidateId, candidateById),
  person: optionalRelationOf(Person, 'The internal person, when the match is one.', (match) => match.personId, personById),
}) {}

@Resolver(() => PlacementSuggestion)
export class PlacementSuggestionResolver extends RelationResolver(PlacementSuggestion, {
  vacancy: relationOf(Vacancy, 'The vacancy.', (suggestion) => suggestion.vacancyId, vacancyById),
  candidate: relationOf(Candidate, 'The candidate suggested for it.', (suggestion) => suggestion.candidateId, candidateById),
}) {}
