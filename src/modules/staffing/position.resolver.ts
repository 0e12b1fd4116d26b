import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Float, ID, Info, InputType, Int, Query, Resolver, Root } from 'type-graphql';
import { fieldsSelectedAt } from '../../graphql/selection';
import type { SeatColumns } from './position.sql';
import { BY_ID, ConnectionType, pageRequest } from '../../graphql/connection';
import { RoleFamily, Seniority, StaffCategory } from '../../graphql/enums';
import { UnitListArgs } from '../../graphql/args';
import { PayloadType } from '../../graphql/payload';
import { MutationResolver, mutationOf } from '../../edge/mutation';
import type { RequestContext } from '../../edge/context';
import { depsOf } from '../../edge/context';
import { OrgUnit } from '../org';
import { CompetencyLevel, CompetencyLevelInput } from '../people';
import { Assignment } from './assignment.entity';
import { assignmentsOfPosition } from './assignment.service';
import { Position } from './position.entity';
import * as positions from './position.service';

export const PositionConnection = ConnectionType(Position, 'Position');

/**
 * When the query asks for the holders of a position's seats, the columns to fetch with them
 * (the holder's id and name always come).
 */
function holderColumns(info: GraphQLResolveInfo): SeatColumns | null {
  // The executor hands every position of a list the same fieldNodes: read the selection once.
  if (holderColumnsSeen.has(info.fieldNodes)) return holderColumnsSeen.get(info.fieldNodes)!;
  const seat = fieldsSelectedAt(info, []);
  let columns: SeatColumns | null = null;
  if (seat.has('person')) {
    const person = fieldsSelectedAt(info, ['person']);
    columns = { id: seat.has('id'), endDate: seat.has('endDate'), separation: seat.has('endReason') || seat.has('destinationSector'), birthYear: person.has('birthYear') };
  }
  holderColumnsSeen.set(info.fieldNodes, columns);
  return columns;
}

const holderColumnsSeen = new WeakMap<GraphQLResolveInfo['fieldNodes'], SeatColumns | null>();

@ArgsType()
class PositionsArgs extends UnitListArgs('positions') {
  @Field(() => Boolean, { nullable: true, description: 'Only IT-specialist positions.' })
  itOnly?: boolean | null;
}

@InputType('CreatePositionInput', { description: 'A new position (vị trí việc làm) in a unit.' })
class CreatePositionInput {
  @Field(() => String, { description: 'Unit the position belongs to.' })
  unitCode!: string;

  @Field(() => String, { description: 'Job title.' })
  title!: string;

  @Field(() => StaffCategory, { description: 'Staff category of the seats.' })
  category!: StaffCategory;

  @Field(() => RoleFamily, { description: 'Job family.' })
  roleFamily!: RoleFamily;

  @Field(() => Seniority, { description: 'Seniority band.' })
  seniority!: Seniority;

  @Field(() => Float, { description: 'Pay coefficient (hệ số lương), above 0 and at most 20.' })
  payCoefficient!: number;

  @Field(() => Int, { description: 'Planned seats, 0 or more.' })
  headcount!: number;

  @Field(() => [CompetencyLevelInput], { nullable: true, description: 'Required competencies and levels.' })
  requirements?: CompetencyLevelInput[] | null;
}

@InputType('UpdatePositionInput', { description: 'A correction to a position: only the fields given change; requirements given replace the whole list. Unit, category and role family never change.' })
class UpdatePositionInput {
  @Field(() => ID, { description: 'The position.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'Job title.' })
  title?: string | null;

  @Field(() => Int, { nullable: true, description: 'Planned seats, 0 or more; not below today\'s active PRIMARY holders (INVALID_STATE).' })
  headcount?: number | null;

  @Field(() => Float, { nullable: true, description: 'Pay coefficient (hệ số lương), above 0 and at most 20.' })
  payCoefficient?: number | null;

  @Field(() => Seniority, { nullable: true, description: 'Seniority band.' })
  seniority?: Seniority | null;

  @Field(() => [CompetencyLevelInput], { nullable: true, description: 'Required competencies and levels: the whole new list (null or [] clears it).' })
  requirements?: CompetencyLevelInput[] | null;
}

const PositionPayload = PayloadType('PositionPayload', 'Result of a mutation on a position.', 'position', Position, 'The position');

@Resolver(() => Position)
export class PositionResolver extends MutationResolver({
  updatePosition: mutationOf(PositionPayload, UpdatePositionInput, positions.updatePosition, 'Corrects a position of your subtree; the AuditEvent holds the values before and after.'),
  createPosition: mutationOf(PositionPayload, CreatePositionInput, positions.createPosition, 'Creates a position in a unit of your subtree.'),
}) {
  @Query(() => PositionConnection, { description: 'Positions of a unit and (by default) of every unit below it that exists today.' })
  async positions(@Args(() => PositionsArgs) args: PositionsArgs, @Ctx() ctx: RequestContext): Promise<InstanceType<typeof PositionConnection>> {
    const page = pageRequest(args.first, args.after, BY_ID);
    return PositionConnection.from(
      await positions.positionsInScope(depsOf(ctx), { unitCode: args.unitCode, includeDescendants: args.includeDescendants, itOnly: args.itOnly ?? false }, page),
    );
  }

  @FieldResolver(() => OrgUnit, { description: 'The unit the position belongs to.' })
  unit(@Root() position: Position, @Ctx() ctx: RequestContext): Promise<OrgUnit> {
    return positions.unitOfPosition(depsOf(ctx), position);
  }

  @FieldResolver(() => [CompetencyLevel], { description: 'Required competencies with their minimum level.' })
  requirements(@Root() position: Position, @Ctx() ctx: RequestContext): Promise<CompetencyLevel[]> {
    return positions.requirementsOf(depsOf(ctx), position);
  }

  @FieldResolver(() => [Assignment], { description: 'People holding seats of this position; by default only those active today.' })
  assignments(
    @Root() position: Position,
    @Ctx() ctx: RequestContext,
    @Arg('activeOnly', () => Boolean, { defaultValue: true, description: 'Only assignments active today.' }) activeOnly: boolean,
    @Arg('first', () => Int, { nullable: true, description: 'At most this many (0 to 100), earliest start first; all when omitted.' }) first: number | null,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Assignment[]> {
    return assignmentsOfPosition(depsOf(ctx), position, activeOnly, first ?? null, holderColumns(info));
  }
}
