import { Ctx, Field, FieldResolver, InputType, Int, Resolver, Root } from 'type-graphql';
import { StaffCategory } from '../../graphql/enums';
import { PayloadType } from '../../graphql/payload';
import { MutationResolver, mutationOf } from '../../edge/mutation';
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

const QuotaPayload = PayloadType('QuotaPayload', 'Result of setEstablishmentQuota.', 'quota', EstablishmentQuota, 'The quota');

@Resolver(() => EstablishmentQuota)
export class QuotaResolver extends MutationResolver({
  setEstablishmentQuota: mutationOf(QuotaPayload, SetQuotaInput, setEstablishmentQuota, 'Sets the establishment quota (biên chế) of a unit in your subtree for a year and category.'),
}) {
  @FieldResolver(() => OrgUnit, { description: 'The unit the quota belongs to.' })
  async unit(@Root() quota: EstablishmentQuota, @Ctx() ctx: RequestContext): Promise<OrgUnit> {
    return (await unitById(depsOf(ctx), quota.unit.id))!;
  }
}
