/** SQL fragments that state a rule once, for every query that needs it. */

/**
 * SQL text with the values of its `?` placeholders, in order: a rule's fragment carries its own
 * values, so a query cannot bind them in the wrong place. `spliced` builds a query from
 * fragments and values for the `?` runner (src/db/sql-runner.ts).
 */
export interface SqlFragment {
  readonly text: string;
  readonly values: readonly unknown[];
}

export function fragment(text: string, ...values: unknown[]): SqlFragment {
  return { text, values };
}

export const TRUE_SQL: SqlFragment = fragment('true');

function isFragment(part: unknown): part is SqlFragment {
  return typeof part === 'object' && part !== null && typeof (part as SqlFragment).text === 'string' && Array.isArray((part as SqlFragment).values);
}

/**
 * A query that binds itself: spliced`select … where ${rule} and p.id = ${id}` splices a fragment
 * in with its values and binds any other value as a `?` of its own, all in order. A cast goes
 * after the value: `${ids}::bigint[]`.
 */
export function spliced(strings: TemplateStringsArray, ...parts: unknown[]): SqlFragment {
  let text = strings[0];
  const values: unknown[] = [];
  parts.forEach((part, i) => {
    if (isFragment(part)) {
      text += part.text;
      values.push(...part.values);
    } else {
      text += '?';
      values.push(part);
    }
    text += strings[i + 1];
  });
  return { text, values };
}


/** Fragments joined by `separator`, values in order. */
export function joined(parts: readonly SqlFragment[], separator: string): SqlFragment {
  return { text: parts.map((c) => c.text).join(separator), values: parts.flatMap((c) => c.values) };
}

/** Fragments joined by `and` (true when there are none), values in order. */
export function allOf(conditions: readonly SqlFragment[]): SqlFragment {
  if (conditions.length === 0) return TRUE_SQL;
  return joined(conditions, ' and ');
}

/** `coalesce(alias.column, 0) as column` for each: what left joins found, 0 where they found no row. */
export function zeroWhereMissing(columns: ReadonlyArray<readonly [alias: string, column: string]>): SqlFragment {
  return fragment(columns.map(([alias, column]) => `coalesce(${alias}.${column}, 0) as ${column}`).join(', '));
}

/** A date a rule is asked about: a value (bound as `?::date`) or SQL that yields one (a column, as a fragment). */
export type SqlDate = string | SqlFragment;

/** The date as SQL: a value becomes its own `?::date`; SQL is taken as it is. */
export function dateSql(date: SqlDate): SqlFragment {
  return typeof date === 'string' ? fragment('?::date', date) : date;
}

/**
 * Where each vacancy a reorganisation moved after the date sat on that day: a from-item of
 * (vacancy_id, position_id), from `vacancy_move`. With `notMovedAfter`, it splits "the vacancies
 * on a position on a date" into two index-friendly joins.
 */
export function vacanciesMovedAfter(on: SqlDate): SqlFragment {
  return spliced`(select distinct on (m.vacancy_id) m.vacancy_id, m.from_position_id as position_id
   from vacancy_move m where m.effective_on > ${dateSql(on)} order by m.vacancy_id, m.effective_on)`;
}

/**
 * The vacancy `v` has not moved since the date: it sat on its current position then. (NOT IN
 * over a non-null column: PostgreSQL hashes the few moves once, where NOT EXISTS would probe
 * them for each of possibly 100,000 vacancies.)
 */
export function notMovedAfter(v: string, on: SqlDate): SqlFragment {
  return spliced`${fragment(v)}.id not in (select m.vacancy_id from vacancy_move m where m.effective_on > ${dateSql(on)})`;
}

const PLACED_COLUMNS = fragment('v.status, v.incentive_package_id, v.opened_on, v.filled_on');

/**
 * The vacancies that sat, on the date, on a position of a unit in `scope` (the name of a relation
 * with a `unit_id` column) and meet `condition` (SQL on `v` and `p`): rows (vacancy_id,
 * position_id, status, incentive_package_id, opened_on, filled_on), position_id being where the
 * vacancy sat that day. A vacancy counts once, where it was: on its position if it has not moved
 * since, else where its first later move took it from.
 */
export function vacanciesInScopeOn(scope: string, on: SqlDate, condition: SqlFragment = TRUE_SQL): SqlFragment {
  const inScope = fragment(`p.unit_id in (select unit_id from ${scope})`);
  return spliced`
  select v.id as vacancy_id, v.position_id, ${PLACED_COLUMNS} from vacancy v join position p on p.id = v.position_id
   where ${inScope} and (${condition}) and ${notMovedAfter('v', on)}
  union all
  select v.id, mv.position_id, ${PLACED_COLUMNS} from ${vacanciesMovedAfter(on)} mv join vacancy v on v.id = mv.vacancy_id join position p on p.id = mv.position_id
   where ${inScope} and (${condition})`;
}

/** Escapes LIKE wildcards in user text. */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
