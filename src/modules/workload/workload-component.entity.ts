import { Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, Float, ObjectType } from 'type-graphql';
import { StaffCategory } from '../../graphql/enums';
import { toGlobalId } from '../../graphql/global-id';
import { Node } from '../../graphql/node';
import { OrgUnit } from '../org';

/** A recurring piece of a unit's work (WHO WISN): items per year × minutes per item. */
@Entity({ tableName: 'workload_component' })
@Unique({ properties: ['unit', 'name'] })
@ObjectType('WorkloadComponent', {
  implements: Node,
  description: 'A recurring piece of a unit\'s work, measured as items per year and minutes per item (WHO\'s WISN method).',
})
export class WorkloadComponent extends Node {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @ManyToOne(() => OrgUnit, { fieldName: 'unit_id' })
  unit!: OrgUnit;

  @Field(() => String, { description: 'Name of the work, unique within the unit, e.g. "Văn bản đi / đến".' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => StaffCategory, { description: 'Staff category that does this work.' })
  @Property({ type: 'text' })
  category!: StaffCategory;

  @Field(() => Float, { description: 'Items per year.' })
  @Property({ type: 'double' })
  annualVolume!: number;

  @Field(() => Float, { description: 'Minutes of work per item.' })
  @Property({ type: 'double' })
  minutesPerItem!: number;

  @Field(() => Boolean, { description: 'True for work a digital process can shrink (online dossiers, e-signed documents).' })
  @Property({ type: 'boolean' })
  digitisable!: boolean;

  get globalId(): string {
    return toGlobalId('WorkloadComponent', this.id);
  }
}
