import { Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { StaffCategory } from '../../graphql/enums';
import { OrgUnit } from '../org';

/** Biên chế: the approved headcount of a unit for a year and staff category. */
@Entity({ tableName: 'establishment_quota' })
@Unique({ properties: ['unit', 'year', 'category'] })
@ObjectType('EstablishmentQuota', { description: 'Establishment quota (biên chế): approved headcount of a unit for a year and staff category.' })
export class EstablishmentQuota {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @ManyToOne(() => OrgUnit, { fieldName: 'unit_id' })
  unit!: OrgUnit;

  @Field(() => Int, { description: 'Calendar year the quota applies to.' })
  @Property({ type: 'integer' })
  year!: number;

  @Field(() => StaffCategory, { description: 'Staff category the quota counts.' })
  @Property({ type: 'text' })
  category!: StaffCategory;

  @Field(() => Int, { description: 'Approved headcount.' })
  @Property({ type: 'integer' })
  headcount!: number;
}
