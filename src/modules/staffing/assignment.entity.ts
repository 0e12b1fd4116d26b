import { ManyToOne } from '@mikro-orm/core';
import { Column, CreatedAt, KeyedNode, NodeEntity } from '../../graphql/entity-columns';
import { AssignmentKind, Sector, SeparationReason } from '../../graphql/enums';
import { Person } from '../people';
import { Position } from './position.entity';

/** A person in a seat: PRIMARY (their own job) or CONCURRENT (kiêm nhiệm). */
@NodeEntity('Assignment', { table: 'assignment', description: 'A person holding a seat of a position, as PRIMARY job or CONCURRENT post (kiêm nhiệm).' })
export class Assignment extends KeyedNode {
  @ManyToOne(() => Person, { fieldName: 'person_id' })
  person!: Person;

  @ManyToOne(() => Position, { fieldName: 'position_id' })
  position!: Position;

  @Column.enum(AssignmentKind, 'PRIMARY or CONCURRENT.')
  kind!: AssignmentKind;

  @Column.date('First day of the assignment.')
  startDate!: string;

  @Column.date('Last day of the assignment; null while open-ended.', { nullable: true })
  endDate?: string | null;

  @Column.enum(SeparationReason, 'Why it ended (transferPerson: TRANSFER, reorganizeUnits: REORGANISATION); null while open or when not recorded.', { nullable: true })
  endReason?: SeparationReason | null;

  @Column.enum(Sector, 'Where a leaver went, when known.', { nullable: true })
  destinationSector?: Sector | null;

  @CreatedAt()
  createdAt: Date = new Date();
}
