import type { SqlRunner } from '../../db/sql-runner';
import { liveVacancySql } from '../../graphql/enums';
import { notMovedAfter, vacanciesMovedAfter } from '../../shared/sql';
import { pathInSubtree, pathInSubtrees } from '../../auth/scope';
import { fragment } from '../../shared/sql';
import { unitOpenOn } from '../org';
import { assignmentActiveOn } from './assignment-dates.sql';

/** The figures of one StaffingGap, straight from the contract's definitions. */
export interface StaffingGapFigures {
  unit_id: string;
  /** The unit's code, which is also its path: a next level's children are bounded by it. */
  code: string;
  parent_id: string | null;
  quota: number;
  filled: number;
  concurrent_coverage: number;
  open_vacancies: number;
  it_seats_planned: number;
  it_seats_filled: number;
  it_seats_covered_concurrently: number;
  units_without_quota: number;
}

/**
 * Which of the costlier figures to compute; those left out come back as 0 and must not be
 * shown (the resolver asks only for what its query selects anywhere in the tree).
 */
export interface GapFigureSet {
  /** concurrent_coverage and it_seats_covered_concurrently */
  concurrent: boolean;
  /** open_vacancies */
  vacancies: boolean;
}

export const ALL_GAP_FIGURES: GapFigureSet = { concurrent: true, vacancies: true };

/** A unit named by its id and its code (which is also its ltree path). */
export interface GapUnit {
  id: string;
  code: string;
}

export type GapRoots =
  | { kind: 'units'; units: readonly GapUnit[] }
  | { kind: 'childrenOf'; parents: readonly GapUnit[] }
  | { kind: 'unitAndChildren'; unit: GapUnit };

/**
 * The last step of both staffing-gap statements (on the fly and from the summary): each root's
 * totals (a `totals` relation with root_id and the figures), 0 where its scope holds nothing.
 */
export const GAP_FIGURES_OF_ROOTS = `select r.id as unit_id, r.code, r.parent_id,
            coalesce(t.quota, 0) as quota,
            coalesce(t.filled, 0) as filled,
            coalesce(t.concurrent_coverage, 0) as concurrent_coverage,
            coalesce(t.open_vacancies, 0) as open_vacancies,
            coalesce(t.it_seats_planned, 0) as it_seats_planned,
            coalesce(t.it_seats_filled, 0) as it_seats_filled,
            coalesce(t.it_seats_covered_concurrently, 0) as it_seats_covered_concurrently,
            coalesce(t.units_without_quota, 0) as units_without_quota
     from roots r
     left join totals t on t.root_id = r.id
     order by r.code`;

/**
 * The roots of a staffing-gap statement as SQL (rows id, path, code, parent_id; binds the date
 * where children must exist on it), the subtrees that hold every root's scope, and the roots
 * that count even on a date when they do not exist (children roots exist by construction).
 */
export function gapRootsSql(roots: GapRoots, d: string): { rootsSql: { sql: string; params: unknown[] }; bounds: readonly GapUnit[]; namedRoots: string[] } {
  const columns = 'r.id, r.path, r.code, r.parent_id';
  const rootOpen = unitOpenOn('r', d);
  const rootsSql =
    roots.kind === 'units'
      ? { sql: `select ${columns} from org_unit r where r.id = any(?::bigint[])`, params: [roots.units.map((u) => u.id)] }
      : roots.kind === 'childrenOf'
        ? { sql: `select ${columns} from org_unit r where r.parent_id = any(?::bigint[]) and ${rootOpen.text}`, params: [roots.parents.map((u) => u.id), ...rootOpen.values] }
        : {
            sql: `select ${columns} from org_unit r where r.id = ? union all select ${columns} from org_unit r where r.parent_id = ? and ${rootOpen.text}`,
            params: [roots.unit.id, roots.unit.id, ...rootOpen.values],
          };
  const bounds = roots.kind === 'units' ? roots.units : roots.kind === 'childrenOf' ? roots.parents : [roots.unit];
  const namedRoots = roots.kind === 'units' ? roots.units.map((u) => u.id) : roots.kind === 'unitAndChildren' ? [roots.unit.id] : [];
  return { rootsSql, bounds, namedRoots };
}

/**
 * Staffing gap figures for several roots in one statement. Each root's scope is the root and,
 * when includeDescendants, every unit below it that exists on `asOf`. Roots are named units,
 * the direct children (existing on `asOf`) of named parents, which is how
 * `StaffingGap.children` is batched across a whole tree level, or a unit with its children in
 * one go. Seats, quotas and vacancies are counted once per unit and then summed per root, so a
 * unit that lies in two roots' scopes (a root and its child) costs one scan, not two. A live
 * vacancy counts where it sat on `asOf` (a reorganisation moves it; see
 * vacanciesMovedAfter), so history stays true.
 *
 * The units counted are bounded by the named units' paths, given as values: the planner then
 * estimates the subtree's size from ltree's statistics (as for a literal path) and chooses a
 * single scan of the assignments for a province or the nation and index lookups for a commune.
 * Derived from a join instead, its estimate was a few units per root whatever the depth, and
 * at the nation it looked up each position's assignments one by one: 40 % slower.
 */
export async function staffingGapFigures(
  run: SqlRunner,
  roots: GapRoots,
  options: { year: number; asOf: string; includeDescendants: boolean; figures?: GapFigureSet },
): Promise<StaffingGapFigures[]> {
  const d = options.asOf;
  const { concurrent, vacancies } = options.figures ?? ALL_GAP_FIGURES;
  const unitOpen = unitOpenOn('u', d);
  const active = assignmentActiveOn('a', d);
  const notMoved = notMovedAfter('v', d);
  const moved = vacanciesMovedAfter(d);
  const { rootsSql, bounds, namedRoots } = gapRootsSql(roots, d);
  const belowRoot = pathInSubtree('u.path', fragment('r.path'));
  const inBounds = pathInSubtrees('u.path', bounds.map((u) => u.code));
  const scopeSql = options.includeDescendants
    ? {
        sql: `scope as (
                select r.id as root_id, u.id as unit_id from roots r join org_unit u on ${belowRoot.text}
                where u.id = r.id or ${unitOpen.text}),
              units as (
                select u.id as unit_id from org_unit u
                where ${inBounds.text} and (u.id = any(?::bigint[]) or ${unitOpen.text}))`,
        params: [...belowRoot.values, ...unitOpen.values, ...inBounds.values, namedRoots, ...unitOpen.values],
      }
    : { sql: `scope as (select r.id as root_id, r.id as unit_id from roots r),
              units as (select distinct unit_id from scope)`, params: [] };
  return run<StaffingGapFigures>(
    `with roots as (${rootsSql.sql}),
     ${scopeSql.sql},
     unit_quota as (
       select q.unit_id, sum(q.headcount)::int as quota
       from units u join establishment_quota q on q.unit_id = u.unit_id and q.year = ?
       group by q.unit_id),
     seats as (
       select p.unit_id, p.headcount, p.is_it_specialist,
              count(a.id) filter (where a.kind = 'PRIMARY')::int as primary_active,
              ${concurrent ? `count(a.id) filter (where a.kind = 'CONCURRENT')::int` : '0'} as concurrent_active
       from units u join position p on p.unit_id = u.unit_id
       left join assignment a on a.position_id = p.id and ${active.text}
       group by p.id),
     unit_seats as (
       select unit_id,
              sum(primary_active)::int as filled,
              sum(concurrent_active)::int as concurrent_coverage,
              coalesce(sum(headcount) filter (where is_it_specialist), 0)::int as it_seats_planned,
              coalesce(sum(primary_active) filter (where is_it_specialist), 0)::int as it_seats_filled,
              coalesce(sum(least(concurrent_active, greatest(headcount - primary_active, 0))) filter (where is_it_specialist), 0)::int
                as it_seats_covered_concurrently
       from seats group by unit_id),
     unit_vacancies as (${!vacancies ? 'select null::bigint as unit_id, 0 as open_vacancies where false' : `
       select unit_id, count(*)::int as open_vacancies from (
         select p.unit_id from units u join position p on p.unit_id = u.unit_id
         join vacancy v on v.position_id = p.id and ${liveVacancySql('v').text}
         where ${notMoved.text}
         union all
         select p.unit_id from ${moved.text} mv
         join position p on p.id = mv.position_id join units u on u.unit_id = p.unit_id
         join vacancy v on v.id = mv.vacancy_id and ${liveVacancySql('v').text}
       ) placed group by unit_id`}),
     totals as (
       select s.root_id,
              sum(q.quota)::int as quota,
              sum(t.filled)::int as filled,
              sum(t.concurrent_coverage)::int as concurrent_coverage,
              sum(v.open_vacancies)::int as open_vacancies,
              sum(t.it_seats_planned)::int as it_seats_planned,
              sum(t.it_seats_filled)::int as it_seats_filled,
              sum(t.it_seats_covered_concurrently)::int as it_seats_covered_concurrently,
              (count(*) filter (where t.filled > 0 and q.unit_id is null))::int as units_without_quota
       from scope s
       left join unit_quota q on q.unit_id = s.unit_id
       left join unit_seats t on t.unit_id = s.unit_id
       left join unit_vacancies v on v.unit_id = s.unit_id
       group by s.root_id)
     ${GAP_FIGURES_OF_ROOTS}`,
    [...rootsSql.params, ...scopeSql.params, options.year, ...active.values, ...(vacancies ? [...notMoved.values, ...moved.values] : [])],
  );
}
