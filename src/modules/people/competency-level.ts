import { Entity, ManyToOne, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { Competency } from './competency.entity';
import { Person } from './person.entity';

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
