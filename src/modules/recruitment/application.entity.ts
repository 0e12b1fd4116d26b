import { Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { ApplicationStage } from '../../graphql/enums';
import { toGlobalId } from '../../graphql/global-id';
import { Node } from '../../graphql/node';
import { LocalDateScalar } from '../../graphql/scalars';
import { Candidate } from './candidate.entity';
import { Vacancy } from './vacancy.entity';

/** A candidate's application to a vacancy; one per candidate and vacancy. */
@Entity({ tableName: 'application' })
@Unique({ properties: ['candidate', 'vacancy'] })
@ObjectType('Application', { implements: Node, description: 'A candidate\'s application to a vacancy.' })
export class Application extends Node {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @ManyToOne(() => Candidate, { fieldName: 'candidate_id' })
  candidate!: Candidate;

  @ManyToOne(() => Vacancy, { fieldName: 'vacancy_id' })
  vacancy!: Vacancy;

  @Field(() => ApplicationStage, { description: 'Current stage.' })
  @Property({ type: 'text' })
  stage!: ApplicationStage;

  @Field(() => LocalDateScalar, { description: 'Day the application arrived.' })
  @Property({ type: 'date' })
  appliedOn!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  get globalId(): string {
    return toGlobalId('Application', this.id);
  }
}

/** Every stage change of an application, with its time: the pipeline's history. */
@Entity({ tableName: 'application_stage_change' })
export class ApplicationStageChange {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @ManyToOne(() => Application, { fieldName: 'application_id' })
  application!: Application;

  @Property({ type: 'text', nullable: true })
  fromStage?: ApplicationStage | null;

  @Property({ type: 'text' })
  toStage!: ApplicationStage;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  changedAt: Date = new Date();

  @Property({ type: 'text', nullable: true })
  changedBy?: string | null;

  @Property({ type: 'text', nullable: true })
  note?: string | null;
}
