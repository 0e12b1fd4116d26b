import { Migration } from '@mikro-orm/migrations';

/**
 * The staffing-gap summary: per-unit counters that staffingGap reads for today instead of
 * counting every assignment in the subtree (src/modules/staffing/staffing-gap-summary.sql.ts).
 *
 * Date-robust by construction: a unit's row counts what does not depend on the date, i.e. the
 * open-ended assignments (end_date is null, whatever their start), its positions' IT seats, its
 * live vacancies where they sit now, and a copy of the unit's path and lifetime. A query for a
 * date d corrects it with the few rows whose activity on d differs from their open-endedness
 * (open-ended ones starting after d; ended ones still running on d) and the vacancies moved
 * after d, found by index range scans. So nothing needs a refresh when midnight passes.
 *
 * Maintained by statement-level triggers with transition tables on every table whose writes
 * move it (assignment, position, vacancy, establishment_quota, org_unit): no service has to
 * remember it, and set-based writes (roster import, reorganisation, the bench loader) stay set
 * based. Each trigger recomputes the rows of the units its statement touched from the base
 * tables (staffing_gap_refresh), after locking those rows in id order: under READ COMMITTED the
 * recomputing statement then sees whatever the previous holder of the lock committed, so two
 * writers to one unit cannot lose each other's change. staffing_gap_rebuild() recomputes
 * everything (for the replay test's reference, and after a TRUNCATE).
 *
 * No foreign keys to org_unit: the rows are derived, and a key-share lock from each recompute
 * would queue behind the reorganisation's FOR UPDATE of the units it is merging.
 */
export class Migration20261204000000_staffing_gap_summary extends Migration {
  async up(): Promise<void> {
    this.addSql(`
      create table staffing_gap_unit (
        unit_id bigint primary key,
        path ltree not null,
        parent_id bigint,
        valid_from date,
        valid_to date,
        primary_open integer not null,
        concurrent_open integer not null,
        it_seats_planned integer not null,
        it_primary_open integer not null,
        it_covered_open integer not null,
        live_vacancies integer not null
      )`);
    this.addSql(`create index staffing_gap_unit_path on staffing_gap_unit using gist (path)`);
    this.addSql(`
      create table staffing_gap_quota (
        year integer not null,
        unit_id bigint not null,
        quota integer not null,
        primary key (year, unit_id)
      )`);
    // The corrections' range scans: open-ended assignments by start, ended ones by end.
    this.addSql(`create index assignment_open_by_start on assignment (start_date) include (position_id, kind) where end_date is null`);
    this.addSql(`create index assignment_ended_by_end on assignment (end_date) include (start_date, position_id, kind) where end_date is not null`);

    // The recount of some units, as statements over `ids` (the units' ids, an array): the
    // units join by unnest, so that a generic plan (estimated at a few units) walks the indexes.
    const recount = (ids: string) => [
      `insert into staffing_gap_unit (unit_id, path, parent_id, valid_from, valid_to, primary_open, concurrent_open,
                                      it_seats_planned, it_primary_open, it_covered_open, live_vacancies)
       with target as (select distinct t.id from unnest(${ids}) t(id)),
       seats as (
         select p.unit_id, p.headcount, p.is_it_specialist,
                count(a.id) filter (where a.kind = 'PRIMARY')::int as primary_open,
                count(a.id) filter (where a.kind = 'CONCURRENT')::int as concurrent_open
         from target t join position p on p.unit_id = t.id
         left join assignment a on a.position_id = p.id and a.end_date is null
         group by p.id),
       unit_seats as (
         select unit_id, sum(primary_open)::int as primary_open, sum(concurrent_open)::int as concurrent_open,
                coalesce(sum(headcount) filter (where is_it_specialist), 0)::int as it_seats_planned,
                coalesce(sum(primary_open) filter (where is_it_specialist), 0)::int as it_primary_open,
                coalesce(sum(least(concurrent_open, greatest(headcount - primary_open, 0))) filter (where is_it_specialist), 0)::int as it_covered_open
         from seats group by unit_id),
       unit_vacancies as (
         select p.unit_id, count(*)::int as live_vacancies
         from target t join position p on p.unit_id = t.id
         join vacancy v on v.position_id = p.id and v.status in ('OPEN', 'INTERVIEWING', 'OFFERED')
         group by p.unit_id)
       select u.id, u.path, u.parent_id, u.valid_from, u.valid_to,
              coalesce(s.primary_open, 0), coalesce(s.concurrent_open, 0), coalesce(s.it_seats_planned, 0),
              coalesce(s.it_primary_open, 0), coalesce(s.it_covered_open, 0), coalesce(v.live_vacancies, 0)
       from target t join org_unit u on u.id = t.id
       left join unit_seats s on s.unit_id = u.id
       left join unit_vacancies v on v.unit_id = u.id
       on conflict (unit_id) do update set
         path = excluded.path, parent_id = excluded.parent_id, valid_from = excluded.valid_from, valid_to = excluded.valid_to,
         primary_open = excluded.primary_open, concurrent_open = excluded.concurrent_open,
         it_seats_planned = excluded.it_seats_planned, it_primary_open = excluded.it_primary_open,
         it_covered_open = excluded.it_covered_open, live_vacancies = excluded.live_vacancies`,
      `delete from staffing_gap_unit s using unnest(${ids}) t(id) where s.unit_id = t.id and not exists (select 1 from org_unit u where u.id = s.unit_id)`,
      `delete from staffing_gap_quota q using unnest(${ids}) t(id) where q.unit_id = t.id`,
      `insert into staffing_gap_quota (year, unit_id, quota)
       select q.year, q.unit_id, sum(q.headcount)::int from (select distinct t.id from unnest(${ids}) t(id)) t
       join establishment_quota q on q.unit_id = t.id group by q.year, q.unit_id`,
    ];
    // A write's few units: static statements, whose plans plpgsql caches (generic plans: planning
    // the recount afresh cost 10 times its execution). A bulk write's many units: planned for the
    // set at hand (hash joins over whole tables), by EXECUTE.
    this.addSql(`
      create function staffing_gap_refresh(unit_ids bigint[]) returns void
      language plpgsql set plan_cache_mode = force_generic_plan as $$
      begin
        if unit_ids is null or cardinality(unit_ids) = 0 then return; end if;
        -- Lock, then count in the next statement (a new snapshot under READ COMMITTED).
        perform 1 from staffing_gap_unit where unit_id = any(unit_ids) order by unit_id for update;
        if cardinality(unit_ids) <= 100 then
          ${recount('unit_ids').join(';\n          ')};
        else
          ${recount('$1').map((sql) => `execute $sql$${sql}$sql$ using unit_ids`).join(';\n          ')};
        end if;
      end $$`);
    this.addSql(`create index staffing_gap_quota_unit on staffing_gap_quota (unit_id)`);

    this.addSql(`
      create function staffing_gap_rebuild() returns void
      language plpgsql as $$
      begin
        lock table staffing_gap_unit, staffing_gap_quota in exclusive mode;
        delete from staffing_gap_unit;
        delete from staffing_gap_quota;
        perform staffing_gap_refresh(array(select id from org_unit));
      end $$`);

    // One trigger function per table; each names the units whose counters its statement moved.
    const changedUnits = (table: string, insertSql: string, updateSql: string, deleteSql: string) => `
      create function staffing_gap_after_${table}() returns trigger
      language plpgsql as $$
      begin
        if TG_OP = 'INSERT' then
          perform staffing_gap_refresh(array(${insertSql}));
        elsif TG_OP = 'UPDATE' then
          perform staffing_gap_refresh(array(${updateSql}));
        elsif TG_OP = 'DELETE' then
          perform staffing_gap_refresh(array(${deleteSql}));
        else
          perform staffing_gap_rebuild();
        end if;
        return null;
      end $$`;
    // Assignments: only open-ended ones are counted (a change of kind, position or open end moves them).
    this.addSql(changedUnits(
      'assignment',
      `select distinct p.unit_id from new_rows n join position p on p.id = n.position_id where n.end_date is null`,
      `select distinct p.unit_id from old_rows o join new_rows n on n.id = o.id
         cross join lateral (values (o.position_id, o.end_date is null), (n.position_id, n.end_date is null)) c(position_id, open)
         join position p on p.id = c.position_id
       where c.open and (o.position_id, o.kind, o.end_date is null) is distinct from (n.position_id, n.kind, n.end_date is null)`,
      `select distinct p.unit_id from old_rows o join position p on p.id = o.position_id where o.end_date is null`,
    ));
    this.addSql(changedUnits(
      'position',
      `select distinct unit_id from new_rows`,
      `select distinct c.unit_id from old_rows o join new_rows n on n.id = o.id
         cross join lateral (values (o.unit_id), (n.unit_id)) c(unit_id)
       where (o.unit_id, o.headcount, o.role_family) is distinct from (n.unit_id, n.headcount, n.role_family)`,
      `select distinct unit_id from old_rows`,
    ));
    const live = (v: string) => `${v}.status in ('OPEN', 'INTERVIEWING', 'OFFERED')`;
    this.addSql(changedUnits(
      'vacancy',
      `select distinct p.unit_id from new_rows n join position p on p.id = n.position_id where ${live('n')}`,
      `select distinct p.unit_id from old_rows o join new_rows n on n.id = o.id
         cross join lateral (values (o.position_id, ${live('o')}), (n.position_id, ${live('n')})) c(position_id, live)
         join position p on p.id = c.position_id
       where c.live and (o.position_id, ${live('o')}) is distinct from (n.position_id, ${live('n')})`,
      `select distinct p.unit_id from old_rows o join position p on p.id = o.position_id where ${live('o')}`,
    ));
    this.addSql(changedUnits(
      'establishment_quota',
      `select distinct unit_id from new_rows`,
      `select distinct c.unit_id from old_rows o join new_rows n on n.id = o.id
         cross join lateral (values (o.unit_id), (n.unit_id)) c(unit_id)
       where (o.unit_id, o.year, o.headcount) is distinct from (n.unit_id, n.year, n.headcount)`,
      `select distinct unit_id from old_rows`,
    ));
    this.addSql(changedUnits(
      'org_unit',
      `select id from new_rows`,
      `select n.id from old_rows o join new_rows n on n.id = o.id
       where (o.path, o.parent_id, o.valid_from, o.valid_to) is distinct from (n.path, n.parent_id, n.valid_from, n.valid_to)`,
      `select id from old_rows`,
    ));
    for (const table of ['assignment', 'position', 'vacancy', 'establishment_quota', 'org_unit']) {
      const fn = `staffing_gap_after_${table}()`;
      this.addSql(`create trigger staffing_gap_${table}_insert after insert on ${table} referencing new table as new_rows for each statement execute function ${fn}`);
      this.addSql(`create trigger staffing_gap_${table}_update after update on ${table} referencing old table as old_rows new table as new_rows for each statement execute function ${fn}`);
      this.addSql(`create trigger staffing_gap_${table}_delete after delete on ${table} referencing old table as old_rows for each statement execute function ${fn}`);
      this.addSql(`create trigger staffing_gap_${table}_truncate after truncate on ${table} for each statement execute function ${fn}`);
    }
    // What is on file already.
    this.addSql(`select staffing_gap_rebuild()`);
  }

  async down(): Promise<void> {
    for (const table of ['assignment', 'position', 'vacancy', 'establishment_quota', 'org_unit']) {
      for (const event of ['insert', 'update', 'delete', 'truncate']) this.addSql(`drop trigger if exists staffing_gap_${table}_${event} on ${table}`);
      this.addSql(`drop function if exists staffing_gap_after_${table}()`);
    }
    this.addSql(`drop function if exists staffing_gap_rebuild()`);
    this.addSql(`drop function if exists staffing_gap_refresh(bigint[])`);
    this.addSql(`drop index if exists assignment_ended_by_end`);
    this.addSql(`drop index if exists assignment_open_by_start`);
    this.addSql(`drop table if exists staffing_gap_quota`);
    this.addSql(`drop table if exists staffing_gap_unit`);
  }
}
