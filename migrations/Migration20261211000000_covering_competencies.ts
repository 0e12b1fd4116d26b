import { Migration } from '@mikro-orm/migrations';

/**
 * Levels and applications from their indexes alone.
 * - The competency tables' primary keys carry the level: matchCandidates scores the staff who
 *   hold its lead requirement from their other requirements (8,755 people for a province at
 *   full scale), and says what each match misses, by (person, competency); without the level in
 *   the index each lookup read a heap page (16,000 pages, about 150 ms), and the planner takes
 *   that path or person_competency_holders as its estimates go.
 * - application_vacancy carries applied_on, candidate_id and id: a province's recruitment funnel
 *   reads its 15,000 applications of the period without the heap (EXPLAIN ANALYZE at full scale,
 *   PostgreSQL 18, warm: 85 ms -> 70 ms for the whole statement).
 */
export class Migration20261211000000_covering_competencies extends Migration {
  async up(): Promise<void> {
    for (const table of ['person_competency', 'candidate_competency']) {
      const owner = table === 'person_competency' ? 'person_id' : 'candidate_id';
      this.addSql(`alter table ${table} drop constraint ${table}_pkey`);
      this.addSql(`alter table ${table} add constraint ${table}_pkey primary key (${owner}, competency_id) include (level)`);
    }
    this.addSql(`drop index if exists application_vacancy`);
    this.addSql(`create index application_vacancy on application (vacancy_id, stage) include (applied_on, candidate_id, id)`);
  }

  async down(): Promise<void> {
    for (const table of ['person_competency', 'candidate_competency']) {
      const owner = table === 'person_competency' ? 'person_id' : 'candidate_id';
      this.addSql(`alter table ${table} drop constraint ${table}_pkey`);
      this.addSql(`alter table ${table} add constraint ${table}_pkey primary key (${owner}, competency_id)`);
    }
    this.addSql(`drop index if exists application_vacancy`);
    this.addSql(`create index application_vacancy on application (vacancy_id, stage)`);
  }
}
