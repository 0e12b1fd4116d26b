import { Migration } from '@mikro-orm/migrations';

/**
 * The forecast's summaries (migration 20261205) rolled up the unit tree, so that a nation's
 * forecast reads its own few hundred rows instead of all its 14,000 units' half a million
 * (docs/performance.md, 2026-12-03):
 *
 *   <summary>_below(A, key) = the sum of <summary>(u, key) over every unit u strictly below A
 *   (u.path <@ A.path, u <> A), whatever the units' dates.
 *
 * A scope on a day D (the unit and the units below it open on D) is then the unit's own rows,
 * plus its _below rows, less the own rows of the units below it not open on D: exact for every
 * unit and every D, and cheap where few units below are closed.
 *
 * Kept in the writer's transaction. Statement-level triggers on the two per-unit summaries and
 * on org_unit (a unit inserted, deleted or recoded changes whose descendants are whose) work out
 * the change of the roll-up and stage it, per ancestor, in a pending table; a deferred trigger
 * applies a transaction's staged changes at its commit, in one sorted upsert. Why deferred: every
 * write below the nation changes the nation's rows, and a transaction that took those row locks
 * statement by statement (a transfer's end, then its new post) could deadlock with another
 * taking them in the other order; taken once, in key order, at commit, they cannot, and they are
 * held for the commit only. Readers in other transactions see the roll-up and the summaries
 * change together, at the commit.
 *
 * A tree change that moves counts between ancestors (a unit recoded, alone or with its subtree,
 * or inserted above existing units) first takes SHARE locks on the two per-unit summaries: it waits for
 * the transactions that wrote them to commit, so it counts what they staged under the old tree,
 * and writers after it wait for its commit and stage under the new one. A unit added at the
 * bottom (what reorganisations do) moves nothing and locks nothing.
 */
interface Summary {
  own: string;
  below: string;
  pending: string;
  columns: string;
  keys: string[];
  count: string;
}

const SUMMARIES: Summary[] = [
  {
    own: 'forecast_cohort',
    below: 'forecast_cohort_below',
    pending: 'forecast_cohort_below_pending',
    columns: 'category text not null, is_it_specialist boolean not null, retirement_year integer, members integer not null',
    keys: ['category', 'is_it_specialist', 'retirement_year'],
    count: 'members',
  },
  {
    own: 'forecast_primary_span',
    below: 'forecast_primary_span_below',
    pending: 'forecast_primary_span_below_pending',
    columns: 'first_january integer not null, last_january integer, separation boolean not null, assignments integer not null',
    keys: ['first_january', 'last_january', 'separation'],
    count: 'assignments',
  },
];

// The trigger functions run with jit = off: the planner cannot size a transition table or the
// unanalysed c_new / c_old, its guesses pass jit_above_cost, and compiling a one-row statement
// took hundreds of milliseconds (a unit inserted at full scale: 2-4 s instead of milliseconds).
const keyList = (s: Summary, alias?: string) => s.keys.map((k) => (alias ? `${alias}.${k}` : k)).join(', ');
const MARK_PENDING = `if found then insert into forecast_below_pending_xact (xid) values (pg_current_xact_id()) on conflict do nothing; end if;`;

/** Stages, per strict ancestor, the unit-level changes `deltas` (unit_id, keys…, delta). */
function stageOwnDeltas(s: Summary, deltas: string): string {
  return `
    with d as (${deltas}),
    -- Index probes per unit and level, whatever the planner guesses of the transition table
    -- (limit 1 keeps each lookup from being flattened into a join that may scan org_unit).
    ancestors as materialized (
      select x.unit_id, a.id as ancestor_id
        from (select distinct unit_id from d) x
        cross join lateral (select u.path from org_unit u where u.id = x.unit_id limit 1) u
        cross join lateral generate_series(1, nlevel(u.path) - 1) depth
        cross join lateral (select a.id from org_unit a where a.code = ltree2text(subpath(u.path, 0, depth)) limit 1) a
    )
    insert into ${s.pending} (unit_id, ${keyList(s)}, ${s.count})
    select an.ancestor_id, ${keyList(s, 'd')}, sum(d.delta)::int
      from d join ancestors an on an.unit_id = d.unit_id
     group by 1, ${s.keys.map((_, i) => i + 2).join(', ')}
    having sum(d.delta) <> 0;
    ${MARK_PENDING}`;
}

/**
 * Stages what changes when the units of `changedNew` (their rows now) and `changedOld` (their
 * rows before) enter, leave or move in the tree: for the pairs (ancestor A, unit u strictly
 * below it) in which A or u changed, + u's own counts under the new tree, − under the old one.
 * Pairs of two unchanged units are the same in both trees and cancel, so they are left out.
 */
function stageTreeChange(s: Summary): string {
  return `
    with changed as (select id from c_new union select id from c_old),
    pairs as (
      select a.id as ancestor_id, u.id as unit_id, 1 as sign from c_new a join org_unit u on u.path <@ a.path and u.id <> a.id
      union all
      select a.id, u.id, 1 from c_new u join org_unit a on a.path @> u.path and a.id <> u.id where a.id not in (select id from changed)
      union all
      select a.id, u.id, -1 from c_old a join org_unit u on u.path <@ a.path and u.id <> a.id where u.id not in (select id from changed)
      union all
      select a.id, u.id, -1 from c_old a join c_old u on u.path <@ a.path and u.id <> a.id
      union all
      select a.id, u.id, -1 from c_old u join org_unit a on a.path @> u.path and a.id <> u.id where a.id not in (select id from changed)
    )
    -- Each pair's own rows by the unit's index: c_new and c_old are never analysed, and a join
    -- planned on a guess of their size scans the whole summary.
    insert into ${s.pending} (unit_id, ${keyList(s)}, ${s.count})
    select p.ancestor_id, ${keyList(s, 'o')}, sum(p.sign * o.${s.count})::int
      from pairs p cross join lateral (select * from ${s.own} x where x.unit_id = p.unit_id offset 0) o
     group by 1, ${s.keys.map((_, i) => i + 2).join(', ')}
    having sum(p.sign * o.${s.count}) <> 0;
    ${MARK_PENDING}`;
}

/** Applies this transaction's staged changes of one roll-up, in key order. */
function applyPending(s: Summary): string {
  return `
    with mine as (delete from ${s.pending} where xid = pg_current_xact_id() returning unit_id, ${keyList(s)}, ${s.count})
    insert into ${s.below} as b (unit_id, ${keyList(s)}, ${s.count})
    select unit_id, ${keyList(s)}, sum(${s.count})::int from mine
     group by 1, ${s.keys.map((_, i) => i + 2).join(', ')}
    having sum(${s.count}) <> 0
     order by 1, ${s.keys.map((_, i) => i + 2).join(', ')}
    on conflict (unit_id, ${keyList(s)}) do update set ${s.count} = b.${s.count} + excluded.${s.count};`;
}

/** The roll-up from scratch, for what is on file when the migration runs. */
function rollUpFromScratch(s: Summary): string {
  return `
    insert into ${s.below} (unit_id, ${keyList(s)}, ${s.count})
    select a.id, ${keyList(s, 'o')}, sum(o.${s.count})::int
      from ${s.own} o
      join org_unit u on u.id = o.unit_id
      cross join lateral generate_series(1, nlevel(u.path) - 1) depth
      join org_unit a on a.code = ltree2text(subpath(u.path, 0, depth))
     group by 1, ${s.keys.map((_, i) => i + 2).join(', ')}`;
}

/** After-statement triggers `<prefix>_insert|update|delete` on `table`, each with its transition tables. */
function statementTriggers(prefix: string, table: string, fn: string): string[] {
  const transitions = { insert: 'new table as new_rows', update: 'old table as old_rows new table as new_rows', delete: 'old table as old_rows' };
  return Object.entries(transitions).map(([op, tables]) => `create trigger ${prefix}_${op} after ${op} on ${table} referencing ${tables} for each statement execute function ${fn}()`);
}

export class Migration20261206000000_forecast_below extends Migration {
  async up(): Promise<void> {
    for (const s of SUMMARIES) {
      this.addSql(`create table ${s.below} (unit_id bigint not null, ${s.columns}, constraint ${s.below}_key unique nulls not distinct (unit_id, ${keyList(s)}))`);
      // Unlogged: a row lives from a write statement to its transaction's commit, no longer.
      this.addSql(`create unlogged table ${s.pending} (xid xid8 not null default pg_current_xact_id(), unit_id bigint not null, ${s.columns})`);
      this.addSql(`create index ${s.pending}_xid on ${s.pending} (xid)`);
    }
    // One row per transaction with staged changes: its insert queues the deferred apply, once.
    this.addSql(`create unlogged table forecast_below_pending_xact (xid xid8 primary key)`);

    for (const s of SUMMARIES) {
      this.addSql(`
        create function ${s.below}_from_own() returns trigger language plpgsql set jit = off as $$
        begin
          -- An upsert fires both the insert and the update trigger, one of them with no rows.
          if tg_op = 'DELETE' then
            perform from old_rows limit 1;
          else
            perform from new_rows limit 1;
          end if;
          if not found then return null; end if;
          if tg_op = 'INSERT' then
            ${stageOwnDeltas(s, `select n.unit_id, ${keyList(s, 'n')}, n.${s.count} as delta from new_rows n`)}
          elsif tg_op = 'DELETE' then
            ${stageOwnDeltas(s, `select o.unit_id, ${keyList(s, 'o')}, -o.${s.count} as delta from old_rows o`)}
          else
            ${stageOwnDeltas(s, `select o.unit_id, ${keyList(s, 'o')}, -o.${s.count} as delta from old_rows o union all select n.unit_id, ${keyList(s, 'n')}, n.${s.count} from new_rows n`)}
          end if;
          return null;
        end $$`);
      // An upsert's inserted rows reach the insert trigger, its updated rows the update trigger.
      for (const ddl of statementTriggers(`${s.below}_on`, s.own, `${s.below}_from_own`)) this.addSql(ddl);
      this.addSql(`
        create function ${s.below}_truncate() returns trigger language plpgsql set jit = off as $$
        begin
          truncate ${s.below}, ${s.pending};
          return null;
        end $$`);
      this.addSql(`create trigger ${s.below}_on_truncate after truncate on ${s.own} for each statement execute function ${s.below}_truncate()`);
    }

    // The tree: temporary tables c_new / c_old hold the units that entered or moved (their rows
    // now) and the ones that left or moved (their rows before); an update that keeps every path
    // (a reorganisation ending units, a rename) stages nothing.
    const treeChange = SUMMARIES.map(stageTreeChange).join('\n');
    this.addSql(`
      create function forecast_below_from_org_unit() returns trigger language plpgsql set jit = off as $$
      begin
        if tg_op = 'UPDATE' then
          perform 1 from old_rows o join new_rows n on n.id = o.id where o.path is distinct from n.path limit 1;
          if not found then return null; end if;
        end if;
        create temporary table if not exists c_new (id bigint, path ltree) on commit drop;
        create temporary table if not exists c_old (id bigint, path ltree) on commit drop;
        truncate c_new, c_old;
        if tg_op = 'INSERT' then
          insert into c_new select n.id, n.path from new_rows n;
        elsif tg_op = 'DELETE' then
          insert into c_old select o.id, o.path from old_rows o;
        else
          insert into c_new select n.id, n.path from old_rows o join new_rows n on n.id = o.id where o.path is distinct from n.path;
          insert into c_old select o.id, o.path from old_rows o join new_rows n on n.id = o.id where o.path is distinct from n.path;
        end if;
        -- Units that moved, or now have or had units below them: other transactions' uncommitted
        -- writes there were staged for the old ancestors. Wait for them, and hold off new ones.
        if tg_op = 'UPDATE'
           or exists (select 1 from c_new a join org_unit u on u.path <@ a.path and u.id <> a.id)
           or exists (select 1 from c_old a join org_unit u on u.path <@ a.path and u.id <> a.id) then
          lock table ${SUMMARIES.map((x) => x.own).join(', ')} in share mode;
        end if;
        ${treeChange}
        truncate c_new, c_old;
        return null;
      end $$`);
    for (const ddl of statementTriggers('forecast_below_on_unit', 'org_unit', 'forecast_below_from_org_unit')) this.addSql(ddl);

    this.addSql(`
      create function forecast_below_apply() returns trigger language plpgsql set jit = off as $$
      begin
        ${SUMMARIES.map(applyPending).join('\n')}
        delete from forecast_below_pending_xact where xid = pg_current_xact_id();
        return null;
      end $$`);
    this.addSql(`
      create constraint trigger forecast_below_apply_at_commit after insert on forecast_below_pending_xact
      deferrable initially deferred for each row execute function forecast_below_apply()`);

    for (const s of SUMMARIES) this.addSql(rollUpFromScratch(s));
    this.addSql(`analyze forecast_cohort_below, forecast_primary_span_below`);
  }

  async down(): Promise<void> {
    this.addSql(`drop trigger if exists forecast_below_apply_at_commit on forecast_below_pending_xact`);
    this.addSql(`drop function if exists forecast_below_apply()`);
    for (const op of ['insert', 'update', 'delete']) this.addSql(`drop trigger if exists forecast_below_on_unit_${op} on org_unit`);
    this.addSql(`drop function if exists forecast_below_from_org_unit()`);
    for (const s of SUMMARIES) {
      for (const op of ['insert', 'update', 'delete', 'truncate']) this.addSql(`drop trigger if exists ${s.below}_on_${op} on ${s.own}`);
      this.addSql(`drop function if exists ${s.below}_truncate()`);
      this.addSql(`drop function if exists ${s.below}_from_own()`);
      this.addSql(`drop table if exists ${s.pending}`);
      this.addSql(`drop table if exists ${s.below}`);
    }
    this.addSql(`drop table if exists forecast_below_pending_xact`);
  }
}
