import { Migration } from '@mikro-orm/migrations';

/**
 * What the workforce forecast reads, kept by the database in the same transaction as the writes,
 * so that the nation's forecast reads a few hundred thousand summary rows instead of joining its
 * two million PRIMARY assignments to their positions and people (docs/performance.md):
 *
 * - forecast_cohort: the PRIMARY assignments open today (no end date, whatever their start),
 *   counted per unit, category and IT flag of their position and the year their holder retires
 *   in (forecast_retirement_year). The cohort on a day D is this, less the open ones starting
 *   after D, plus the ended ones with start <= D <= end: two index ranges, empty for D = today
 *   unless starts or ends were recorded ahead of time.
 * - forecast_primary_span: every PRIMARY assignment, counted per unit, the first and last year
 *   whose 1 January it covers, and whether it ended as a separation (the contract's: any end
 *   but a TRANSFER or REORGANISATION). Observed attrition's January headcounts and separations
 *   over whole years come from it alone.
 *
 * Both follow assignment, position (unit, category, IT flag) and person (sex, birth) through
 * statement-level triggers with transition tables: one grouped upsert per statement, so a bulk
 * load costs one set-based pass. Rows whose count falls to 0 stay (readers skip them).
 * Separate objects from any other summary, so that each can change alone.
 */
const IS_SEPARATION = (a: string) => `(${a}.end_date is not null and (${a}.end_reason is null or ${a}.end_reason not in ('TRANSFER', 'REORGANISATION')))`;

/** The two upserts for a set of assignment rows `source`, each with a `delta` of +1 or -1. */
function applyAssignmentDeltas(source: string): string {
  return `
    insert into forecast_cohort as c (unit_id, category, is_it_specialist, retirement_year, members)
    select p.unit_id, p.category, p.is_it_specialist, forecast_retirement_year(pe.sex, pe.birth_date, pe.birth_year), sum(d.delta)::int
      from (${source}) d
      join position p on p.id = d.position_id
      join person pe on pe.id = d.person_id
     where d.kind = 'PRIMARY' and d.end_date is null
     group by 1, 2, 3, 4
    having sum(d.delta) <> 0
     order by 1, 2, 3, 4 -- one lock order for every writer: no deadlocks between them
    on conflict (unit_id, category, is_it_specialist, retirement_year) do update set members = c.members + excluded.members;

    insert into forecast_primary_span as s (unit_id, first_january, last_january, separation, assignments)
    select p.unit_id, extract(year from d.start_date - 1)::int + 1, extract(year from d.end_date)::int, ${IS_SEPARATION('d')}, sum(d.delta)::int
      from (${source}) d
      join position p on p.id = d.position_id
     where d.kind = 'PRIMARY'
     group by 1, 2, 3, 4
    having sum(d.delta) <> 0
     order by 1, 2, 3, 4
    on conflict (unit_id, first_january, last_january, separation) do update set assignments = s.assignments + excluded.assignments;`;
}

export class Migration20261205000000_forecast_cohort extends Migration {
  async up(): Promise<void> {
    // The forecast's "year of retirement": the Y with Y-01-01 < retirementDate <= (Y+1)-01-01.
    this.addSql(`
      create function forecast_retirement_year(sex text, birth_date date, birth_year integer) returns integer
      language sql immutable parallel safe as $$
        select extract(year from retirement_date(sex, birth_date, birth_year) - 1)::integer
      $$`);
    this.addSql(`
      create table forecast_cohort (
        unit_id bigint not null,
        category text not null,
        is_it_specialist boolean not null,
        retirement_year integer, -- null: no retirement date (no sex or birth year on file)
        members integer not null,
        constraint forecast_cohort_key unique nulls not distinct (unit_id, category, is_it_specialist, retirement_year)
      )`);
    this.addSql(`
      create table forecast_primary_span (
        unit_id bigint not null,
        first_january integer not null, -- the first year whose 1 January the assignment covers
        last_january integer,           -- the year it ended in; null while open
        separation boolean not null,
        assignments integer not null,
        constraint forecast_primary_span_key unique nulls not distinct (unit_id, first_january, last_january, separation)
      )`);
    // The cohort's corrections for a day other than today: open ones starting after it, ended ones
    // ending on or after it.
    this.addSql(`create index assignment_primary_open_start on assignment (start_date) where kind = 'PRIMARY' and end_date is null`);
    this.addSql(`create index assignment_primary_ended_end on assignment (end_date) where kind = 'PRIMARY' and end_date is not null`);

    this.addSql(`
      create function forecast_summary_from_assignment() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' then
          ${applyAssignmentDeltas('select n.*, 1 as delta from new_rows n')}
        elsif tg_op = 'DELETE' then
          ${applyAssignmentDeltas('select o.*, -1 as delta from old_rows o')}
        else
          ${applyAssignmentDeltas('select o.*, -1 as delta from old_rows o union all select n.*, 1 from new_rows n')}
        end if;
        return null;
      end $$`);
    this.addSql(`create trigger forecast_summary_on_insert after insert on assignment referencing new table as new_rows for each statement execute function forecast_summary_from_assignment()`);
    this.addSql(`create trigger forecast_summary_on_update after update on assignment referencing old table as old_rows new table as new_rows for each statement execute function forecast_summary_from_assignment()`);
    this.addSql(`create trigger forecast_summary_on_delete after delete on assignment referencing old table as old_rows for each statement execute function forecast_summary_from_assignment()`);

    // A position that changes unit, category or IT flag takes its assignments' counts along:
    // -1 under its old columns, +1 under its new ones.
    this.addSql(`
      create function forecast_summary_from_position() returns trigger language plpgsql as $$
      begin
        insert into forecast_cohort as c (unit_id, category, is_it_specialist, retirement_year, members)
        select x.unit_id, x.category, x.is_it_specialist, forecast_retirement_year(pe.sex, pe.birth_date, pe.birth_year), sum(x.delta)::int
          from (select o.id, o.unit_id as old_unit, o.category as old_category, o.is_it_specialist as old_it,
                       n.unit_id as new_unit, n.category as new_category, n.is_it_specialist as new_it
                  from old_rows o join new_rows n on n.id = o.id
                 where (o.unit_id, o.category, o.is_it_specialist) is distinct from (n.unit_id, n.category, n.is_it_specialist)) changed
          join assignment a on a.position_id = changed.id and a.kind = 'PRIMARY' and a.end_date is null
          join person pe on pe.id = a.person_id
          cross join lateral (values (changed.old_unit, changed.old_category, changed.old_it, -1),
                                     (changed.new_unit, changed.new_category, changed.new_it, 1)) x(unit_id, category, is_it_specialist, delta)
         group by 1, 2, 3, 4
        having sum(x.delta) <> 0
         order by 1, 2, 3, 4
        on conflict (unit_id, category, is_it_specialist, retirement_year) do update set members = c.members + excluded.members;

        insert into forecast_primary_span as s (unit_id, first_january, last_january, separation, assignments)
        select x.unit_id, extract(year from a.start_date - 1)::int + 1, extract(year from a.end_date)::int, ${IS_SEPARATION('a')}, sum(x.delta)::int
          from (select o.id, o.unit_id as old_unit, n.unit_id as new_unit
                  from old_rows o join new_rows n on n.id = o.id
                 where o.unit_id is distinct from n.unit_id) changed
          join assignment a on a.position_id = changed.id and a.kind = 'PRIMARY'
          cross join lateral (values (changed.old_unit, -1), (changed.new_unit, 1)) x(unit_id, delta)
         group by 1, 2, 3, 4
        having sum(x.delta) <> 0
         order by 1, 2, 3, 4
        on conflict (unit_id, first_january, last_january, separation) do update set assignments = s.assignments + excluded.assignments;
        return null;
      end $$`);
    this.addSql(`create trigger forecast_summary_on_position_update after update on position referencing old table as old_rows new table as new_rows for each statement execute function forecast_summary_from_position()`);

    // A person whose sex or birth changes retires in another year.
    this.addSql(`
      create function forecast_summary_from_person() returns trigger language plpgsql as $$
      begin
        -- Materialized: the formula, inlined, is worked out once a person, not again per use.
        with changed as materialized (
          select o.id, forecast_retirement_year(o.sex, o.birth_date, o.birth_year) as old_year,
                 forecast_retirement_year(n.sex, n.birth_date, n.birth_year) as new_year
            from old_rows o join new_rows n on n.id = o.id
           where (o.sex, o.birth_date, o.birth_year) is distinct from (n.sex, n.birth_date, n.birth_year)
        )
        insert into forecast_cohort as c (unit_id, category, is_it_specialist, retirement_year, members)
        select p.unit_id, p.category, p.is_it_specialist, x.retirement_year, sum(x.delta)::int
          from changed
          join assignment a on a.person_id = changed.id and a.kind = 'PRIMARY' and a.end_date is null
          join position p on p.id = a.position_id
          cross join lateral (values (changed.old_year, -1), (changed.new_year, 1)) x(retirement_year, delta)
         where changed.old_year is distinct from changed.new_year
         group by 1, 2, 3, 4
        having sum(x.delta) <> 0
         order by 1, 2, 3, 4
        on conflict (unit_id, category, is_it_specialist, retirement_year) do update set members = c.members + excluded.members;
        return null;
      end $$`);
    this.addSql(`create trigger forecast_summary_on_person_update after update on person referencing old table as old_rows new table as new_rows for each statement execute function forecast_summary_from_person()`);

    this.addSql(`
      create function forecast_summary_truncate() returns trigger language plpgsql as $$
      begin
        truncate forecast_cohort, forecast_primary_span;
        return null;
      end $$`);
    this.addSql(`create trigger forecast_summary_on_truncate after truncate on assignment for each statement execute function forecast_summary_truncate()`);

    // What is on file already.
    this.addSql(`
      insert into forecast_cohort (unit_id, category, is_it_specialist, retirement_year, members)
      select p.unit_id, p.category, p.is_it_specialist, forecast_retirement_year(pe.sex, pe.birth_date, pe.birth_year), count(*)::int
        from assignment a join position p on p.id = a.position_id join person pe on pe.id = a.person_id
       where a.kind = 'PRIMARY' and a.end_date is null
       group by 1, 2, 3, 4`);
    this.addSql(`
      insert into forecast_primary_span (unit_id, first_january, last_january, separation, assignments)
      select p.unit_id, extract(year from a.start_date - 1)::int + 1, extract(year from a.end_date)::int, ${IS_SEPARATION('a')}, count(*)::int
        from assignment a join position p on p.id = a.position_id
       where a.kind = 'PRIMARY'
       group by 1, 2, 3, 4`);
    this.addSql(`analyze forecast_cohort, forecast_primary_span`);
  }

  async down(): Promise<void> {
    this.addSql(`drop trigger if exists forecast_summary_on_truncate on assignment`);
    this.addSql(`drop trigger if exists forecast_summary_on_person_update on person`);
    this.addSql(`drop trigger if exists forecast_summary_on_position_update on position`);
    this.addSql(`drop trigger if exists forecast_summary_on_delete on assignment`);
    this.addSql(`drop trigger if exists forecast_summary_on_update on assignment`);
    this.addSql(`drop trigger if exists forecast_summary_on_insert on assignment`);
    this.addSql(`drop function if exists forecast_summary_truncate()`);
    this.addSql(`drop function if exists forecast_summary_from_person()`);
    this.addSql(`drop function if exists forecast_summary_from_position()`);
    this.addSql(`drop function if exists forecast_summary_from_assignment()`);
    this.addSql(`drop index if exists assignment_primary_ended_end`);
    this.addSql(`drop index if exists assignment_primary_open_start`);
    this.addSql(`drop table if exists forecast_primary_span`);
    this.addSql(`drop table if exists forecast_cohort`);
    this.addSql(`drop function if exists forecast_retirement_year(text, date, integer)`);
  }
}
