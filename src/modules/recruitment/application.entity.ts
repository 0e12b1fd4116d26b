import { Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Column, CreatedAt, KeyedNode, NodeEntity } from '../../graphql/entity-columns';
import { ApplicationStage } from '../../graphql/enums';
import { Candidate } from './candidate.entity';
import { Vacancy } from './vacancy.entity';

/** A candidate's application to a vacancy; one per candidate and vacancy. */
@NodeEntity('Application', { table: 'application', description: 'A candidate\'s application to a vacancy.' })
@Unique({ properties: ['candidate', 'vacancy'] })
export class Application extends KeyedNode {
  @ManyToOne(() => Candidate, { fieldName: 'candidate_id' })
  candidate!: Candidate;

  @ManyToOne(() => Vacancy, { fieldName: 'vacancy_id' })
  vacancy!: Vacancy;

  @Column.enum(ApplicationStage, 'Current stage.')
  stage!: ApplicationStage;

  @Column.date('Day the application arrived.')
  appliedOn!: string;

  @CreatedAt()
  createdAt: Date = new Date();
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

  @CreatedAt()
  changedAt: Date = new Date();

  @Property({ type: 'text', nullable: true })
  changedBy?: string | null;

  @Property({ type: 'text', nullable: true })
  note?: string | null;
}
