import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { DaysOpenBand, VacancyStatus } from '../../graphql/enums';
import { toGlobalId } from '../../graphql/global-id';
import { Node } from '../../graphql/node';
import { LocalDateScalar } from '../../graphql/scalars';
import { IncentivePackage } from '../attraction';
import { Assignment, Position } from '../staffing';

/** An open seat of a position that recruitment tries to fill. */
@Entity({ tableName: 'vacancy' })
@ObjectType('Vacancy', { implements: Node, description: 'A seat of a position being recruited for.' })
export class Vacancy extends Node {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @ManyToOne(() => Position, { fieldName: 'position_id' })
  position!: Position;

  @Field(() => VacancyStatus, { description: 'Where the vacancy is in its life cycle.' })
  @Property({ type: 'text' })
  status!: VacancyStatus;

  @Field(() => LocalDateScalar, { description: 'First day the vacancy was open.' })
  @Property({ type: 'date' })
  openedOn!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Day the hire started; null until FILLED.' })
  @Property({ type: 'date', nullable: true })
  filledOn?: string | null;

  /** Day the vacancy was cancelled. */
  @Property({ type: 'date', nullable: true })
  closedOn?: string | null;

  /** The assignment that filled it (hireCandidate, or the vacancy rule on any PRIMARY seat). */
  @ManyToOne(() => Assignment, { nullable: true, fieldName: 'filled_by_assignment_id' })
  filledBy?: Assignment | null;

  @ManyToOne(() => IncentivePackage, { nullable: true, fieldName: 'incentive_package_id' })
  incentivePackage?: IncentivePackage | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  /** Computed by the query that loads the vacancy (see vacancy.service.ts); not a column. */
  @Field(() => Int, { description: 'Days open: until today while live, until filledOn or the cancellation once FILLED or CANCELLED.' })
  daysOpen!: number;

  @Field(() => DaysOpenBand, { description: 'daysOpen as the calendar-month band HR vacancy reports use.' })
  daysOpenBand!: DaysOpenBand;

  get globalId(): string {
    return toGlobalId('Vacancy', this.id);
  }
}
