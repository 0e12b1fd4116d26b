import { Args, ArgsType, Ctx, Field, FieldResolver, ID, InputType, Query, Resolver, Root } from 'type-graphql';
import { ConnectionType } from '../../graphql/connection';
import { DaysOpenBand, VacancyStatus } from '../../graphql/enums';
import { MutationResolver, mutationOf } from '../../edge/mutation';
import { optionalRelationOf, RelationResolver, relationOf } from '../../edge/relation';
import { LocalDateScalar } from '../../graphql/scalars';
import { UnitListArgs } from '../../graphql/args';
import { PayloadType } from '../../graphql/payload';
import type { RequestContext } from '../../edge/context';
import { depsOf } from '../../edge/context';
import { IncentivePackage, incentivePackageById } from '../attraction';
import { Assignment, AssignmentPayload, Position, assignmentById, positionById } from '../staffing';
import { Application } from './application.entity';
import { applicationsOfVacancy } from './application-reads.service';
import { Vacancy } from './vacancy.entity';
import * as vacancies from './vacancy.service';

export const VacancyConnection = ConnectionType(Vacancy, 'Vacancy');

@ArgsType()
class VacanciesArgs extends UnitListArgs('vacancies') {
  @Field(() => [VacancyStatus], { nullable: true, description: 'Only these statuses.' })
  status?: VacancyStatus[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Only vacancies of IT-specialist positions.' })
  itOnly?: boolean | null;

  @Field(() => [DaysOpenBand], { nullable: true, description: 'Only vacancies open this long (see Vacancy.daysOpenBand).' })
  daysOpenBand?: DaysOpenBand[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Order by openedOn, oldest first ("open longest"), instead of by creation.' })
  longestOpenFirst?: boolean | null;
}

@InputType('OpenVacancyInput', { description: 'Opens a vacancy on a position.' })
class OpenVacancyInput {
  @Field(() => ID, { description: 'The position.' })
  positionId!: string;

  @Field(() => LocalDateScalar, { description: 'First day the vacancy is open; not in the future.' })
  openedOn!: string;

  @Field(() => ID, { nullable: true, description: 'Incentive package offered with it.' })
  incentivePackageId?: string | null;
}

@InputType('CancelVacancyInput', { description: 'Stops recruiting for a live vacancy.' })
class CancelVacancyInput {
  @Field(() => ID, { description: 'The vacancy.' })
  vacancyId!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Day recruitment stopped; default today.' })
  closedOn?: string | null;
}

@InputType('ReopenVacancyInput', { description: 'Puts an OFFERED vacancy whose offers were declined back into recruitment.' })
class ReopenVacancyInput {
  @Field(() => ID, { description: 'The vacancy.' })
  vacancyId!: string;
}

const VacancyPayload = PayloadType('VacancyPayload', 'Result of a mutation on a vacancy.', 'vacancy', Vacancy, 'The vacancy');

/** A changed vacancy as queries show it, with its computed days open. */
async function asQueried(payload: InstanceType<typeof VacancyPayload>, ctx: RequestContext): Promise<InstanceType<typeof VacancyPayload>> {
  if (payload.vacancy) payload.vacancy = await vacancies.vacancyById(depsOf(ctx), payload.vacancy.id);
  return payload;
}

@Resolver(() => Vacancy)
export class VacancyResolver extends MutationResolver({
  openVacancy: mutationOf(VacancyPayload, OpenVacancyInput, vacancies.openVacancy, 'Opens a vacancy on a position in your subtree.', asQueried),
  cancelVacancy: mutationOf(VacancyPayload, CancelVacancyInput, vacancies.cancelVacancy, 'Cancels a live vacancy (status CANCELLED).', asQueried),
  reopenVacancy: mutationOf(VacancyPayload, ReopenVacancyInput, vacancies.reopenVacancy, 'Reopens an OFFERED vacancy whose offers were all declined: INTERVIEWING when someone is still at interview, else OPEN.', asQueried),
}, RelationResolver(Vacancy, {
  position: relationOf(Position, 'The position being recruited for.', (vacancy) => vacancy.position.id, positionById),
  incentivePackage: optionalRelationOf(IncentivePackage, 'Incentive package offered with the vacancy.', (vacancy) => vacancy.incentivePackage?.id, incentivePackageById),
  filledBy: optionalRelationOf(
    Assignment,
    'The assignment that filled it: a hire, or any PRIMARY seat taken on its position while it had more live vacancies than free seats.',
    (vacancy) => vacancy.filledBy?.id,
    assignmentById,
  ),
})) {
  @Query(() => VacancyConnection, { description: 'Vacancies of a unit and (by default) of every unit below it that exists today.' })
  async vacancies(@Args(() => VacanciesArgs) args: VacanciesArgs, @Ctx() ctx: RequestContext): Promise<InstanceType<typeof VacancyConnection>> {
    return VacancyConnection.from(await vacancies.listVacancies(depsOf(ctx), args));
  }

  @FieldResolver(() => [Application], { description: 'Applications to this vacancy, oldest first.' })
  applications(@Root() vacancy: Vacancy, @Ctx() ctx: RequestContext): Promise<Application[]> {
    return applicationsOfVacancy(depsOf(ctx), vacancy.id);
  }
}

/** AssignmentPayload.filledVacancy: staffing's payload names the vacancy a seat filled; vacancies are recruitment's to show. */
@Resolver(() => AssignmentPayload)
export class AssignmentPayloadVacancyResolver extends RelationResolver<AssignmentPayload>(AssignmentPayload, {
  filledVacancy: optionalRelationOf(Vacancy, 'The vacancy this PRIMARY assignment filled (the vacancy rule), if any.', (payload) => payload.filledVacancyId, vacancies.vacancyById),
}) {}
