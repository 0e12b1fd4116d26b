import { Arg, Ctx, Field, FieldResolver, InputType, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { ID } from 'type-graphql';
import { AssignmentKind, Sector, SeparationReason } from '../../graphql/enums';
import { runMutation } from '../../edge/mutation';
import { LocalDateScalar } from '../../graphql/scalars';
import { UserError } from '../../graphql/user-error';
import type { RequestContext } from '../../edge/context';
import { depsOf } from '../../edge/context';
import { Person, personById } from '../people';
import { Assignment } from './assignment.entity';
import * as assignments from './assignment.service';
import { Position } from './position.entity';
import { positionById } from './position.service';

@InputType('AssignPersonInput', { description: 'Puts a person in a seat of a position from a date.' })
class AssignPersonInput {
  @Field(() => ID, { description: 'The person.' })
  personId!: string;

  @Field(() => ID, { description: 'The position.' })
  positionId!: string;

  @Field(() => AssignmentKind, { description: 'PRIMARY (checked against the establishment quota) or CONCURRENT.' })
  kind!: AssignmentKind;

  @Field(() => LocalDateScalar, { description: 'First day of the assignment.' })
  startDate!: string;
}

@InputType('EndAssignmentInput', { description: 'Ends an assignment on a date (its last day).' })
class EndAssignmentInput {
  @Field(() => ID, { description: 'The assignment.' })
  assignmentId!: string;

  @Field(() => LocalDateScalar, { description: 'Last day of the assignment; not before its start.' })
  endDate!: string;

  @Field(() => SeparationReason, { nullable: true, description: 'Why it ends (TRANSFER and REORGANISATION are recorded by transferPerson and reorganizeUnits).' })
  reason?: SeparationReason | null;

  @Field(() => Sector, { nullable: true, description: 'Where a leaver went, when known.' })
  destinationSector?: Sector | null;
}

@InputType('TransferPersonInput', { description: 'Luân chuyển, điều động: moves a person\'s PRIMARY assignment to another position from a date.' })
class TransferPersonInput {
  @Field(() => ID, { description: 'The person; they must hold a PRIMARY assignment active on effectiveOn.' })
  personId!: string;

  @Field(() => ID, { description: 'The new position (not the one they hold), in your subtree.' })
  toPositionId!: string;

  @Field(() => LocalDateScalar, { description: 'First day on the new position; the old assignment ends the day before (endReason TRANSFER).' })
  effectiveOn!: string;
}

@ObjectType('AssignmentPayload', { description: 'Result of a mutation on an assignment.' })
export class AssignmentPayload {
  @Field(() => Assignment, { nullable: true, description: 'The assignment, when the mutation succeeded.' })
  assignment!: Assignment | null;

  /** The vacancy this assignment filled under the vacancy rule; recruitment resolves AssignmentPayload.filledVacancy from it. */
  filledVacancyId?: string | null;

  @Field(() => [UserError], { description: 'Business failures (QUOTA_EXCEEDED, CONFLICT …); when present, nothing changed.' })
  userErrors!: UserError[];
}

@Resolver(() => Assignment)
export class AssignmentResolver {
  @FieldResolver(() => Person, { description: 'Who holds the seat.' })
  person(@Root() assignment: Assignment, @Ctx() ctx: RequestContext): Promise<Person> {
    // A person a list fetched with its seats never gets here (PREFETCHED_RELATIONS in schema.ts).
    return personById(depsOf(ctx), assignment.person.id) as Promise<Person>;
  }

  @FieldResolver(() => Position, { description: 'The position whose seat is held.' })
  async position(@Root() assignment: Assignment, @Ctx() ctx: RequestContext): Promise<Position> {
    return (await positionById(depsOf(ctx), assignment.position.id))!;
  }

  @Mutation(() => AssignmentPayload, { description: 'Assigns a person to a position. PRIMARY assignments obey the establishment quota and the one-PRIMARY rule, even under concurrent requests.' })
  assignPerson(@Arg('input', () => AssignPersonInput, { description: 'The mutation\'s input.' }) input: AssignPersonInput, @Ctx() ctx: RequestContext): Promise<AssignmentPayload> {
    return runMutation<AssignmentPayload>(
      ctx,
      async (em, viewer) => ({ ...(await assignments.assignPerson(em, viewer, input)) }),
      (userErrors) => ({ assignment: null, userErrors }),
    );
  }

  @Mutation(() => AssignmentPayload, {
    description: 'Luân chuyển, điều động, in one transaction: ends the PRIMARY assignment active on effectiveOn the day before (TRANSFER) and starts a PRIMARY on the new position under its unit\'s establishment rule. Refused: nothing changes.',
  })
  transferPerson(@Arg('input', () => TransferPersonInput, { description: 'The mutation\'s input.' }) input: TransferPersonInput, @Ctx() ctx: RequestContext): Promise<AssignmentPayload> {
    return runMutation<AssignmentPayload>(
      ctx,
      async (em, viewer) => ({ ...(await assignments.transferPerson(em, viewer, input)) }),
      (userErrors) => ({ assignment: null, userErrors }),
    );
  }

  @Mutation(() => AssignmentPayload, { description: 'Ends an open assignment on its last day.' })
  endAssignment(@Arg('input', () => EndAssignmentInput, { description: 'The mutation\'s input.' }) input: EndAssignmentInput, @Ctx() ctx: RequestContext): Promise<AssignmentPayload> {
    return runMutation<AssignmentPayload>(
      ctx,
      async (em, viewer) => ({ assignment: await assignments.endAssignment(em, viewer, input) }),
      (userErrors) => ({ assignment: null, userErrors }),
    );
  }
}
