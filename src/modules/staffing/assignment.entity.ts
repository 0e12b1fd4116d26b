import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { AssignmentKind, Sector, SeparationReason } from '../../graphql/enums';
import { toGlobalId } from '../../graphql/global-id';
import { Node } from '../../graphql/node';
import { LocalDateScalar } from '../../graphql/scalars';
import { Person } from '../people';
import { Position } from './position.entity';

/** A person in a seat: PRIMARY (their own job) or CONCURRENT (kiêm nhiệm). */
@Entity({ tableName: 'assignment' })
@ObjectType('Assignment', { implements: Node, description: 'A person holding a seat of a position, as PRIMARY job or CONCURRENT post (kiêm nhiệm).' })
export class Assignment extends Node {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @ManyToOne(() => Person, { fieldName: 'person_id' })
  person!: Person;

  @ManyToOne(() => Position, { fieldName: 'position_id' })
  position!: Position;

  @Field(() => AssignmentKind, { description: 'PRIMARY or CONCURRENT.' })
  @Property({ type: 'text' })
  kind!: AssignmentKind;

  @Field(() => LocalDateScalar, { description: 'First day of the assignment.' })
  @Property({ type: 'date' })
  startDate!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Last day of the assignment; null while open-ended.' })
  @Property({ type: 'date', nullable: true })
  endDate?: string | null;

  @Field(() => SeparationReason, { nullable: true, description: 'Why it ended (transferPerson: TRANSFER, reorganizeUnits: REORGANISATION); null while open or when not recorded.' })
  @Property({ type: 'text', nullable: true })
  endReason?: SeparationReason | null;

  @Field(() => Sector, { nullable: true, description: 'Where a leaver went, when known.' })
  @Property({ type: 'text', nullable: true })
  destinationSector?: Sector | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  get globalId(): string {
    return toGlobalId('Assignment', this.id);
  }
}
