import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { BY_ID, ConnectionType, pageRequest } from '../../graphql/connection';
import { runMutation } from '../../edge/mutation';
import { UserError } from '../../graphql/user-error';
import type { RequestContext } from '../../edge/context';
import { CompetencyLevel, CompetencyLevelInput } from './competency-level';
import { Person } from './person.entity';
import * as people from './person.service';

export const PersonConnection = ConnectionType(Person, 'Person');

@ArgsType()
class PeopleArgs {
  @Field(() => String, { description: 'Unit whose staff to list.' })
  unitCode!: string;

  @Field(() => Boolean, { defaultValue: true, description: 'Include staff of every unit below it that exists today.' })
  includeDescendants!: boolean;

  @Field(() => String, { nullable: true, description: 'Part of the name; ignores case and Vietnamese diacritics.' })
  search?: string | null;

  @Field(() => String, { nullable: true, description: 'Only people holding this competency (any level).' })
  competencyCode?: string | null;

  @Field(() => Int, { nullable: true, description: 'Page size, default 20, at most 100.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor to continue after.' })
  after?: string | null;
}

@InputType('CreatePersonInput', { description: 'A new member of staff.' })
class CreatePersonInput {
  @Field(() => String, { description: 'Full name, 1 to 200 characters.' })
  fullName!: string;

  @Field(() => Int, { nullable: true, description: 'Year of birth.' })
  birthYear?: number | null;

  @Field(() => [CompetencyLevelInput], { nullable: true, description: 'Competencies held, with levels.' })
  competencies?: CompetencyLevelInput[] | null;

  @Field(() => String, { nullable: true, description: 'Unit whose HR office records the person (default: your unit); scopes them until they are assigned.' })
  unitCode?: string | null;
}

@ObjectType('PersonPayload', { description: 'Result of a mutation on a person.' })
class PersonPayload {
  @Field(() => Person, { nullable: true, description: 'The person, when the mutation succeeded.' })
  person!: Person | null;

  @Field(() => [UserError], { description: 'Business failures; when present, nothing changed.' })
  userErrors!: UserError[];
}

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => PersonConnection, { description: 'Staff of a unit: people with an active assignment in scope, and people its HR office recorded who are not yet assigned.' })
  async people(@Args(() => PeopleArgs) args: PeopleArgs, @Ctx() ctx: RequestContext): Promise<InstanceType<typeof PersonConnection>> {
    return PersonConnection.from(await people.listPeople(ctx, args, pageRequest(args.first, args.after, BY_ID)));
  }

  @FieldResolver(() => [CompetencyLevel], { description: 'Competencies held, with levels.' })
  competencies(@Root() person: Person, @Ctx() ctx: RequestContext): Promise<CompetencyLevel[]> {
    return people.competenciesOf(ctx, person);
  }

  @Mutation(() => PersonPayload, { description: 'Records a member of staff.' })
  createPerson(@Arg('input', () => CreatePersonInput, { description: 'The mutation\'s input.' }) input: CreatePersonInput, @Ctx() ctx: RequestContext): Promise<PersonPayload> {
    return runMutation<PersonPayload>(
      ctx,
      async (em, viewer) => ({ person: await people.createPerson(em, viewer, input) }),
      (userErrors) => ({ person: null, userErrors }),
    );
  }
}
