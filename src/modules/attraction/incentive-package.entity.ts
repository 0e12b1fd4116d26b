import { ArrayType, BigIntType, Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { RoleFamily } from '../../graphql/enums';
import { toGlobalId } from '../../graphql/global-id';
import { Node } from '../../graphql/node';
import { LocalDateScalar, VNDScalar } from '../../graphql/scalars';

/** Financial incentives that make a public IT job competitive (allowances, bonuses). */
@Entity({ tableName: 'incentive_package' })
@ObjectType('IncentivePackage', { implements: Node, description: 'An incentive package: allowances and bonuses on top of coefficient pay.' })
export class IncentivePackage extends Node {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @Field(() => String, { description: 'Name of the package.' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Legal basis, e.g. the decree or resolution that created it.' })
  @Property({ type: 'text', nullable: true })
  legalBasis?: string | null;

  @Field(() => VNDScalar, { description: 'Fixed extra pay per month.' })
  @Property({ type: new BigIntType('number') })
  monthlyAllowance!: number;

  @Field(() => Float, { description: 'Extra pay as a share of coefficient pay: 0.5 means +50 %.' })
  @Property({ type: 'double' })
  salaryPercentAllowance!: number;

  @Field(() => VNDScalar, { description: 'One-off bonus, amortised over the service commitment.' })
  @Property({ type: new BigIntType('number') })
  signingBonus!: number;

  @Field(() => Int, { description: 'Service commitment in years; at least 1 when signingBonus > 0.' })
  @Property({ type: 'integer' })
  minServiceYears!: number;

  @Field(() => [RoleFamily], { description: 'Role families the package applies to.' })
  @Property({ type: ArrayType, columnType: 'text[]' })
  eligibleRoleFamilies: RoleFamily[] = [];

  @Field(() => LocalDateScalar, { description: 'First day the package applies.' })
  @Property({ type: 'date' })
  validFrom!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Last day the package applies; null: open-ended.' })
  @Property({ type: 'date', nullable: true })
  validTo?: string | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  get globalId(): string {
    return toGlobalId('IncentivePackage', this.id);
  }
}
