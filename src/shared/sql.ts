/** SQL fragments that state a rule once, for every query that needs it. */

/** A unit exists on date `?`: validFrom <= d <= validTo, open ends counting. Binds the date twice. */
export const unitExistsOn = (alias: string) =>
  `((${alias}.valid_from is null or ${alias}.valid_from <= ?::date) and (${alias}.valid_to is null or ${alias}.valid_to >= ?::date))`;

/** An assignment is active on date `?`: startDate <= d and (endDate is null or endDate >= d). Binds the date twice. */
export const assignmentActiveOn = (alias: string) =>
  `(${alias}.start_date <= ?::date and (${alias}.end_date is null or ${alias}.end_date >= ?::date))`;

/** Escapes LIKE wildcards in user text. */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
