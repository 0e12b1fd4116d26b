import { dateSql, fragment, spliced, type SqlDate, type SqlFragment } from '../../shared/sql';

/*
 * The one home of the rules on a unit's dates (`org_unit.valid_from`, `valid_to`, both inclusive,
 * null for an open end). Each builder carries its own values; the predicates stay plain
 * comparisons on the row's columns, so the planner sees them as it would written out.
 */

/** The unit `alias` is open on the date: validFrom <= d <= validTo, open ends counting. */
export function unitOpenOn(alias: string, on: SqlDate): SqlFragment {
  const [u, d] = [fragment(alias), dateSql(on)];
  return spliced`((${u}.valid_from is null or ${u}.valid_from <= ${d}) and (${u}.valid_to is null or ${u}.valid_to >= ${d}))`;
}

/** The unit `alias` is open on some day of [from, to]: it began by `to` and had not ended before `from`. */
export function unitOpenDuring(alias: string, from: SqlDate, to: SqlDate): SqlFragment {
  const u = fragment(alias);
  return spliced`((${u}.valid_from is null or ${u}.valid_from <= ${dateSql(to)}) and (${u}.valid_to is null or ${u}.valid_to >= ${dateSql(from)}))`;
}

/** The unit `alias` has not ended before the date: open on it or later, or not yet begun. */
export function unitNotEndedBefore(alias: string, on: SqlDate): SqlFragment {
  const u = fragment(alias);
  return spliced`(${u}.valid_to is null or ${u}.valid_to >= ${dateSql(on)})`;
}

/** The unit `alias` has no end set: no reorganisation or dissolution has ended it yet. */
export function unitOpenEnded(alias: string): SqlFragment {
  return fragment(`${alias}.valid_to is null`);
}
