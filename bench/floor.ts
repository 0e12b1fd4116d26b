/**
 * The SQL floor of staffing-gap-nation: the best single hand-written query for the numbers the
 * bench asks `staffingGap` for (quota, filled, gap, itGap of the nation and of each province),
 * knowing the question in advance: only these figures, one pass over positions and their
 * active assignments grouped by position (an integer key), units labelled with their province,
 * the nation as the rollup row. (Of the shapes tried, grouping by the province's ltree was
 * three times slower, and counting assignments before joining positions 40 % slower.) Parameters: $1 the root's path, $2
 * the date, $3 the year. The bench checks that it returns the same numbers as the API.
 */
export const STAFFING_GAP_FLOOR_SQL = `
with units as (
  select u.id, case when nlevel(u.path) > nlevel($1::ltree) then subpath(u.path, 0, nlevel($1::ltree) + 1) end as child
  from org_unit u
  where u.path <@ $1::ltree and (u.path = $1::ltree or ((u.valid_from is null or u.valid_from <= $2::date) and (u.valid_to is null or u.valid_to >= $2::date)))),
seats as (
  select p.unit_id, p.headcount, p.is_it_specialist, count(a.id) filter (where a.kind = 'PRIMARY') as filled
  from position p
  left join assignment a on a.position_id = p.id and a.start_date <= $2::date and (a.end_date is null or a.end_date >= $2::date)
  where p.unit_id in (select id from units)
  group by p.id),
unit_seats as (
  select unit_id, sum(filled) as filled,
         sum(headcount) filter (where is_it_specialist) as it_planned, sum(filled) filter (where is_it_specialist) as it_filled
  from seats group by unit_id),
unit_quota as (
  select q.unit_id, sum(q.headcount) as quota from establishment_quota q
  where q.year = $3::int and q.unit_id in (select id from units) group by q.unit_id)
select un.child::text as child, coalesce(sum(q.quota), 0)::int as quota, coalesce(sum(s.filled), 0)::int as filled,
       (coalesce(sum(q.quota), 0) - coalesce(sum(s.filled), 0))::int as gap,
       (coalesce(sum(s.it_planned), 0) - coalesce(sum(s.it_filled), 0))::int as it_gap,
       grouping(un.child) = 1 as is_root
from units un left join unit_seats s on s.unit_id = un.id left join unit_quota q on q.unit_id = un.id
group by rollup(un.child)
order by is_root desc, child`;

export interface FloorRow {
  child: string | null;
  quota: number;
  filled: number;
  gap: number;
  it_gap: number;
  is_root: boolean;
}
