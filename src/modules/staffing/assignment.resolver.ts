import { Ctx, Field, FieldResolver, ID, InputType, Resolver, Root } from 'type-graphql';
import { AssignmentKind, Sector, SeparationReason } from '../../graphql/enums';
import { MutationResolver, mutationField, mutationOf } from '../../edge/mutation';
import { RelationResolver, relationOf } from '../../edge/relation';
import { LocalDateScalar } from '../../graphql/scalars';
import { PayloadType } from '../../graphql/payload';
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

export const AssignmentPayload = PayloadType(
  'AssignmentPayload',
  'Result of a mutation on an assignment.',
  'assignment',
  Assignment,
  'The assignment',
  'Business failures (QUOTA_EXCEEDED, CONFLICT …); when present, nothing changed.',
);
/** filledVacancyId: the vacancy this assignment filled under the vacancy rule; recruitment resolves AssignmentPayload.filledVacancy from it. */
export type AssignmentPayload = InstanceType<typeof AssignmentPayload> & { filledVacancyId?: string | null };

@Resolver(() => Assignment)
export class AssignmentResolver extends MutationResolver({
  assignPerson: mutationField({
    payload: AssignmentPayload,
    input: AssignPersonInput,
    work: assignments.assignPerson,
    description: 'Assigns a person to a position. PRIMARY assignments obey the establishment quota and the one-PRIMARY rule, even under concurrent requests.',
  }),
  transferPerson: mutationField({
    payload: AssignmentPayload,
    input: TransferPersonInput,
    work: assignments.transferPerson,
    description:
      'Luân chuyển, điều động, in one transaction: ends the PRIMARY assignment active on effectiveOn the day before (TRANSFER) and starts a PRIMARY on the new position under its unit\'s establishment rule. Refused: nothing changes.',
  }),
  endAssignment: mutationOf(AssignmentPayload, EndAssignmentInput, assignments.endAssignment, 'Ends an open assignment on its last day.'),
}, RelationResolver(Assignment, {
  position: relationOf(Position, 'The position whose seat is held.', (assignment) => assignment.position.id, positionById),
})) {
  @FieldResolver(() => Person, { description: 'Who holds the seat.' })
  person(@Root() assignment: Assignment, @Ctx() ctx: RequestContext): Promise<Person> {
    // A person a list fetched with its seats never gets here (PREFETCHED_RELATIONS in schema.ts).
    return personById(depsOf(ctx), assignment.person.id) as Promise<Person>;
  }
}
