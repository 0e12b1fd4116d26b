import type { SqlRunner } from '../../db/sql-runner';
import { pathInSubtree } from '../../auth/scope';
import { fragment, spliced, type SqlFragment } from '../../shared/sql';
import { scopeUnitsDuringSql, scopeUnitsSql } from '../org';
import { assignmentActiveDuring, assignmentActiveOn, assignmentStraddles } from '../staffing';
import type { CohortGroup, QuotaOfYear } from './workforce-forecast';

/** Separations, as the contract counts them: ended PRIMARY assignments but for moves between posts. */
const IS_SEPARATION = `(a.end_reason is null or a.end_reason not in ('TRANSFER', 'REORGANISATION'))`;

/**
 * The rows a subtree's forecast reads from one of its summaries (migrations 20261205, 20261206):
 * the root's own rows, plus its roll-up (the sum over every unit below it by path, whatever
 * their dates), less the own rows of the units below it that are out of the scope
 * `scope_units` (a CTE of the statement): the units closed on the scope's day. Exact for every
 * root and day; a nation reads a few hundred rows of its own and those of its closed units
 * (which hold next to nothing), not the half million of its 14,000 units.
 */
function subtreeRows(summary: 'forecast_cohort' | 'forecast_primary_span', columns: string, count: string, rootId: string): SqlFragment {
  const root = fragment('?::bigint', rootId);
  return spliced`
       select ${fragment(columns)}, ${fragment(count)} from ${fragment(summary)} where unit_id = ${root}
       union all
       select ${fragment(columns)}, ${fragment(count)} from ${fragment(`${summary}_below`)} where unit_id = ${root}
       union all
       select ${fragment(columns.split(', ').map((c) => `o.${c}`).join(', '))}, -o.${fragment(count)}
         from ${fragment(summary)} o
         join org_unit u on u.id = o.unit_id
         join org_unit r on ${pathInSubtree('u.path', fragment('r.path'))}
        where r.id = ${root} and u.id <> r.id and u.id not in (select unit_id from scope_units)`;
}

/**
 * The forecast's cohort, counted by the database: people with an active PRIMARY assignment in
 * scope on `asOf`, grouped by their post's category and IT flag and the year they retire in
 * (the Y with Y-01-01 < retirementDate <= (Y+1)-01-01: forecast_retirement_year).
 *
 * From forecast_cohort, which the database keeps per unit for the PRIMARY assignments open
 * today (migration 20261205), rolled up the tree (subtreeRows). Corrected for `asOf` by the two
 * index ranges that differ: open ones that start after it (counted in the summary, not yet
 * active) and ended ones active on it (not in the summary). Both are empty for today unless
 * dates were recorded ahead.
 */
export async function cohortGroups(run: SqlRunner, rootId: string, asOf: string): Promise<CohortGroup[]> {
  const straddling = assignmentStraddles('a', asOf);
  const query = spliced`with scope_units as materialized (${scopeUnitsSql(rootId, true, asOf)}),
     counted as (${subtreeRows('forecast_cohort', 'category, is_it_specialist, retirement_year', 'members', rootId)}
       union all
       -- One arm (a BitmapOr of the two partial indexes), so the retirement formula, inlined by
       -- the planner, is planned once.
       select p.category, p.is_it_specialist, forecast_retirement_year(per.sex, per.birth_date, per.birth_year),
              ${fragment(straddling.sign)}
         from assignment a
         join position p on p.id = a.position_id
         join scope_units s on s.unit_id = p.unit_id
         join person per on per.id = a.person_id
        where a.kind = 'PRIMARY' and ${straddling.condition}
     )
     select category, is_it_specialist, retirement_year, sum(members)::int as members
       from counted
      group by 1, 2, 3
     having sum(members) <> 0`;
  const rows = await run<{ category: string; is_it_specialist: boolean; retirement_year: number | null; members: number }>(query.text, query.values);
  return rows.map((r) => ({ category: r.category, isItSpecialist: r.is_it_specialist, retirementYear: r.retirement_year, members: r.members }));
}

/**
 * What observed attrition is made of, over the three whole years before `year`: separations with
 * an end date in them, and the active PRIMARY headcounts on each of their 1 Januaries, in scope
 * on `asOf` (the forecast's scope). From forecast_primary_span, which counts PRIMARY assignments
 * per unit by the first and last year whose 1 January they cover (the year they ended in, when
 * they did), rolled up the tree (subtreeRows): one on file covers
 * max(0, min(last, year - 1) - max(first, year - 3) + 1) of the three Januaries, and separated in
 * the window when its last year is in it.
 */
export async function attritionHistory(run: SqlRunner, rootId: string, asOf: string, year: number): Promise<{ separations: number; januaryHeadcounts: number }> {
  const [first, last] = [fragment('?::int', year - 3), fragment('?::int', year - 1)];
  const query = spliced`with scope_units as materialized (${scopeUnitsSql(rootId, true, asOf)}),
     spans as (${subtreeRows('forecast_primary_span', 'first_january, last_january, separation', 'assignments', rootId)})
     select coalesce(sum(y.assignments) filter (where y.separation and y.last_january between ${first} and ${last}), 0)::int as separations,
            coalesce(sum(y.assignments * greatest(0, least(coalesce(y.last_january, ${last}), ${last}) - greatest(y.first_january, ${first}) + 1)), 0)::int as january_headcounts
       from spans y
      where y.last_january is null or y.last_january >= ${first}`;
  const [row] = await run<{ separations: number; january_headcounts: number }>(query.text, query.values);
  return { separations: row.separations, januaryHeadcounts: row.january_headcounts };
}

/** The scope's quota rows up to `lastYear`, summed per year and category (earlier years carry forward). */
export async function quotasUpTo(run: SqlRunner, rootId: string, asOf: string, lastYear: number): Promise<QuotaOfYear[]> {
  const scope = scopeUnitsSql(rootId, true, asOf);
  const rows = await run<{ year: number; category: string; headcount: number }>(
    `with scope_units as (${scope.text})
     select q.year, q.category, sum(q.headcount)::int as headcount
       from establishment_quota q join scope_units s on s.unit_id = q.unit_id
      where q.year <= ?
      group by 1, 2`,
    [...scope.values, lastYear],
  );
  return rows;
}

export interface TurnoverFigures {
  separations: number;
  by_reason: Array<{ reason: string | null; count: number }>;
  transfers_out: number;
  headcount_from: number;
  headcount_to: number;
  it_separations: number;
  lost_to_private: number;
}

/**
 * Turnover of a subtree over [from, to], in one statement. Scope: the unit and every unit below
 * it that existed at any time in the period. A transfer counts out when the person's next
 * PRIMARY (the first to start after the one that ended) sits outside that scope.
 */
export async function turnoverFigures(run: SqlRunner, rootId: string, from: string, to: string): Promise<TurnoverFigures> {
  const scope = scopeUnitsDuringSql(rootId, from, to);
  const activeInPeriod = assignmentActiveDuring('a', from, to);
  const [activeAtStart, activeAtEnd] = [assignmentActiveOn('a', from), assignmentActiveOn('a', to)];
  const [row] = await run<TurnoverFigures>(
    `with scope_units as (${scope.text}),
     primaries as (
       select a.id, a.person_id, a.start_date, a.end_date, a.end_reason, a.destination_sector, p.is_it_specialist
         from assignment a
         join position p on p.id = a.position_id
         join scope_units s on s.unit_id = p.unit_id
        where a.kind = 'PRIMARY' and ${activeInPeriod.text}
     ),
     ended as (select * from primaries a where a.end_date between ?::date and ?::date),
     separated as (select * from ended a where ${IS_SEPARATION})
     select
       (select count(*)::int from separated) as separations,
       (select coalesce(json_agg(json_build_object('reason', reason, 'count', n) order by reason nulls last), '[]'::json)
          from (select end_reason as reason, count(*)::int as n from separated group by end_reason) r) as by_reason,
       (select count(*)::int from ended a
          cross join lateral (
            select n.position_id from assignment n
             where n.person_id = a.person_id and n.kind = 'PRIMARY' and n.start_date > a.end_date
             order by n.start_date, n.id limit 1
          ) next
          join position np on np.id = next.position_id
         where a.end_reason = 'TRANSFER' and np.unit_id not in (select unit_id from scope_units)) as transfers_out,
       (select count(*)::int from primaries a where ${activeAtStart.text}) as headcount_from,
       (select count(*)::int from primaries a where ${activeAtEnd.text}) as headcount_to,
       (select count(*)::int from separated where is_it_specialist) as it_separations,
       (select count(*)::int from separated where destination_sector = 'PRIVATE') as lost_to_private`,
    [...scope.values, ...activeInPeriod.values, from, to, ...activeAtStart.values, ...activeAtEnd.values],
  );
  return row;
}
