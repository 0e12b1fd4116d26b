import type { SqlRunner } from '../../db/sql-runner';
import { fragment } from '../../shared/sql';
import { scopeUnitsDuringSql, scopeUnitsSql } from '../org';
import { assignmentActiveDuring, assignmentActiveOn } from '../staffing';
import type { CohortGroup, QuotaOfYear } from './workforce-forecast';

/** Separations, as the contract counts them: ended PRIMARY assignments but for moves between posts. */
const IS_SEPARATION = `(a.end_reason is null or a.end_reason not in ('TRANSFER', 'REORGANISATION'))`;

/**
 * The forecast's cohort, counted by the database: people with an active PRIMARY assignment in
 * scope on `asOf`, grouped by their post's category and IT flag and the year they retire in
 * (the Y with Y-01-01 < retirementDate <= (Y+1)-01-01, hence "- 1").
 */
export async function cohortGroups(run: SqlRunner, rootId: string, asOf: string): Promise<CohortGroup[]> {
  const scope = scopeUnitsSql(rootId, true, asOf);
  const active = assignmentActiveOn('a', asOf);
  // Grouped by sex and birth month first: the retirement date is then worked out once a group
  // (a few thousand for a nation), not once a person.
  const rows = await run<{ category: string; is_it_specialist: boolean; retirement_year: number | null; members: number }>(
    `with scope_units as (${scope.text}),
     born as (
       select p.category, p.is_it_specialist, per.sex,
              coalesce(extract(year from per.birth_date)::int, per.birth_year) as birth_year,
              coalesce(extract(month from per.birth_date)::int, 7) as birth_month,
              count(*)::int as members
         from assignment a
         join position p on p.id = a.position_id
         join scope_units s on s.unit_id = p.unit_id
         join person per on per.id = a.person_id
        where a.kind = 'PRIMARY' and ${active.text}
        group by 1, 2, 3, 4, 5
     )
     select category, is_it_specialist,
            extract(year from retirement_date(sex, make_date(birth_year, birth_month, 1), birth_year) - 1)::int as retirement_year,
            sum(members)::int as members
       from born
      group by 1, 2, 3`,
    [...scope.values, ...active.values],
  );
  return rows.map((r) => ({ category: r.category, isItSpecialist: r.is_it_specialist, retirementYear: r.retirement_year, members: r.members }));
}

/**
 * What observed attrition is made of, over the three years before `year`: separations with an
 * end date in them, and the active PRIMARY headcounts on each of their 1 Januaries, in scope on
 * `asOf` (the forecast's scope).
 */
export async function attritionHistory(run: SqlRunner, rootId: string, asOf: string, year: number): Promise<{ separations: number; januaryHeadcounts: number }> {
  const scope = scopeUnitsSql(rootId, true, asOf);
  const from = `${year - 3}-01-01`;
  const to = `${year - 1}-12-31`;
  const januaries = [`${year - 3}-01-01`, `${year - 2}-01-01`, `${year - 1}-01-01`];
  const activeInPeriod = assignmentActiveDuring('a', from, to);
  const activeOnJanuary = assignmentActiveOn('a', fragment('j.day'));
  const [row] = await run<{ separations: number; january_headcounts: number }>(
    `with scope_units as (${scope.text}),
     primaries as (
       select a.start_date, a.end_date, a.end_reason from assignment a
         join position p on p.id = a.position_id
         join scope_units s on s.unit_id = p.unit_id
        where a.kind = 'PRIMARY' and ${activeInPeriod.text}
     )
     select (select count(*)::int from primaries a where a.end_date between ?::date and ?::date and ${IS_SEPARATION}) as separations,
            (select count(*)::int from primaries a cross join unnest(?::date[]) as j(day)
              where ${activeOnJanuary.text}) as january_headcounts`,
    [...scope.values, ...activeInPeriod.values, from, to, januaries],
  );
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
