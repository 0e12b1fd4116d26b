import type { SqlRunner } from '../../db/sql-runner';
import { liveVacancySql } from '../../graphql/enums';
import { fragment, spliced, vacanciesMovedAfter } from '../../shared/sql';
import { pathInSubtrees } from '../../auth/scope';
import { unitOpenOn } from '../org';
import { assignmentOpenEnded, assignmentsStraddling } from './assignment-dates.sql';
import { gapFiguresOfRoots, GapRoots, gapRootsSql, StaffingGapFigures } from './staffing-gap.sql';

/**
 * The figures of staffingGapFigures (same roots, same scopes, same numbers), read from the
 * summary the triggers of migration 20261204000000 keep per unit instead of counting every
 * assignment in the subtrees. The service reads it for today.
 *
 * A unit's summary row counts its open-ended assignments (end_date is null, whatever their
 * start), its IT seats, its live vacancies where they sit now, and carries its path and
 * lifetime. For the date `d` it is corrected by the rows whose activity on d differs from their
 * open-endedness: open-ended assignments starting after d (counted, not active: −1) and ended
 * ones running on d (active, not counted: +1), read by two index range scans, and the live
 * vacancies moved after d (they count where they sat on d). itSeatsCoveredConcurrently is not a
 * sum of counts (min per position), so a corrected IT position swaps its summary share for its
 * share on d. The arithmetic holds for any date; it is cheap when few rows straddle the date,
 * which is what today is: future hires and planned ends.
 *
 * A unit finds its roots by equality with its ancestors at the roots' depths (a hash join),
 * not by testing every unit against every root's path (35 × 3,400 ltree tests at the nation).
 *
 * Every figure comes back, whichever the query shows: they cost the same here.
 */
export async function staffingGapFiguresFromSummary(
  run: SqlRunner,
  roots: GapRoots,
  options: { year: number; asOf: string; includeDescendants: boolean },
): Promise<StaffingGapFigures[]> {
  const d = options.asOf;
  const live = liveVacancySql('v');
  const { rootsSql, bounds, namedRoots } = gapRootsSql(roots, d);
  const inBounds = pathInSubtrees('s.path', bounds.map((u) => u.code));
  const summaryOpen = unitOpenOn('s', d);
  const unitOpen = unitOpenOn('u', d);
  const straddling = assignmentsStraddling(d);
  const moved = vacanciesMovedAfter(d);
  const unitsSql = options.includeDescendants
    ? spliced`units as (
                select s.* from staffing_gap_unit s
                where ${inBounds} and (s.unit_id = any(${namedRoots}::bigint[]) or ${summaryOpen})),
              root_depths as (select distinct nlevel(path) as depth from roots),
              scope as (
                select r.id as root_id, u.unit_id
                from units u join root_depths rd on nlevel(u.path) >= rd.depth
                join roots r on r.path = subpath(u.path, 0, rd.depth)
                where u.unit_id = r.id or ${unitOpen})`
    : fragment(`units as (select s.* from staffing_gap_unit s where s.unit_id in (select id from roots)),
              scope as (select r.id as root_id, r.id as unit_id from roots r)`);
  const query = spliced`with roots as (${rootsSql}),
     ${unitsSql},
     straddling as ${straddling},
     corrected_positions as (
       select p.id, p.unit_id, p.headcount, p.is_it_specialist,
              coalesce(sum(s.delta) filter (where s.kind = 'PRIMARY'), 0)::int as primary_delta,
              coalesce(sum(s.delta) filter (where s.kind = 'CONCURRENT'), 0)::int as concurrent_delta
       from straddling s join position p on p.id = s.position_id join units u on u.unit_id = p.unit_id
       group by p.id),
     position_shares as (
       select c.unit_id, c.is_it_specialist, c.primary_delta, c.concurrent_delta,
              case when c.is_it_specialist then
                least(o.concurrent_open + c.concurrent_delta, greatest(c.headcount - o.primary_open - c.primary_delta, 0))
                - least(o.concurrent_open, greatest(c.headcount - o.primary_open, 0)) else 0 end as covered_delta
       from corrected_positions c
       cross join lateral (
         select count(*) filter (where a.kind = 'PRIMARY')::int as primary_open, count(*) filter (where a.kind = 'CONCURRENT')::int as concurrent_open
         from assignment a where c.is_it_specialist and a.position_id = c.id and ${assignmentOpenEnded('a')}) o),
     unit_corrections as (
       select unit_id, sum(primary_delta)::int as primary_delta, sum(concurrent_delta)::int as concurrent_delta,
              coalesce(sum(primary_delta) filter (where is_it_specialist), 0)::int as it_primary_delta,
              sum(covered_delta)::int as covered_delta
       from position_shares group by unit_id),
     vacancy_corrections as (
       select unit_id, sum(delta)::int as delta from (
         select p.unit_id, -1 as delta from ${moved} mv
         join vacancy v on v.id = mv.vacancy_id and ${live} join position p on p.id = v.position_id
         union all
         select p.unit_id, 1 from ${moved} mv
         join vacancy v on v.id = mv.vacancy_id and ${live} join position p on p.id = mv.position_id
       ) moved where unit_id in (select unit_id from units) group by unit_id),
     unit_figures as (
       select u.unit_id,
              u.primary_open + coalesce(c.primary_delta, 0) as filled,
              u.concurrent_open + coalesce(c.concurrent_delta, 0) as concurrent_coverage,
              u.live_vacancies + coalesce(v.delta, 0) as open_vacancies,
              u.it_seats_planned,
              u.it_primary_open + coalesce(c.it_primary_delta, 0) as it_seats_filled,
              u.it_covered_open + coalesce(c.covered_delta, 0) as it_seats_covered_concurrently
       from units u
       left join unit_corrections c on c.unit_id = u.unit_id
       left join vacancy_corrections v on v.unit_id = u.unit_id),
     ${gapFiguresOfRoots(spliced`join unit_figures f on f.unit_id = s.unit_id
       left join staffing_gap_quota q on q.unit_id = s.unit_id and q.year = ${options.year}`)}`;
  return run<StaffingGapFigures>(query.text, query.values);
}
