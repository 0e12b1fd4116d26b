import { Migration } from '@mikro-orm/migrations';

/**
 * The holders of each competency in candidate order, with their level: matchCandidates walks a
 * requirement's holders by id and stops at the k-th candidate meeting every requirement, and
 * scores a position's holders from index-only scans (src/modules/recruitment/candidate-ranking.sql.ts).
 * The index on (competency_id, level) returns a level's holders in no useful order.
 */
export class Migration20261207000000_candidate_holders extends Migration {
  async up(): Promise<void> {
    this.addSql(`create index candidate_competency_holders on candidate_competency (competency_id, candidate_id) include (level)`);
  }

  async down(): Promise<void> {
    this.addSql(`drop index if exists candidate_competency_holders`);
  }
}
