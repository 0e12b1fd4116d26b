import { pathInSubtree } from '../../auth/scope';
import { fragment, spliced, type SqlFragment } from '../../shared/sql';
import { unitOpenDuring, unitOpenOn } from './unit-dates.sql';

/** The units below (or at) root `rootId` that pass `open`: a `scope_units(unit_id)` CTE body. */
function unitsBelow(rootId: string, open: SqlFragment): SqlFragment {
  return spliced`select u.id as unit_id from org_unit root join org_unit u on ${pathInSubtree('u.path', fragment('root.path'))}
          where root.id = ${rootId} and (u.id = root.id or ${open})`;
}

/**
 * The contract's scope: the unit and, when includeDescendants, every unit below it that exists
 * on the date. A `scope_units(unit_id)` CTE body, with its values.
 */
export function scopeUnitsSql(rootId: string, includeDescendants: boolean, date: string): SqlFragment {
  if (!includeDescendants) return fragment('select ?::bigint as unit_id', rootId);
  return unitsBelow(rootId, unitOpenOn('u', date));
}

/**
 * The same scope over a period: the unit and every unit below it that exists on some day of
 * [from, to]. A period question (the recruitment funnel) must see a unit that ended, or began,
 * within the period; each vacancy still counts once, in the unit of its position.
 */
export function scopeUnitsDuringSql(rootId: string, from: string, to: string): SqlFragment {
  return unitsBelow(rootId, unitOpenDuring('u', from, to));
}
