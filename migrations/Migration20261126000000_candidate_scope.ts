import { Migration } from '@mikro-orm/migrations';

/**
 * Candidates are personal data, so they need a scope: the unit whose HR office recorded them.
 * A candidate is visible in that unit's subtree and wherever they have applied.
 */
export class Migration20261126000000_candidate_scope extends Migration {
  async up(): Promise<void> {
    this.addSql(`alter table candidate add column home_unit_id bigint references org_unit(id)`);
    this.addSql(`create index candidate_home_unit on candidate (home_unit_id)`);
    this.addSql(`create index application_candidate on application (candidate_id)`);
    this.addSql(`create index candidate_name_search on candidate using gin (search_fold(full_name) gin_trgm_ops)`);
    this.addSql(`create index vacancy_status_opened on vacancy (status, opened_on)`);
  }

  async down(): Promise<void> {
    this.addSql(`drop index if exists vacancy_status_opened`);
    this.addSql(`drop index if exists candidate_name_search`);
    this.addSql(`drop index if exists application_candidate`);
    this.addSql(`alter table candidate drop column home_unit_id`);
  }
}
