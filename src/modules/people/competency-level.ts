import { Entity, ManyToOne, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { CompetencySource } from '../../graphql/enums';
import { LocalDateScalar } from '../../graphql/scalars';
import { Competency } from './competency.entity';
import { Person } from './person.entity';

/** A competency at a level 1..5, as held by someone or required by a position. */
@ObjectType('CompetencyLevel', { description: 'A competency at a level from 1 (basic) to 5 (expert).' })
export class CompetencyLevel {
  competencyId!: string;

  @Field(() => Int, { description: 'Level from 1 (basic) to 5 (expert).' })
  level!: number;
}

/** One level as recorded on a date: Person.competencyHistory. */
@ObjectType('CompetencyRecord', { description: 'A competency level recorded for a person on a date (personal data); level 0 removed the competency.' })
export class CompetencyRecord {
  competencyId!: string;

  @Field(() => Int, { description: 'Level from 0 (removed) to 5 (expert).' })
  level!: number;

  @Field(() => LocalDateScalar, { description: 'When the level was established (a course finished, a certificate issued, an assessment held).' })
  recordedOn!: string;

  @Field(() => CompetencySource, { description: 'How the level came to be recorded.' })
  source!: CompetencySource;

  @Field(() => String, { nullable: true, description: 'Free text, e.g. the course or certificate.' })
  note!: string | null;
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
