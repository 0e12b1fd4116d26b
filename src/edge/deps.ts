import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import type { SqlRunner } from '../db/sql-runner';
import { byKey, groupByKey, type Loaders } from '../graphql/loaders';
import type { Clock } from '../shared/today';

/**
 * What a service works with for one request — never the GraphQL context, which also carries
 * the request's logger, id and statement tally. A resolver passes `depsOf(ctx)` (context.ts);
 * a service that needs less names less, with `Pick<Deps, …>`. Mutations hand their services
 * the transaction's `em` and the viewer instead (mutation.ts), and the clock with that `em`
 * (`clockOf`).
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
  /** What day it is, in the administration's zone (config.ts): never the machine's own. */
  clock: Clock;
}

const clockOfTransaction = new WeakMap<EntityManager, Clock>();

/** Hands a mutation's transaction the request's clock (mutation.ts), for `clockOf`. */
export function bindClock(em: EntityManager, clock: Clock): void {
  clockOfTransaction.set(em, clock);
}

/**
 * The clock of the request a mutation's `em` belongs to. The mutation resolvers hand their
 * services only (em, viewer), so the clock travels with the transaction.
 */
export function clockOf(em: EntityManager): Clock {
  const clock = clockOfTransaction.get(em);
  if (!clock) throw new Error('clockOf: this entity manager is no mutation\'s transaction (runMutation binds the clock)');
  return clock;
}

/**
 * The entity with this id, or null: the ids asked for in one tick share one `fetch`, one
 * statement per batch (graphql/loaders.ts). What every `…ById` of a service is.
 */
export function loadById<Row extends { id?: unknown }, T>(
  deps: Pick<Deps, 'loaders'>,
  name: string,
  id: string,
  fetch: (ids: readonly string[]) => Promise<readonly Row[]>,
  toEntity: (row: Row) => T,
): Promise<T | null> {
  return deps.loaders.get<string, T | null>(name, async (ids) => byKey(ids, await fetch(ids), (row) => String(row.id), toEntity, null)).load(id);
}

/**
 * The entities of one parent (`parentOf` a row names it), in `fetch`'s order: the parents asked
 * for in one tick share one `fetch`, one statement per batch.
 */
export function loadChildren<Row, T>(
  deps: Pick<Deps, 'loaders'>,
  name: string,
  parentId: string,
  fetch: (parentIds: readonly string[]) => Promise<readonly Row[]>,
  parentOf: (row: Row) => string,
  toEntity: (row: Row) => T,
): Promise<T[]> {
  return deps.loaders.get<string, T[]>(name, async (parentIds) => groupByKey(parentIds, await fetch(parentIds), parentOf, toEntity)).load(parentId);
}
