import { ManyToOne } from '@mikro-orm/core';
import { Column, CreatedAt, KeyedNode, NodeEntity } from '../../graphql/entity-columns';
import { Sector } from '../../graphql/enums';
import { OrgUnit } from '../org';

/** Someone from outside (or inside) applying for vacancies. fullName is personal data. */
@NodeEntity('Candidate', { table: 'candidate', description: 'A job candidate. fullName is personal data.' })
export class Candidate extends KeyedNode {
  @Column.string('Full name (personal data).')
  fullName!: string;

  @Column.enum(Sector, 'Sector the candidate works in now, if any.', { nullable: true })
  currentSector?: Sector | null;

  /** The unit whose HR office recorded the candidate; scopes who may see them. */
  @ManyToOne(() => OrgUnit, { nullable: true, fieldName: 'home_unit_id' })
  homeUnit?: OrgUnit | null;

  @CreatedAt()
  createdAt: Date = new Date();
}
