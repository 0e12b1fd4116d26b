import { Arg, Args, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { BY_ID, pageRequest } from '../../graphql/connection';
import { PageArgs } from '../../graphql/args';
import type { RequestContext } from '../../edge/context';
import { depsOf } from '../../edge/context';
import { OrgUnit } from '../org';
import { Person } from '../people';
import { Assignment } from './assignment.entity';
import { assignmentsOfPerson } from './assignment.service';
import { EstablishmentQuota } from './establishment-quota.entity';
import { PositionConnection } from './position.resolver';
import { positionsOfUnit } from './position.service';
import { quotasOfUnit } from './quota.service';

/** The staffing fields of a unit. They live here, not in org, because org sits below staffing. */
@Resolver(() => OrgUnit)
export class OrgUnitStaffingResolver {
  @FieldResolver(() => PositionConnection, { description: 'Positions of this unit itself (not its subtree).' })
  async positions(
    @Root() unit: OrgUnit,
    @Ctx() ctx: RequestContext,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Arg('itOnly', () => Boolean, { nullable: true, description: 'Only IT-specialist positions.' }) itOnly?: boolean | null,
  ): Promise<InstanceType<typeof PositionConnection>> {
    return PositionConnection.from(await positionsOfUnit(depsOf(ctx), unit, { itOnly: itOnly ?? false }, pageRequest(first, after, BY_ID)));
  }

  @FieldResolver(() => [EstablishmentQuota], { description: 'Establishment quotas (biên chế) of this unit for a year, one per category set.' })
  quotas(@Root() unit: OrgUnit, @Arg('year', () => Int, { description: 'Calendar year.' }) year: number, @Ctx() ctx: RequestContext): Promise<EstablishmentQuota[]> {
    return quotasOfUnit(depsOf(ctx), unit.id, year);
  }
}

/** The staffing field of a person; here for the same reason (people sits below staffing). */
@Resolver(() => Person)
export class PersonStaffingResolver {
  @FieldResolver(() => [Assignment], { description: 'The person\'s assignments in your subtree; by default only those active today.' })
  assignments(
    @Root() person: Person,
    @Ctx() ctx: RequestContext,
    @Arg('activeOnly', () => Boolean, { defaultValue: true, description: 'Only assignments active today.' }) activeOnly: boolean,
  ): Promise<Assignment[]> {
    return assignmentsOfPerson(depsOf(ctx), person, activeOnly);
  }
}
