/** SQL fragments that state a rule once, for every query that needs it. */

/**
 * SQL text with the values of its `?` placeholders, in order: a rule's fragment carries its own
 * values, so a query cannot bind them in the wrong place. `spliced` puts fragments into a query
 * for the `?` runner (src/db/sql-runner.ts).
 */
export interface SqlFragment {
  readonly text: string;
  readonly values: readonly unknown[];
}

export function fragment(text: string, ...values: unknown[]): SqlFragment {
  return { text, values };
}

export const TRUE_SQL: SqlFragment = fragment('true');

/** A query with fragments spliced in: spliced`select … where ${a} and ${b}` → its text and the fragments' values in order. */
export function spliced(strings: TemplateStringsArray, ...parts: SqlFragment[]): SqlFragment {
  let text = strings[0];
  const values: unknown[] = [];
  parts.forEach((part, i) => {
    text += part.text + strings[i + 1];
    values.push(...part.values);
  });
  return { text, values };
}

/** Fragments joined by `and` (true when there are none), values in order. */
export function allOf(conditions: readonly SqlFragment[]): SqlFragment {
  if (conditions.length === 0) return TRUE_SQL;
  return { text: conditions.map((c) => c.text).join(' and '), values: conditions.flatMap((c) => c.values) };
}

/** A date a rule is asked about: a value (bound as `?::date`) or SQL that yields one (a column, as a fragment). */
export type SqlDate = string | SqlFragment;

/** The date as SQL: a value becomes its own `?::date`; SQL is taken as it is. */
export function dateSql(date: SqlDate): SqlFragment {
  return typeof date === 'string' ? fragment('?::date', date) : date;
}

/** An assignment is active on date `?`: startDate <= d and (endDate is null or endDate >= d). Binds the date twice. */
export const assignmentActiveOn = (alias: string) =>
  `(${alias}.start_date <= ?::date and (${alias}.end_date is null or ${alias}.end_date >= ?::date))`;

/**
 * Where each vacancy a reorganisation moved after date `?` sat on that day: (vacancy_id,
 * position_id), from `vacancy_move`. With `notMovedAfter`, it splits "the vacancies on a position
 * on a date" into two index-friendly joins. Binds the date once.
 */
export const VACANCIES_MOVED_AFTER = `(select distinct on (m.vacancy_id) m.vacancy_id, m.from_position_id as position_id
   from vacancy_move m where m.effective_on > ?::date order by m.vacancy_id, m.effective_on)`;

/**
 * The vacancy `v` has not moved since date `?`: it sat on its current position then. Binds the
 * date once. (NOT IN over a non-null column: PostgreSQL hashes the few moves once, where NOT
 * EXISTS would probe them for each of possibly 100,000 vacancies.)
 */
export const notMovedAfter = (v: string) => `${v}.id not in (select m.vacancy_id from vacancy_move m where m.effective_on > ?::date)`;

const PLACED_COLUMNS = 'v.status, v.incentive_package_id, v.opened_on, v.filled_on';

/**
 * The vacancies that sat, on date `?`, on a position of a unit in `scope` (a relation with a
 * `unit_id` column) and meet `condition` (SQL on `v` and `p`, without placeholders): rows
 * (vacancy_id, position_id, status, incentive_package_id, opened_on, filled_on), position_id
 * being where the vacancy sat that day. A vacancy counts once, where it was: on its position if
 * it has not moved since, else where its first later move took it from. Binds the date twice.
 */
export const vacanciesInScopeOn = (scope: string, condition = 'true') => `
  select v.id as vacancy_id, v.position_id, ${PLACED_COLUMNS} from vacancy v join position p on p.id = v.position_id
   where p.unit_id in (select unit_id from ${scope}) and (${condition}) and ${notMovedAfter('v')}
  union all
  select v.id, mv.position_id, ${PLACED_COLUMNS} from ${VACANCIES_MOVED_AFTER} mv join vacancy v on v.id = mv.vacancy_id join position p on p.id = mv.position_id
   where p.unit_id in (select unit_id from ${scope}) and (${condition})`;

/** Escapes LIKE wildcards in user text. */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Free seats of position `p` on date `?` (the contract's vacancy rule): its headcount less the
 * PRIMARY assignments active that day with no end date (a holder whose end is set frees the seat
 * for recruiting ahead of time). Binds the date once.
 */
export const freeSeatsOn = (p: string) =>
  `(${p}.headcount - (select count(*)::int from assignment fs where fs.position_id = ${p}.id and fs.kind = 'PRIMARY' and fs.start_date <= ?::date and fs.end_date is null))`;

/** The statuses of a live vacancy (OPEN, INTERVIEWING, OFFERED), as SQL on `v`. */
export const vacancyLive = (v: string) => `${v}.status in ('OPEN', 'INTERVIEWING', 'OFFERED')`;
