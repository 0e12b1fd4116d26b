import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { ConnectionType, pageRequest } from '../../graphql/connection';
import { VacancyStatus } from '../../graphql/enums';
import { runMutation } from '../../graphql/mutation';
import { LocalDateScalar } from '../../graphql/scalars';
import { UserError } from '../../graphql/user-error';
import type { RequestContext } from '../../server/context';
import { IncentivePackage } from '../attraction/incentive-package.entity';
import { Position } from '../staffing/position.entity';
import { positionById } from '../staffing/position.service';
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
    return VacancyConnection.from(await vacancies.listVacancies(ctx, args, pageRequest(args.first, args.after)));
  }

  @FieldResolver(() => Position, { description: 'The position being recruited for.' })
  async position(@Root() vacancy: Vacancy, @Ctx() ctx: RequestContext): Promise<Position> {
    return (await positionById(ctx, vacancy.position.id))!;
  }

  @FieldResolver(() => IncentivePackage, { nullable: true, description: 'Incentive package offered with the vacancy.' })
  incentivePackage(@Root() vacancy: Vacancy, @Ctx() ctx: RequestContext): Promise<IncentivePackage | null> {
    return vacancy.incentivePackage ? vacancies.incentivePackageById(ctx, vacancy.incentivePackage.id) : Promise.resolve(null);
  }

  @Mutation(() => VacancyPayload, { description: 'Opens a vacancy on a position in your subtree.' })
  openVacancy(@Arg('input', () => OpenVacancyInput, { description: 'The mutation\'s input.' }) input: OpenVacancyInput, @Ctx() ctx: RequestContext): Promise<VacancyPayload> {
    return runMutation<VacancyPayload>(
      ctx,
      async (em, viewer) => ({ vacancy: await vacancies.openVacancy(em, viewer, input) }),
      (userErrors) => ({ vacancy: null, userErrors }),
    );
  }
}
