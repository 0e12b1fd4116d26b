import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Counts the SQL statements a request sends. MikroORM calls `onQuery` for every statement, and
 * AsyncLocalStorage ties the statement to the request that caused it, so concurrent requests
 * keep separate counts. Tests use it to prove that list fields are batched.
 */
export interface StatementTally {
  count: number;
}

const storage = new AsyncLocalStorage<StatementTally>();

export function countStatementsIn<T>(tally: StatementTally, work: () => T): T {
  return storage.run(tally, work);
}

export function recordStatement(sql: string): string {
  const tally = storage.getStore();
  if (tally) tally.count += 1;
  return sql;
}
