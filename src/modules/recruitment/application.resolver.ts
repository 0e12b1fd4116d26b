import { Ctx, Field, FieldResolver, ID, InputType, ObjectType, Resolver, Root } from 'type-graphql';
import { ApplicationStage, DeclineReason } from '../../graphql/enums';
import { MutationResolver, mutationField, mutationOf } from '../../edge/mutation';
import { optionalRelationOf, RelationResolver, relationOf } from '../../edge/relation';
import { DateTimeScalar, LocalDateScalar, VNDScalar } from '../../graphql/scalars';
import { PayloadType } from '../../graphql/payload';
import type { RequestContext } from '../../edge/context';
import { depsOf } from '../../edge/context';
import { IncentivePackage, incentivePackageById } from '../attraction';
import { AssignmentPayload } from '../staffing';
import { Application } from './application.entity';
import { applicationById, offersOfApplication, stageHistoryOf } from './application-reads.service';
import * as pipeline from './application.service';
import { Candidate } from './candidate.entity';
import { candidateById } from './candidate.service';
import { Offer } from './offer.entity';
import { Vacancy } from './vacancy.entity';
import { vacancyById } from './vacancy.service';

@ObjectType('StageChange', { description: 'One step of an application through the pipeline.' })
class StageChange {
  @Field(() => ApplicationStage, { nullable: true, description: 'Stage before; null for the first.' })
  fromStage!: ApplicationStage | null;

  @Field(() => ApplicationStage, { description: 'Stage after.' })
  toStage!: ApplicationStage;

  @Field(() => DateTimeScalar, { description: 'When it changed.' })
  changedAt!: string;

  @Field(() => String, { nullable: true, description: 'Who changed it (token subject).' })
  changedBy!: string | null;

  @Field(() => String, { nullable: true, description: 'Why, when the service closed it itself (its vacancy filled another way).' })
  note!: string | null;
}

@InputType('ApplyInput', { description: 'A candidate applies to a vacancy.' })
class ApplyInput {
  @Field(() => ID, { description: 'The candidate.' })
  candidateId!: string;

  @Field(() => ID, { description: 'The vacancy (OPEN, INTERVIEWING or OFFERED).' })
  vacancyId!: string;

  @Field(() => LocalDateScalar, { description: 'Day the application arrived; not before the vacancy opened, not in the future.' })
  appliedOn!: string;
}

@InputType('MoveApplicationInput', { description: 'Moves an application forward (APPLIED → SCREENING → INTERVIEW, skipping stages if need be), or to REJECTED or WITHDRAWN from any live stage. Never back, never to the stage it is at; OFFER comes with makeOffer, HIRED with hireCandidate.' })
class MoveApplicationInput {
  @Field(() => ID, { description: 'The application.' })
  applicationId!: string;

  @Field(() => ApplicationStage, { description: 'The new stage (any but HIRED).' })
  stage!: ApplicationStage;
}

@InputType('MakeOfferInput', { description: 'Makes an offer; moves the application to OFFER and the vacancy to OFFERED.' })
class MakeOfferInput {
  @Field(() => ID, { description: 'The application, at any live stage: APPLIED, SCREENING or INTERVIEW (a direct intake needs no interview round), or OFFER after a declined offer.' })
  applicationId!: string;

  @Field(() => VNDScalar, { description: 'Offered monthly pay, above 0.' })
  monthlyPay!: number;

  @Field(() => ID, { nullable: true, description: 'Incentive package offered.' })
  incentivePackageId?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Day of the offer; default today. Its payRatio uses the benchmark in force that day.' })
  offeredOn?: string | null;
}

@InputType('DecideOfferInput', { description: 'Records the candidate\'s decision on a PENDING offer.' })
class DecideOfferInput {
  @Field(() => ID, { description: 'The offer.' })
  offerId!: string;

  @Field(() => Boolean, { description: 'True when the candidate accepted.' })
  accepted!: boolean;

  @Field(() => DeclineReason, { nullable: true, description: 'Required when not accepted.' })
  declineReason?: DeclineReason | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Day of the decision; default today.' })
  decidedOn?: string | null;
}

@InputType('HireCandidateInput', { description: 'Hires the candidate of an application with an ACCEPTED offer.' })
class HireCandidateInput {
  @Field(() => ID, { description: 'The application.' })
  applicationId!: string;

  @Field(() => LocalDateScalar, { description: 'First day of work; becomes the vacancy\'s filledOn.' })
  startDate!: string;
}

const ApplicationPayload = PayloadType('ApplicationPayload', 'Result of a mutation on an application.', 'application', Application, 'The application');
const OfferPayload = PayloadType('OfferPayload', 'Result of a mutation on an offer.', 'offer', Offer, 'The offer');

@Resolver(() => Application)
export class ApplicationResolver extends MutationResolver({
  applyToVacancy: mutationOf(ApplicationPayload, ApplyInput, pipeline.applyToVacancy, 'A candidate applies to a vacancy; one application per candidate and vacancy.'),
  moveApplication: mutationOf(ApplicationPayload, MoveApplicationInput, pipeline.moveApplication, 'Moves an application through the pipeline; the vacancy becomes INTERVIEWING when one reaches INTERVIEW.'),
  makeOffer: mutationOf(OfferPayload, MakeOfferInput, pipeline.makeOffer, 'Makes an offer; stores its payRatio against the private median on its date.'),
  decideOffer: mutationOf(OfferPayload, DecideOfferInput, pipeline.decideOffer, 'Records whether the candidate accepted; a decline needs its reason.'),
  hireCandidate: mutationField({
    payload: AssignmentPayload,
    input: HireCandidateInput,
    work: pipeline.hireCandidate,
    description:
      'Creates the Person (with the candidate\'s competencies) and a PRIMARY assignment, moves the application to HIRED and fills the vacancy, in one transaction under the establishment rule.',
  }),
}, RelationResolver(Application, {
  candidate: relationOf(Candidate, 'Who applied.', (application) => application.candidate.id, candidateById),
  vacancy: relationOf(Vacancy, 'The vacancy applied to.', (application) => application.vacancy.id, vacancyById),
})) {
  @FieldResolver(() => [Offer], { description: 'Offers made on this application, oldest first.' })
  offers(@Root() application: Application, @Ctx() ctx: RequestContext): Promise<Offer[]> {
    return offersOfApplication(depsOf(ctx), application.id);
  }

  @FieldResolver(() => [StageChange], { description: 'Every stage change, oldest first.' })
  async history(@Root() application: Application, @Ctx() ctx: RequestContext): Promise<StageChange[]> {
    const rows = await stageHistoryOf(depsOf(ctx), application.id);
    return rows.map((r) => Object.assign(new StageChange(), { fromStage: r.from_stage, toStage: r.to_stage, changedAt: r.changed_at, changedBy: r.changed_by, note: r.note }));
  }
}

@Resolver(() => Offer)
export class OfferResolver extends RelationResolver(Offer, {
  application: relationOf(Application, 'The application the offer was made on.', (offer) => offer.application.id, applicationById),
  incentivePackage: optionalRelationOf(IncentivePackage, 'Incentive package offered.', (offer) => offer.incentivePackage?.id, incentivePackageById),
}) {}
