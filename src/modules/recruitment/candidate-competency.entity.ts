import { Entity, ManyToOne, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { Competency } from '../people';
import { Candidate } from './candidate.entity';

/** A competency a candidate holds, at a level 1..5. */
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
