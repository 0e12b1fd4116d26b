import type { EntityManager } from '@mikro-orm/postgresql';
import { fragment, spliced, type SqlFragment } from '../shared/sql';

/**
 * Runs one SQL statement with `?` placeholders inside the entity manager's current
 * transaction, if any. Set-based reads and seeds use it; values are always escaped by the
 * driver layer, never spliced by hand. Arrays are sent as PostgreSQL array literals, so
 * `= any(?::bigint[])` takes a whole batch of keys in one parameter.
 */
export type SqlRunner = <Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]) => Promise<Row[]>;

function arrayElement(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (Array.isArray(value)) return toArrayLiteral(value);
  return `"${String(value).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function toArrayLiteral(values: readonly unknown[]): string {
  return `{${values.map(arrayElement).join(',')}}`;
}

/** Parameters as the driver takes them: arrays as PostgreSQL array literals. */
export function boundParams(params: readonly unknown[]): unknown[] {
  return params.map((p) => (Array.isArray(p) ? toArrayLiteral(p) : p));
}

export function sqlRunnerFor(em: EntityManager): SqlRunner {
  return async <Row,>(sql: string, params: readonly unknown[] = []) => (await em.execute(sql, boundParams(params), 'all')) as Row[];
}

/** Runs a query that carries its own values (src/shared/sql.ts: `spliced`). */
export function runQuery<Row = Record<string, unknown>>(run: SqlRunner, query: SqlFragment): Promise<Row[]> {
  return run<Row>(query.text, query.values);
}

/**
 * A page of a keyset listing: the rows of `from` (a relation and its alias) that meet `where`
 * and come after the cursor (`after`, from the connection's afterCursorSql), in `orderBy`'s
 * order, at most `limit` of them.
 */
export function keysetRows<Row>(
  run: SqlRunner,
  list: { columns: string; from: string; where: SqlFragment; after: SqlFragment; orderBy: string; limit: number },
): Promise<Row[]> {
  return runQuery<Row>(run, spliced`select ${fragment(list.columns)} from ${fragment(list.from)}
     where ${list.where} and ${list.after} order by ${fragment(list.orderBy)} limit ${list.limit}`);
}

/** How many rows of `from` (a relation and its alias) meet `where`: a listing's totalCount. */
export async function countRows(run: SqlRunner, from: string, where: SqlFragment): Promise<number> {
  const [row] = await runQuery<{ n: number }>(run, spliced`select count(*)::int as n from ${fragment(from)} where ${where}`);
  return row.n;
}
