import { ManyToOne, Unique } from '@mikro-orm/core';
import { Column, KeyedNode, NodeEntity } from '../../graphql/entity-columns';
import { StaffCategory } from '../../graphql/enums';
import { OrgUnit } from '../org';

/** A recurring piece of a unit's work (WHO WISN): items per year × minutes per item. */
@NodeEntity('WorkloadComponent', {
  table: 'workload_component',
  description: 'A recurring piece of a unit\'s work, measured as items per year and minutes per item (WHO\'s WISN method).',
})
@Unique({ properties: ['unit', 'name'] })
export class WorkloadComponent extends KeyedNode {
  @ManyToOne(() => OrgUnit, { fieldName: 'unit_id' })
  unit!: OrgUnit;

  @Column.string('Name of the work, unique within the unit, e.g. "Văn bản đi / đến".')
  name!: string;

  @Column.enum(StaffCategory, 'Staff category that does this work.')
  category!: StaffCategory;

  @Column.double('Items per year.')
  annualVolume!: number;

  @Column.double('Minutes of work per item.')
  minutesPerItem!: number;

  @Column.boolean('True for work a digital process can shrink (online dossiers, e-signed documents).')
  digitisable!: boolean;
}
