import { DecimalType, Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { RoleFamily, Seniority, StaffCategory, isItRoleFamily } from '../../graphql/enums';
import { toGlobalId } from '../../graphql/global-id';
import { Node } from '../../graphql/node';
import { OrgUnit } from '../org';

/** Vị trí việc làm: a job in a unit, with its grade, planned seats and requirements. */
@Entity({ tableName: 'position' })
@ObjectType('Position', { implements: Node, description: 'A position (vị trí việc làm): a job in a unit with its requirements, grade and planned seats.' })
export class Position extends Node {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @ManyToOne(() => OrgUnit, { fieldName: 'unit_id' })
  unit!: OrgUnit;

  @Field(() => String, { description: 'Job title.' })
  @Property({ type: 'text' })
  title!: string;

  @Field(() => StaffCategory, { description: 'Staff category of the seats.' })
  @Property({ type: 'text' })
  category!: StaffCategory;

  @Field(() => RoleFamily, { description: 'Job family.' })
  @Property({ type: 'text' })
  roleFamily!: RoleFamily;

  @Field(() => Seniority, { description: 'Seniority band.' })
  @Property({ type: 'text' })
  seniority!: Seniority;

  @Field(() => Float, { description: 'Pay coefficient (hệ số lương), e.g. 2.34; monthly coefficient pay = base salary × coefficient.' })
  @Property({ type: new DecimalType('number'), columnType: 'numeric(6,3)' })
  payCoefficient!: number;

  @Field(() => Int, { description: 'Planned seats.' })
  @Property({ type: 'integer' })
  headcount!: number;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => Boolean, { description: 'True when roleFamily is one of the IT families (all but GENERAL_ADMINISTRATION).' })
  get isItSpecialist(): boolean {
    return isItRoleFamily(this.roleFamily);
  }

  get globalId(): string {
    return toGlobalId('Position', this.id);
  }
}
