import { Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { StaffCategory } from '../../graphql/enums';
import { OrgUnit } from '../org/org-unit.entity';

/** A recurring piece of a unit's work (WHO WISN): items per year × minutes per item. */
@Entity({ tableName: 'workload_component' })
@Unique({ properties: ['unit', 'name'] })
export class WorkloadComponent {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @ManyToOne(() => OrgUnit, { fieldName: 'unit_id' })
  unit!: OrgUnit;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  category!: StaffCategory;

  @Property({ type: 'double' })
  annualVolume!: number;

  @Property({ type: 'double' })
  minutesPerItem!: number;

  @Property({ type: 'boolean' })
  digitisable!: boolean;
}
