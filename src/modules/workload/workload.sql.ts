import type { SqlRunner } from '../../db/sql-runner';
import { spliced } from '../../shared/sql';
import { yearOf } from '../../shared/today';
import { scopeUnitsSql } from '../org';
import { assignmentActiveOn } from '../staffing';

export interface CategoryWorkloadRow {
  category: string;
  digitisable_hours: number;
  other_hours: number;
  actual_staff: number;
  quota: number;
}

/**
 * Per staff category with workload or staff in scope: the hours a year of digitisable and other
 * work, the active PRIMARY assignments on the date (as staffingGap counts them), and the quota
 * of the date's year. Scope as everywhere: the unit and the units below it that exist on the date.
 */
export async function workloadByCategory(run: SqlRunner, rootId: string, includeDescendants: boolean, date: string): Promise<CategoryWorkloadRow[]> {
  const query = spliced`with scope as (${scopeUnitsSql(rootId, includeDescendants, date)}),
     work as (
       select w.category,
              -- numeric, not float8: the product of two tiny floats would underflow (an error in PostgreSQL)
              coalesce(sum(w.annual_volume::numeric * w.minutes_per_item::numeric / 60) filter (where w.digitisable), 0) as digitisable_hours,
              coalesce(sum(w.annual_volume::numeric * w.minutes_per_item::numeric / 60) filter (where not w.digitisable), 0) as other_hours
       from workload_component w where w.unit_id in (select unit_id from scope) group by w.category),
     staff as (
       select p.category, count(*)::int as actual_staff
       from assignment a join position p on p.id = a.position_id
       where p.unit_id in (select unit_id from scope) and a.kind = 'PRIMARY' and ${assignmentActiveOn('a', date)}
       group by p.category),
     quota as (
       select q.category, sum(q.headcount)::int as quota from establishment_quota q
       where q.unit_id in (select unit_id from scope) and q.year = ${yearOf(date)} group by q.category)
     select c.category,
            coalesce(work.digitisable_hours, 0)::float8 as digitisable_hours,
            coalesce(work.other_hours, 0)::float8 as other_hours,
            coalesce(staff.actual_staff, 0) as actual_staff,
            coalesce(quota.quota, 0) as quota
     from (select category from work union select category from staff) c
     left join work on work.category = c.category
     left join staff on staff.category = c.category
     left join quota on quota.category = c.category
     order by array_position(array['CIVIL_SERVANT', 'PUBLIC_EMPLOYEE', 'CONTRACT'], c.category)`;
  return run<CategoryWorkloadRow>(query.text, query.values);
}

export interface ComponentRow {
  id: string;
  unit_id: string;
  name: string;
  category: string;
  annual_volume: number;
  minutes_per_item: number;
  digitisable: boolean;
}

export async function componentsInScope(run: SqlRunner, rootId: string, includeDescendants: boolean, date: string): Promise<ComponentRow[]> {
  const query = spliced`select w.id, w.unit_id, w.name, w.category, w.annual_volume, w.minutes_per_item, w.digitisable
     from workload_component w join org_unit u on u.id = w.unit_id
     where w.unit_id in (${scopeUnitsSql(rootId, includeDescendants, date)}) order by u.code, w.name`;
  return run<ComponentRow>(query.text, query.values);
}

/** One component with its unit's code (node(id) checks the scope on it); null when none has the id. */
export async function componentWithUnitCode(run: SqlRunner, id: string): Promise<(ComponentRow & { unit_code: string }) | null> {
  const [row] = await run<ComponentRow & { unit_code: string }>(
    `select w.id, w.unit_id, w.name, w.category, w.annual_volume, w.minutes_per_item, w.digitisable, u.code as unit_code
     from workload_component w join org_unit u on u.id = w.unit_id where w.id = ?`,
    [id],
  );
  return row ?? null;
}
