import { Migration } from '@mikro-orm/migrations';

/**
 * The holders of each competency in person order, with their level: matchCandidates scores a
 * province's staff from index-only scans of a position's requirements' holders, rather than
 * probing each of up to 83,000 people for their competencies
 * (src/modules/recruitment/candidate-ranking.sql.ts). The same as candidate_competency_holders.
 */
export class Migration20261209000000_person_holders extends Migration {
  async up(): Promise<void> {
    this.addSql(`create index person_competency_holders on person_competency (competency_id, person_id) include (level)`);
  }

  async down(): Promise<void> {
    this.addSql(`drop index if exists person_competency_holders`);
  }
}
