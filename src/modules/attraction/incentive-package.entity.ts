import { ArrayType, Property } from '@mikro-orm/core';
import { Field } from 'type-graphql';
import { Column, CreatedAt, KeyedNode, NodeEntity } from '../../graphql/entity-columns';
import { RoleFamily } from '../../graphql/enums';

/** Financial incentives that make a public IT job competitive (allowances, bonuses). */
@NodeEntity('IncentivePackage', { table: 'incentive_package', description: 'An incentive package: allowances and bonuses on top of coefficient pay.' })
export class IncentivePackage extends KeyedNode {
  @Column.string('Name of the package.')
  name!: string;

  @Column.string('Legal basis, e.g. the decree or resolution that created it.', { nullable: true })
  legalBasis?: string | null;

  @Column.vnd('Fixed extra pay per month.')
  monthlyAllowance!: number;

  @Column.double('Extra pay as a share of coefficient pay: 0.5 means +50 %.')
  salaryPercentAllowance!: number;

  @Column.vnd('One-off bonus, amortised over the service commitment.')
  signingBonus!: number;

  @Column.integer('Service commitment in years; at least 1 when signingBonus > 0.')
  minServiceYears!: number;

  @Field(() => [RoleFamily], { description: 'Role families the package applies to.' })
  @Property({ type: ArrayType, columnType: 'text[]' })
  eligibleRoleFamilies: RoleFamily[] = [];

  @Column.date('First day the package applies.')
  validFrom!: string;

  @Column.date('Last day the package applies; null: open-ended.', { nullable: true })
  validTo?: string | null;

  @CreatedAt()
  createdAt: Date = new Date();
}
