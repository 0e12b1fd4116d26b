import { dateSql, fragment, spliced, type SqlDate, type SqlFragment } from '../../shared/sql';
import { registerAssignmentActiveRule } from '../people';

/*
 * The one home of the rules on an assignment's dates (`assignment.start_date`, `end_date`, both
 * inclusive, a null end for an open one) and of the free seats they leave. Each builder carries
 * its own values; the predicates stay plain comparisons on the row's columns, so the indexes on
 * (position_id, start_date) and (person_id, …) serve them as they would written out.
 */

/** The assignment `alias` is active on the date: startDate <= d and (endDate is null or endDate >= d). */
export function assignmentActiveOn(alias: string, on: SqlDate): SqlFragment {
  const [a, d] = [fragment(alias), dateSql(on)];
  return spliced`(${a}.start_date <= ${d} and (${a}.end_date is null or ${a}.end_date >= ${d}))`;
}

/** The assignment `alias` is active on some day of [from, to]: begun by `to` and not ended before `from`. */
export function assignmentActiveDuring(alias: string, from: SqlDate, to: SqlDate): SqlFragment {
  const a = fragment(alias);
  return spliced`(${a}.start_date <= ${dateSql(to)} and (${a}.end_date is null or ${a}.end_date >= ${dateSql(from)}))`;
}

/** The assignment `alias` has not ended before the date: active on it or later. */
export function assignmentNotEndedBefore(alias: string, on: SqlDate): SqlFragment {
  const a = fragment(alias);
  return spliced`(${a}.end_date is null or ${a}.end_date >= ${dateSql(on)})`;
}

/** The assignment `alias` began before the date and runs into it: what a reorganisation on that date ends and restarts. */
export function assignmentRunningInto(alias: string, on: SqlDate): SqlFragment {
  const [a, d] = [fragment(alias), dateSql(on)];
  return spliced`(${a}.start_date < ${d} and (${a}.end_date is null or ${a}.end_date >= ${d}))`;
}

/**
 * The assignment `alias` has no end date: what the staffing-gap summary counts, whatever the
 * date (its triggers in migration 20261204000000 keep that count).
 */
export function assignmentOpenEnded(alias: string): SqlFragment {
  return fragment(`${alias}.end_date is null`);
}

/**
 * The assignments whose activity on the date differs from their open-endedness, with the sign
 * that corrects the summary's count to the date: open-ended ones not begun by then (−1) and
 * ended ones running on it (+1). Rows (position_id, kind, delta); the migration's two partial
 * indexes serve the two range scans.
 */
export function assignmentsStraddling(on: SqlDate): SqlFragment {
  const d = dateSql(on);
  return spliced`(select a.position_id, a.kind, -1 as delta from assignment a where a.end_date is null and a.start_date > ${d}
      union all
      select a.position_id, a.kind, 1 from assignment a where a.end_date is not null and a.end_date >= ${d} and a.start_date <= ${d})`;
}

/**
 * The same straddling rows as a condition on `alias` (one arm, a BitmapOr of the two partial
 * indexes) and the sign each takes, for queries that join them to more than their position.
 */
export function assignmentStraddles(alias: string, on: SqlDate): { condition: SqlFragment; sign: string } {
  const [a, d] = [fragment(alias), dateSql(on)];
  return {
    condition: spliced`((${a}.end_date is null and ${a}.start_date > ${d}) or (${a}.end_date >= ${d} and ${a}.start_date <= ${d}))`,
    sign: `(case when ${alias}.end_date is null then -1 else 1 end)`,
  };
}

/**
 * Free seats of position `p` on the date (the contract's vacancy rule): its headcount less the
 * PRIMARY assignments begun by then with no end date (a holder whose end is set frees the seat
 * for recruiting ahead of time).
 */
export function freeSeatsOn(p: string, on: SqlDate): SqlFragment {
  const position = fragment(p);
  return spliced`(${position}.headcount - (select count(*)::int from assignment fs
    where fs.position_id = ${position}.id and fs.kind = 'PRIMARY' and fs.start_date <= ${dateSql(on)} and fs.end_date is null))`;
}

// People finds staff by their seats and sits below staffing: it is handed the rule, not a copy.
registerAssignmentActiveRule(assignmentActiveOn);
