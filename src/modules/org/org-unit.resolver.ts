import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, InputType, Int, Query, Resolver, Root } from 'type-graphql';
import { BY_CODE, ConnectionType, pageRequest } from '../../graphql/connection';
import { OrgUnitKind } from '../../graphql/enums';
import { LocalDateScalar } from '../../graphql/scalars';
import { PageArgs } from '../../graphql/args';
import { PayloadType } from '../../graphql/payload';
import { MutationResolver, mutationOf } from '../../edge/mutation';
import type { RequestContext } from '../../edge/context';
import { depsOf, viewerOf } from '../../edge/context';
import { assertUnitInScope } from '../../auth/scope';
import { OrgUnit } from './org-unit.entity';
import * as units from './org-unit.service';

export const OrgUnitConnection = ConnectionType(OrgUnit, 'OrgUnit');
export type OrgUnitConnection = InstanceType<typeof OrgUnitConnection>;

@ArgsType()
class OrgUnitsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Only the direct children of this unit.' })
  parentCode?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only units with no parent: the top of the hierarchy (the nation, or top-level provinces and cities).' })
  topLevel?: boolean | null;

  @Field(() => OrgUnitKind, { nullable: true, description: 'Only units of this kind.' })
  kind?: OrgUnitKind | null;

  @Field(() => String, { nullable: true, description: 'Part of the name or code; ignores case and Vietnamese diacritics ("phu xuan" finds "Phú Xuân").' })
  search?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Only units existing on this day; default today.' })
  activeOn?: string | null;
}

@InputType('CreateOrgUnitInput', { description: 'A new unit. code is the full dotted code and starts with parentCode + ".".' })
export class CreateOrgUnitInput {
  @Field(() => String, { description: 'Full dotted code, e.g. "VN.HCM.NHA_BE".' })
  code!: string;

  @Field(() => String, { description: 'Vietnamese name with diacritics.' })
  name!: string;

  @Field(() => OrgUnitKind, { description: 'Kind of unit.' })
  kind!: OrgUnitKind;

  @Field(() => String, { nullable: true, description: 'Code of the parent unit; null for a top-level unit (ADMIN only).' })
  parentCode?: string | null;

  @Field(() => Int, { nullable: true, description: 'Inhabitants, where known.' })
  population?: number | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'First day the unit exists; null: before records began.' })
  validFrom?: string | null;
}

export const OrgUnitPayload = PayloadType('OrgUnitPayload', 'Result of a mutation on an org unit.', 'orgUnit', OrgUnit, 'The unit');
export type OrgUnitPayload = InstanceType<typeof OrgUnitPayload>;

@Resolver(() => OrgUnit)
export class OrgUnitResolver extends MutationResolver({
  createOrgUnit: mutationOf(OrgUnitPayload, CreateOrgUnitInput, units.createOrgUnit, 'Creates a unit under a parent in your subtree (top-level units: ADMIN).'),
}) {
  @Query(() => OrgUnit, { nullable: true, description: 'A unit by code, ended ones included; FORBIDDEN outside your subtree.' })
  async orgUnit(@Arg('code', () => String, { description: 'Full dotted code.' }) code: string, @Ctx() ctx: RequestContext): Promise<OrgUnit | null> {
    assertUnitInScope(viewerOf(ctx), code);
    return units.unitByCode(depsOf(ctx), code);
  }

  @Query(() => OrgUnitConnection, { description: 'Units existing on activeOn (default today) in your subtree, ordered by code.' })
  async orgUnits(@Args(() => OrgUnitsArgs) args: OrgUnitsArgs, @Ctx() ctx: RequestContext): Promise<OrgUnitConnection> {
    const page = pageRequest(args.first, args.after, BY_CODE);
    return OrgUnitConnection.from(await units.listUnits(depsOf(ctx), args, page));
  }

  @FieldResolver(() => OrgUnit, { nullable: true, description: 'The parent unit; null at the top or when it lies outside your subtree.' })
  parent(@Root() unit: OrgUnit, @Ctx() ctx: RequestContext): Promise<OrgUnit | null> {
    return units.visibleUnitById(depsOf(ctx), unit.parent?.id);
  }

  @FieldResolver(() => OrgUnitConnection, { description: 'Direct child units existing on activeOn (default today); hierarchy depth is not fixed.' })
  async children(
    @Root() unit: OrgUnit,
    @Ctx() ctx: RequestContext,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Arg('activeOn', () => LocalDateScalar, { nullable: true, description: 'Only children existing on this day; default today.' }) activeOn?: string | null,
    @Arg('includeEnded', () => Boolean, { defaultValue: false, description: 'List every child, ended ones too (ignores activeOn).' }) includeEnded?: boolean,
  ): Promise<OrgUnitConnection> {
    const page = pageRequest(first, after, BY_CODE);
    return OrgUnitConnection.from(await units.childrenOf(depsOf(ctx), unit, { activeOn: includeEnded ? null : activeOn ?? depsOf(ctx).clock.today() }, page));
  }

  @FieldResolver(() => OrgUnit, { nullable: true, description: 'The unit it was merged into.' })
  successor(@Root() unit: OrgUnit, @Ctx() ctx: RequestContext): Promise<OrgUnit | null> {
    return units.visibleUnitById(depsOf(ctx), unit.successor?.id);
  }

  @FieldResolver(() => [OrgUnit], { description: 'The units merged into it.' })
  predecessors(@Root() unit: OrgUnit, @Ctx() ctx: RequestContext): Promise<OrgUnit[]> {
    return units.predecessorsOf(depsOf(ctx), unit);
  }
}
