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

export function sqlRunnerFor(em: EntityManager): SqlRunner {
  return async <Row,>(sql: string, params: readonly unknown[] = []) => {
    const bound = params.map((p) => (Array.isArray(p) ? toArrayLiteral(p) : p));
    return (await em.execute(sql, bound, 'all')) as Row[];
  };
}
