import { Arg, Ctx, Field, FieldResolver, InputType, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { StaffCategory } from '../../graphql/enums';
import { runMutation } from '../../edge/mutation';
import { UserError } from '../../graphql/user-error';
import type { RequestContext } from '../../edge/context';
import { depsOf } from '../../edge/context';
import { OrgUnit, unitById } from '../org';
import { EstablishmentQuota } from './establishment-quota.entity';
import { setEstablishmentQuota } from './quota.service';

@InputType('SetQuotaInput', { description: 'Sets (inserts or replaces) the quota of a unit, year and category.' })
class SetQuotaInput {
  @Field(() => String, { description: 'The unit.' })
  unitCode!: string;

  @Field(() => Int, { description: 'Calendar year.' })
  year!: number;

  @Field(() => StaffCategory, { description: 'Staff category.' })
  category!: StaffCategory;

  @Field(() => Int, { description: 'Approved headcount, 0 or more.' })
  headcount!: number;
}

@ObjectType('QuotaPayload', { description: 'Result of setEstablishmentQuota.' })
class QuotaPayload {
  @Field(() => EstablishmentQuota, { nullable: true, description: 'The quota, when the mutation succeeded.' })
  quota!: EstablishmentQuota | null;

  @Field(() => [UserError], { description: 'Business failures; when present, nothing changed.' })
  userErrors!: UserError[];
}

@Resolver(() => EstablishmentQuota)
export class QuotaResolver {
  @FieldResolver(() => OrgUnit, { description: 'The unit the quota belongs to.' })
  async unit(@Root() quota: EstablishmentQuota, @Ctx() ctx: RequestContext): Promise<OrgUnit> {
    return (await unitById(depsOf(ctx), quota.unit.id))!;
  }

  @Mutation(() => QuotaPayload, { description: 'Sets the establishment quota (biên chế) of a unit in your subtree for a year and category.' })
  setEstablishmentQuota(@Arg('input', () => SetQuotaInput, { description: 'The mutation\'s input.' }) input: SetQuotaInput, @Ctx() ctx: RequestContext): Promise<QuotaPayload> {
    return runMutation<QuotaPayload>(
      ctx,
      async (em, viewer) => ({ quota: await setEstablishmentQuota(em, viewer, input) }),
      (userErrors) => ({ quota: null, userErrors }),
    );
  }
}
