import { Migration } from '@mikro-orm/migrations';

/**
 * Reorganisation. Units already carry their lifetime (valid_from, valid_to) and successor; this
 * adds what keeps history true when a merger moves live vacancies to recreated positions:
 * `vacancy_move` remembers the position a vacancy sat on before each move, so a figure asked
 * "as of" a day before the move finds the vacancy where it was then.
 */
export class Migration20261127000000_reorganisation extends Migration {
  async up(): Promise<void> {
    this.addSql(`
      create table vacancy_move (
        id bigint generated always as identity primary key,
        vacancy_id bigint not null references vacancy(id),
        from_position_id bigint not null references position(id),
        to_position_id bigint not null references position(id),
        effective_on date not null,
        created_at timestamptz not null default now(),
        check (from_position_id <> to_position_id)
      )`);
    this.addSql(`create index vacancy_move_vacancy on vacancy_move (vacancy_id, effective_on)`);
    this.addSql(`create index vacancy_move_effective on vacancy_move (effective_on)`);
    // A unit is never its own successor, and only an ended (or ending) unit has one.
    this.addSql(`alter table org_unit add constraint org_unit_successor_not_self check (successor_id is null or successor_id <> id)`);
    this.addSql(`alter table org_unit add constraint org_unit_successor_ends check (successor_id is null or valid_to is not null)`);
    this.addSql(`create index org_unit_valid_to on org_unit (valid_to) where valid_to is not null`);
  }

  async down(): Promise<void> {
    this.addSql(`drop index if exists org_unit_valid_to`);
    this.addSql(`alter table org_unit drop constraint if exists org_unit_successor_ends`);
    this.addSql(`alter table org_unit drop constraint if exists org_unit_successor_not_self`);
    this.addSql(`drop table if exists vacancy_move`);
  }
}
