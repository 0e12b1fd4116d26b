import type { SqlDate, SqlFragment } from '../../shared/sql';

/**
 * "An assignment is active on a date" belongs to staffing, which sits above people; people's
 * queries that find staff by their seats need it too. Staffing registers its rule here when it
 * loads (as recruitment registers the vacancy rule with staffing), so there is still one copy.
 */
type AssignmentActiveRule = (alias: string, on: SqlDate) => SqlFragment;

let rule: AssignmentActiveRule | null = null;

export function registerAssignmentActiveRule(activeOn: AssignmentActiveRule): void {
  rule = activeOn;
}

/** The assignment `alias` is active on the date, by staffing's rule. */
export function assignmentActiveOn(alias: string, on: SqlDate): SqlFragment {
  if (rule === null) throw new Error('The staffing module has not registered the active-assignment rule (load src/modules/staffing)');
  return rule(alias, on);
}
