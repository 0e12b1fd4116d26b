import { ManyToOne, Property } from '@mikro-orm/core';
import { Column, CreatedAt, KeyedNode, NodeEntity } from '../../graphql/entity-columns';
import { Sex } from '../../graphql/enums';
import { OrgUnit } from '../org';

/** A member of staff. Name, birth year and pay are personal data (Decree 13/2023). */
@NodeEntity('Person', { table: 'person', description: 'A member of staff. fullName, birthYear, nationalId, sex, birthDate, retirementDate and competencyHistory are personal data.' })
export class Person extends KeyedNode {
  @Column.string('Full name (personal data).')
  fullName!: string;

  @Column.integer('Year of birth (personal data).', { nullable: true })
  birthYear?: number | null;

  /** The CCCD number: 12 digits, unique. Read through PersonResolver (personal data; a seat's thin holder lacks it). */
  @Property({ type: 'text', nullable: true })
  nationalId?: string | null;

  @Property({ type: 'text', nullable: true })
  sex?: Sex | null;

  /** When set, birthYear is its year (a check constraint holds the two together). */
  @Property({ type: 'date', nullable: true })
  birthDate?: string | null;

  /** Computed by the statement that reads the person (the SQL function retirement_date); not a column. */
  retirementDate?: string | null;

  /** The unit whose HR office recorded the person; scopes people who hold no assignment yet. */
  @ManyToOne(() => OrgUnit, { nullable: true, fieldName: 'home_unit_id' })
  homeUnit?: OrgUnit | null;

  @CreatedAt()
  createdAt: Date = new Date();
}
