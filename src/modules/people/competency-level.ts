import { Entity, ManyToOne, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { Competency } from './competency.entity';
import { Person } from './person.entity';
import { Position } from '../staffing/position.entity';
import { Candidate } from '../recruitment/candidate.entity';

/** A competency at a level 1..5, as held by someone or required by a position. */
@ObjectType('CompetencyLevel', { description: 'A competency at a level from 1 (basic) to 5 (expert).' })
export class CompetencyLevel {
  competencyId!: string;

  @Field(() => Int, { description: 'Level from 1 (basic) to 5 (expert).' })
  level!: number;
}

@InputType('CompetencyLevelInput', { description: 'A competency, by code, at a level from 1 to 5.' })
export class CompetencyLevelInput {
  @Field(() => String, { description: 'Code of an existing competency.' })
  competencyCode!: string;

  @Field(() => Int, { description: 'Level from 1 (basic) to 5 (expert).' })
  level!: number;
}

@Entity({ tableName: 'position_requirement' })
export class PositionRequirement {
  [PrimaryKeyProp]?: ['position', 'competency'];

  @ManyToOne(() => Position, { primary: true, fieldName: 'position_id' })
  position!: Position;

  @ManyToOne(() => Competency, { primary: true, fieldName: 'competency_id' })
  competency!: Competency;

  @Property({ type: 'smallint' })
  level!: number;
}

@Entity({ tableName: 'person_competency' })
export class PersonCompetency {
  [PrimaryKeyProp]?: ['person', 'competency'];

  @ManyToOne(() => Person, { primary: true, fieldName: 'person_id' })
  person!: Person;

  @ManyToOne(() => Competency, { primary: true, fieldName: 'competency_id' })
  competency!: Competency;

  @Property({ type: 'smallint' })
  level!: number;
}

@Entity({ tableName: 'candidate_competency' })
export class CandidateCompetency {
  [PrimaryKeyProp]?: ['candidate', 'competency'];

  @ManyToOne(() => Candidate, { primary: true, fieldName: 'candidate_id' })
  candidate!: Candidate;

  @ManyToOne(() => Competency, { primary: true, fieldName: 'competency_id' })
  competency!: Competency;

  @Property({ type: 'smallint' })
  level!: number;
}
