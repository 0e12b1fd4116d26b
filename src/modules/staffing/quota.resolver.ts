import { Field, InputType, Int, Resolver } from 'type-graphql';
import { StaffCategory } from '../../graphql/enums';
import { PayloadType } from '../../graphql/payload';
import { MutationResolver, mutationOf } from '../../edge/mutation';
import { RelationResolver, relationOf } from '../../edge/relation';
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
}, RelationResolver(EstablishmentQuota, {
  unit: relationOf(OrgUnit, 'The unit the quota belongs to.', (quota) => quota.unit.id, unitById),
})) {}
