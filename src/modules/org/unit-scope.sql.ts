import { unitOpenDuring, unitOpenOn } from './unit-dates.sql';

/**
 * The contract's scope: the unit and, when includeDescendants, every unit below it that exists
 * on the date. Returns a `scope_units(unit_id)` CTE body and its parameters.
 */
export function scopeUnitsSql(rootId: string, includeDescendants: boolean, date: string): { sql: string; params: unknown[] } {
  if (!includeDescendants) return { sql: 'select ?::bigint as unit_id', params: [rootId] };
  const open = unitOpenOn('u', date);
  return {
    sql: `select u.id as unit_id from org_unit root join org_unit u on u.path <@ root.path
          where root.id = ? and (u.id = root.id or ${open.text})`,
    params: [rootId, ...open.values],
  };
}

/**
 * The same scope over a period: the unit and every unit below it that exists on some day of
 * [from, to]. A period question (the recruitment funnel) must see a unit that ended, or began,
 * within the period; each vacancy still counts once, in the unit of its position.
 */
export function scopeUnitsDuringSql(rootId: string, from: string, to: string): { sql: string; params: unknown[] } {
  const open = unitOpenDuring('u', from, to);
  return {
    sql: `select u.id as unit_id from org_unit root join org_unit u on u.path <@ root.path
          where root.id = ? and (u.id = root.id or ${open.text})`,
    params: [rootId, ...open.values],
  };
}
