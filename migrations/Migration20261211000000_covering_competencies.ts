import { Migration } from '@mikro-orm/migrations';

/**
 * A person's levels and a vacancy's applications from their indexes alone.
 * - person_competency's primary key carries the level: matchCandidates scores the staff who
 *   hold its lead requirement from their other requirements (8,755 people for a province at
 *   full scale), and says what each match misses, by (person, competency); without the level in
 *   the index each lookup read a heap page (16,000 pages, about 150 ms), and the planner takes
 *   that path or person_competency_holders as its estimates go. (The same for
 *   candidate_competency made placementPlan's scoring pick the key over
 *   candidate_competency_holders: 0.95 s -> 1.33 s at full scale; left out.)
 * - application_vacancy carries applied_on, candidate_id and id: a province's recruitment funnel
 *   reads its 15,000 applications of the period without the heap (EXPLAIN ANALYZE at full scale,
 *   PostgreSQL 18, warm: 85 ms -> 70 ms for the whole statement).
 */
export class Migration20261211000000_covering_competencies extends Migration {
  async up(): Promise<void> {
    this.addSql(`alter table person_competency drop constraint person_competency_pkey`);
    this.addSql(`alter table person_competency add constraint person_competency_pkey primary key (person_id, competency_id) include (level)`);
    this.addSql(`drop index if exists application_vacancy`);
    this.addSql(`create index application_vacancy on application (vacancy_id, stage) include (applied_on, candidate_id, id)`);
  }

  async down(): Promise<void> {
    this.addSql(`alter table person_competency drop constraint person_competency_pkey`);
    this.addSql(`alter table person_competency add constraint person_competency_pkey primary key (person_id, competency_id)`);
    this.addSql(`drop index if exists application_vacancy`);
    this.addSql(`create index application_vacancy on application (vacancy_id, stage)`);
  }
}
