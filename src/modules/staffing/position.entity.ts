import { DecimalType, ManyToOne, Property } from '@mikro-orm/core';
import { Field, Float } from 'type-graphql';
import { Column, CreatedAt, KeyedNode, NodeEntity } from '../../graphql/entity-columns';
import { RoleFamily, Seniority, StaffCategory, isItRoleFamily } from '../../graphql/enums';
import { OrgUnit } from '../org';

/** A job's family and seniority band: what a position is graded by and salary benchmarks are matched on. */
export const JobGrade = {
  roleFamily: () => Column.enum(RoleFamily, 'Job family.'),
  seniority: () => Column.enum(Seniority, 'Seniority band.'),
};

/** Vị trí việc làm: a job in a unit, with its grade, planned seats and requirements. */
@NodeEntity('Position', { table: 'position', description: 'A position (vị trí việc làm): a job in a unit with its requirements, grade and planned seats.' })
export class Position extends KeyedNode {
  @ManyToOne(() => OrgUnit, { fieldName: 'unit_id' })
  unit!: OrgUnit;

  @Column.string('Job title.')
  title!: string;

  @Column.enum(StaffCategory, 'Staff category of the seats.')
  category!: StaffCategory;

  @JobGrade.roleFamily()
  roleFamily!: RoleFamily;

  @JobGrade.seniority()
  seniority!: Seniority;

  @Field(() => Float, { description: 'Pay coefficient (hệ số lương), e.g. 2.34; monthly coefficient pay = base salary × coefficient.' })
  @Property({ type: new DecimalType('number'), columnType: 'numeric(6,3)' })
  payCoefficient!: number;

  @Column.integer('Planned seats.')
  headcount!: number;

  @CreatedAt()
  createdAt: Date = new Date();

  @Field(() => Boolean, { description: 'True when roleFamily is one of the IT families (all but GENERAL_ADMINISTRATION).' })
  get isItSpecialist(): boolean {
    return isItRoleFamily(this.roleFamily);
  }
}
