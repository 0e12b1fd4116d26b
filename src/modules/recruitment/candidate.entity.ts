import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Sector } from '../../graphql/enums';
import { toGlobalId } from '../../graphql/global-id';
import { Node } from '../../graphql/node';
import { OrgUnit } from '../org';

/** Someone from outside (or inside) applying for vacancies. fullName is personal data. */
@Entity({ tableName: 'candidate' })
@ObjectType('Candidate', { implements: Node, description: 'A job candidate. fullName is personal data.' })
export class Candidate extends Node {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @Field(() => String, { description: 'Full name (personal data).' })
  @Property({ type: 'text' })
  fullName!: string;

  @Field(() => Sector, { nullable: true, description: 'Sector the candidate works in now, if any.' })
  @Property({ type: 'text', nullable: true })
  currentSector?: Sector | null;

  /** The unit whose HR office recorded the candidate; scopes who may see them. */
  @ManyToOne(() => OrgUnit, { nullable: true, fieldName: 'home_unit_id' })
  homeUnit?: OrgUnit | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  get globalId(): string {
    return toGlobalId('Candidate', this.id);
  }
}
