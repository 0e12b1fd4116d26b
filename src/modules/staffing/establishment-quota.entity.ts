import { Entity, ManyToOne, PrimaryKey, Unique } from '@mikro-orm/core';
import { ObjectType } from 'type-graphql';
import { Column } from '../../graphql/entity-columns';
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

  @Column.integer('Calendar year the quota applies to.')
  year!: number;

  @Column.enum(StaffCategory, 'Staff category the quota counts.')
  category!: StaffCategory;

  @Column.integer('Approved headcount.')
  headcount!: number;
}
