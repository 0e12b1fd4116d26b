import type { EntityManager } from '@mikro-orm/postgresql';

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
