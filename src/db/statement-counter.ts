import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Counts the SQL statements a request sends. MikroORM calls `onQuery` for every statement, and
 * AsyncLocalStorage ties the statement to the request that caused it, so concurrent requests
 * keep separate counts. Tests use it to prove that list fields are batched.
 */
export interface StatementTally {
  count: number;
  /** The request has sent a statement that may write: its later reads go to the primary (read-replicas.ts). */
  wrote?: boolean;
}

const READ_ONLY_START = /^\s*(select|with|values|table|show|explain)\b/i;
const WRITING_WORD = /\b(insert|update|delete|merge|truncate|call|for\s+(no\s+key\s+)?update|for\s+(key\s+)?share)\b/i;

/** Whether a statement may change data (or lock rows to): anything but a plain read. Errs towards yes. */
export function mayWrite(sql: string): boolean {
  return !READ_ONLY_START.test(sql) || WRITING_WORD.test(sql);
}

const storage = new AsyncLocalStorage<StatementTally>();

export function countStatementsIn<T>(tally: StatementTally, work: () => T): T {
  return storage.run(tally, work);
}

export function recordStatement(sql: string): string {
  const tally = storage.getStore();
  if (tally) {
    tally.count += 1;
    if (!tally.wrote && mayWrite(sql)) tally.wrote = true;
  }
  return sql;
}
