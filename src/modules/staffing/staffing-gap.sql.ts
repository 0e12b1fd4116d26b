import type { SqlRunner } from '../../db/sql-runner';
import { liveVacancySql } from '../../graphql/enums';
import { fragment, notMovedAfter, spliced, vacanciesMovedAfter, zeroWhereMissing, type SqlFragment } from '../../shared/sql';
import { pathInSubtree, pathInSubtrees } from '../../auth/scope';
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

const SUMMED_FIGURES = ['filled', 'concurrent_coverage', 'open_vacancies', 'it_seats_planned', 'it_seats_filled', 'it_seats_covered_concurrently'] as const;

/**
 * The last steps of both staffing-gap statements (on the fly and from the summary): each root's
 * totals over the units of its scope, 0 where its scope holds nothing. `unitFigures` joins to
 * `scope s` each unit's quota as `q` (unit_id, quota) and its figures as `f`; the on-the-fly
 * statement keeps its vacancies apart, as `v`.
 */
export function gapFiguresOfRoots(unitFigures: SqlFragment, vacancies: 'f' | 'v' = 'f'): SqlFragment {
  const sums = SUMMED_FIGURES.map((figure) => `sum(${figure === 'open_vacancies' ? vacancies : 'f'}.${figure})::int as ${figure}`);
  const figures = ['quota', ...SUMMED_FIGURES, 'units_without_quota'].map((figure) => ['t', figure] as const);
  return spliced`totals as (
       select s.root_id, sum(q.quota)::int as quota, ${fragment(sums.join(', '))},
              (count(*) filter (where f.filled > 0 and q.unit_id is null))::int as units_without_quota
       from scope s ${unitFigures}
       group by s.root_id)
     select r.id as unit_id, r.code, r.parent_id, ${zeroWhereMissing(figures)}
     from roots r
     left join totals t on t.root_id = r.id
     order by r.code`;
}

/**
 * The roots of a staffing-gap statement as SQL (rows id, path, code, parent_id; binds the date
 * where children must exist on it), the subtrees that hold every root's scope, and the roots
 * that count even on a date when they do not exist (children roots exist by construction).
 */
export function gapRootsSql(roots: GapRoots, d: string): { rootsSql: SqlFragment; bounds: readonly GapUnit[]; namedRoots: string[] } {
  const columns = fragment('r.id, r.path, r.code, r.parent_id');
  const rootOpen = unitOpenOn('r', d);
  const rootsSql =
    roots.kind === 'units'
      ? spliced`select ${columns} from org_unit r where r.id = any(${roots.units.map((u) => u.id)}::bigint[])`
      : roots.kind === 'childrenOf'
        ? spliced`select ${columns} from org_unit r where r.parent_id = any(${roots.parents.map((u) => u.id)}::bigint[]) and ${rootOpen}`
        : spliced`select ${columns} from org_unit r where r.id = ${roots.unit.id}
           union all select ${columns} from org_unit r where r.parent_id = ${roots.unit.id} and ${rootOpen}`;
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
    ? spliced`scope as (
                select r.id as root_id, u.id as unit_id from roots r join org_unit u on ${belowRoot}
                where u.id = r.id or ${unitOpen}),
              units as (
                select u.id as unit_id from org_unit u
                where ${inBounds} and (u.id = any(${namedRoots}::bigint[]) or ${unitOpen}))`
    : fragment(`scope as (select r.id as root_id, r.id as unit_id from roots r),
              units as (select distinct unit_id from scope)`);
  const live = liveVacancySql('v');
  const query = spliced`with roots as (${rootsSql}),
     ${scopeSql},
     unit_quota as (
       select q.unit_id, sum(q.headcount)::int as quota
       from units u join establishment_quota q on q.unit_id = u.unit_id and q.year = ${options.year}
       group by q.unit_id),
     seats as (
       select p.unit_id, p.headcount, p.is_it_specialist,
              count(a.id) filter (where a.kind = 'PRIMARY')::int as primary_active,
              ${fragment(concurrent ? `count(a.id) filter (where a.kind = 'CONCURRENT')::int` : '0')} as concurrent_active
       from units u join position p on p.unit_id = u.unit_id
       left join assignment a on a.position_id = p.id and ${active}
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
     unit_vacancies as (${!vacancies ? fragment('select null::bigint as unit_id, 0 as open_vacancies where false') : spliced`
       select unit_id, count(*)::int as open_vacancies from (
         select p.unit_id from units u join position p on p.unit_id = u.unit_id
         join vacancy v on v.position_id = p.id and ${live}
         where ${notMoved}
         union all
         select p.unit_id from ${moved} mv
         join position p on p.id = mv.position_id join units u on u.unit_id = p.unit_id
         join vacancy v on v.id = mv.vacancy_id and ${live}
       ) placed group by unit_id`}),
     ${gapFiguresOfRoots(fragment(`left join unit_quota q on q.unit_id = s.unit_id
       left join unit_seats f on f.unit_id = s.unit_id
       left join unit_vacancies v on v.unit_id = s.unit_id`), 'v')}`;
  return run<StaffingGapFigures>(query.text, query.values);
}
