import { Migration } from '@mikro-orm/migrations';

/**
 * A position's seats from the index alone. A list of positions with their seats (nested-list:
 * 3,460 positions, 68,000 seats at full scale) read a heap page per seat and sorted each
 * position's seats by id; a province's staff for matchCandidates (60,000 active assignments)
 * read a heap page each. assignment_position now also orders by id (the seats' order) and
 * carries kind, end_date and person_id: index-only.
 */
export class Migration20261210000000_covering_seats extends Migration {
  async up(): Promise<void> {
    this.addSql(`drop index if exists assignment_position`);
    this.addSql(`create index assignment_position on assignment (position_id, start_date, id) include (kind, end_date, person_id)`);
  }

  async down(): Promise<void> {
    this.addSql(`drop index if exists assignment_position`);
    this.addSql(`create index assignment_position on assignment (position_id, start_date)`);
  }
}
