import { ManyToOne, Property } from '@mikro-orm/core';
import { Field, Int } from 'type-graphql';
import { Column, CreatedAt, KeyedNode, NodeEntity } from '../../graphql/entity-columns';
import { DaysOpenBand, VacancyStatus } from '../../graphql/enums';
import { IncentivePackage } from '../attraction';
import { Assignment, Position } from '../staffing';

/** An open seat of a position that recruitment tries to fill. */
@NodeEntity('Vacancy', { table: 'vacancy', description: 'A seat of a position being recruited for.' })
export class Vacancy extends KeyedNode {
  @ManyToOne(() => Position, { fieldName: 'position_id' })
  position!: Position;

  @Column.enum(VacancyStatus, 'Where the vacancy is in its life cycle.')
  status!: VacancyStatus;

  @Column.date('First day the vacancy was open.')
  openedOn!: string;

  @Column.date('Day the hire started; null until FILLED.', { nullable: true })
  filledOn?: string | null;

  /** Day the vacancy was cancelled. */
  @Property({ type: 'date', nullable: true })
  closedOn?: string | null;

  /** The assignment that filled it (hireCandidate, or the vacancy rule on any PRIMARY seat). */
  @ManyToOne(() => Assignment, { nullable: true, fieldName: 'filled_by_assignment_id' })
  filledBy?: Assignment | null;

  @ManyToOne(() => IncentivePackage, { nullable: true, fieldName: 'incentive_package_id' })
  incentivePackage?: IncentivePackage | null;

  @CreatedAt()
  createdAt: Date = new Date();

  /** Computed by the query that loads the vacancy (see vacancy.service.ts); not a column. */
  @Field(() => Int, { description: 'Days open: until today while live, until filledOn or the cancellation once FILLED or CANCELLED.' })
  daysOpen!: number;

  @Field(() => DaysOpenBand, { description: 'daysOpen as the calendar-month band HR vacancy reports use.' })
  daysOpenBand!: DaysOpenBand;
}
