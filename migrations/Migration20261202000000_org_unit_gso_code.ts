import { Migration } from '@mikro-orm/migrations';

/**
 * The official code of a unit, where it has one: the General Statistics Office's (GSO) code of
 * provinces (2 digits) and communes and wards (5 digits). Not unique: the 2025 reform gave a
 * new ward the code of one of the old wards it absorbed, and both units stay on file.
 */
export class Migration20261202000000_org_unit_gso_code extends Migration {
  async up(): Promise<void> {
    this.addSql(`alter table org_unit add column gso_code text check (gso_code ~ '^[0-9]{1,10}$')`);
    this.addSql(`create index org_unit_gso_code on org_unit (gso_code) where gso_code is not null`);
  }

  async down(): Promise<void> {
    this.addSql(`drop index if exists org_unit_gso_code`);
    this.addSql(`alter table org_unit drop column if exists gso_code`);
  }
}
