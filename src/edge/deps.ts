import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import type { SqlRunner } from '../db/sql-runner';
import type { Loaders } from '../graphql/loaders';

/**
 * What a service works with for one request — never the GraphQL context, which also carries
 * the request's logger, id and statement tally. A resolver passes `depsOf(ctx)` (context.ts);
 * a service that needs less names less, with `Pick<Deps, …>`. Mutations hand their services
 * the transaction's `em` and the viewer instead (mutation.ts).
 */
export interface Deps {
  /** The verified caller (permissions have admitted them). */
  viewer: Viewer;
  /** The request's entity manager, for read models. */
  em: EntityManager;
  /** Set-based SQL on `em`. */
  sql: SqlRunner;
  /** Set-based SQL for the analytics: a read replica's when there is one (context.ts). */
  readSql: SqlRunner;
  /** The request's DataLoaders: one statement per batch of keys. */
  loaders: Loaders;
}
