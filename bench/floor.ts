/**
 * The SQL floor of staffing-gap-nation: the best single hand-written query for the numbers the
 * bench asks `staffingGap` for (quota, filled, gap, itGap of the nation and of each province),
 * knowing the question in advance. One pass over positions and their active assignments,
 * grouped by province, with the nation as the rollup row. Parameters: $1 the root's path, $2
 * the date, $3 the year. The bench checks that it returns the same numbers as the API.
 */
export const STAFFING_GAP_FLOOR_SQL = `
with units as (
  select u.id, case when nlevel(u.path) > nlevel($1::ltree) then subpath(u.path, 0, nlevel($1::ltree) + 1) end as child
  from org_unit u
  where u.path <@ $1::ltree and (u.path = $1::ltree or ((u.valid_from is null or u.valid_from <= $2::date) and (u.valid_to is null or u.valid_to >= $2::date)))),
seats as (
  select un.child, p.headcount, p.is_it_specialist, count(a.id) filter (where a.kind = 'PRIMARY') as filled
  from units un
  join position p on p.unit_id = un.id
  left join assignment a on a.position_id = p.id and a.start_date <= $2::date and (a.end_date is null or a.end_date >= $2::date)
  group by p.id, un.child),
figures as (
  select un.child, q.headcount as quota, 0 as filled, 0 as it_planned, 0 as it_filled
  from units un join establishment_quota q on q.unit_id = un.id and q.year = $3::int
  union all
  select child, 0, filled, case when is_it_specialist then headcount else 0 end, case when is_it_specialist then filled else 0 end
  from seats)
select child::text as child, sum(quota)::int as quota, sum(filled)::int as filled,
       (sum(quota) - sum(filled))::int as gap, (sum(it_planned) - sum(it_filled))::int as it_gap,
       grouping(child) = 1 as is_root
from figures
group by rollup(child)
order by is_root desc, child`;

export interface FloorRow {
  child: string | null;
  quota: number;
  filled: number;
  gap: number;
  it_gap: number;
  is_root: boolean;
}
