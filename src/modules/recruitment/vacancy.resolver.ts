import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { ConnectionType } from '../../graphql/connection';
import { DaysOpenBand, VacancyStatus } from '../../graphql/enums';
import { runMutation } from '../../edge/mutation';
import { LocalDateScalar } from '../../graphql/scalars';
import { UserError } from '../../graphql/user-error';
import type { RequestContext } from '../../edge/context';
import { depsOf } from '../../edge/context';
import { IncentivePackage, incentivePackageById } from '../attraction';
import { Assignment, AssignmentPayload, Position, assignmentById, positionById } from '../staffing';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer';
import { Application } from './application.entity';
import { applicationsOfVacancy } from './application-reads.service';
import { Vacancy } from './vacancy.entity';
import * as vacancies from './vacancy.service';

export const VacancyConnection = ConnectionType(Vacancy, 'Vacancy');

@ArgsType()
class VacanciesArgs {
  @Field(() => String, { description: 'Unit whose vacancies to list.' })
  unitCode!: string;

  @Field(() => Boolean, { defaultValue: true, description: 'Include vacancies of every unit below it that exists today.' })
  includeDescendants!: boolean;

  @Field(() => [VacancyStatus], { nullable: true, description: 'Only these statuses.' })
  status?: VacancyStatus[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Only vacancies of IT-specialist positions.' })
  itOnly?: boolean | null;

  @Field(() => [DaysOpenBand], { nullable: true, description: 'Only vacancies open this long (see Vacancy.daysOpenBand).' })
  daysOpenBand?: DaysOpenBand[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Order by openedOn, oldest first ("open longest"), instead of by creation.' })
  longestOpenFirst?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Page size, default 20, at most 100.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor to continue after.' })
  after?: string | null;
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

@ObjectType('VacancyPayload', { description: 'Result of a mutation on a vacancy.' })
class VacancyPayload {
  @Field(() => Vacancy, { nullable: true, description: 'The vacancy, when the mutation succeeded.' })
  vacancy!: Vacancy | null;

  @Field(() => [UserError], { description: 'Business failures; when present, nothing changed.' })
  userErrors!: UserError[];
}

@Resolver(() => Vacancy)
export class VacancyResolver {
  @Query(() => VacancyConnection, { description: 'Vacancies of a unit and (by default) of every unit below it that exists today.' })
  async vacancies(@Args(() => VacanciesArgs) args: VacanciesArgs, @Ctx() ctx: RequestContext): Promise<InstanceType<typeof VacancyConnection>> {
    return VacancyConnection.from(await vacancies.listVacancies(depsOf(ctx), args));
  }

  @FieldResolver(() => Position, { description: 'The position being recruited for.' })
  async position(@Root() vacancy: Vacancy, @Ctx() ctx: RequestContext): Promise<Position> {
    return (await positionById(depsOf(ctx), vacancy.position.id))!;
  }

  @FieldResolver(() => IncentivePackage, { nullable: true, description: 'Incentive package offered with the vacancy.' })
  incentivePackage(@Root() vacancy: Vacancy, @Ctx() ctx: RequestContext): Promise<IncentivePackage | null> {
    return vacancy.incentivePackage ? incentivePackageById(depsOf(ctx), vacancy.incentivePackage.id) : Promise.resolve(null);
  }

  @FieldResolver(() => Assignment, { nullable: true, description: 'The assignment that filled it: a hire, or any PRIMARY seat taken on its position while it had more live vacancies than free seats.' })
  filledBy(@Root() vacancy: Vacancy, @Ctx() ctx: RequestContext): Promise<Assignment | null> {
    return vacancy.filledBy ? assignmentById(depsOf(ctx), vacancy.filledBy.id) : Promise.resolve(null);
  }

  @FieldResolver(() => [Application], { description: 'Applications to this vacancy, oldest first.' })
  applications(@Root() vacancy: Vacancy, @Ctx() ctx: RequestContext): Promise<Application[]> {
    return applicationsOfVacancy(depsOf(ctx), vacancy.id);
  }

  @Mutation(() => VacancyPayload, { description: 'Opens a vacancy on a position in your subtree.' })
  openVacancy(@Arg('input', () => OpenVacancyInput, { description: 'The mutation\'s input.' }) input: OpenVacancyInput, @Ctx() ctx: RequestContext): Promise<VacancyPayload> {
    return this.vacancyMutation(ctx, (em, viewer) => vacancies.openVacancy(em, viewer, input));
  }

  @Mutation(() => VacancyPayload, { description: 'Cancels a live vacancy (status CANCELLED).' })
  cancelVacancy(@Arg('input', () => CancelVacancyInput, { description: 'The mutation\'s input.' }) input: CancelVacancyInput, @Ctx() ctx: RequestContext): Promise<VacancyPayload> {
    return this.vacancyMutation(ctx, (em, viewer) => vacancies.cancelVacancy(em, viewer, input));
  }

  @Mutation(() => VacancyPayload, { description: 'Reopens an OFFERED vacancy whose offers were all declined: INTERVIEWING when someone is still at interview, else OPEN.' })
  reopenVacancy(@Arg('input', () => ReopenVacancyInput, { description: 'The mutation\'s input.' }) input: ReopenVacancyInput, @Ctx() ctx: RequestContext): Promise<VacancyPayload> {
    return this.vacancyMutation(ctx, (em, viewer) => vacancies.reopenVacancy(em, viewer, input));
  }

  /** Runs a vacancy mutation and returns the vacancy as queries show it (with its computed days open). */
  private async vacancyMutation(ctx: RequestContext, work: (em: EntityManager, viewer: Viewer) => Promise<Vacancy>): Promise<VacancyPayload> {
    const payload = await runMutation<VacancyPayload>(ctx, async (em, viewer) => ({ vacancy: await work(em, viewer) }), (userErrors) => ({ vacancy: null, userErrors }));
    if (payload.vacancy) payload.vacancy = await vacancies.vacancyById(depsOf(ctx), payload.vacancy.id);
    return payload;
  }
}

/** AssignmentPayload.filledVacancy: staffing's payload names the vacancy a seat filled; vacancies are recruitment's to show. */
@Resolver(() => AssignmentPayload)
export class AssignmentPayloadVacancyResolver {
  @FieldResolver(() => Vacancy, { nullable: true, description: 'The vacancy this PRIMARY assignment filled (the vacancy rule), if any.' })
  filledVacancy(@Root() payload: AssignmentPayload, @Ctx() ctx: RequestContext): Promise<Vacancy | null> {
    return payload.filledVacancyId ? vacancies.vacancyById(depsOf(ctx), payload.filledVacancyId) : Promise.resolve(null);
  }
}
