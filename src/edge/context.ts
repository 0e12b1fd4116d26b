import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import type { StatementTally } from '../db/statement-counter';
import { SqlRunner, sqlRunnerFor } from '../db/sql-runner';
import { ReadReplicas, readSqlRunnerFor } from '../db/read-replicas';
import { Loaders } from '../graphql/loaders';
import type { Logger } from '../logger';
import type { Deps } from './deps';
import type { Clock } from '../shared/today';

/** Everything a resolver may use for one request. Built fresh for every request; services get `depsOf(ctx)`, never this. */
export interface RequestContext {
  requestId: string;
  /** The verified caller; null when no token was sent. */
  viewer: Viewer | null;
  /** This request's own entity manager (a fork: its identity map dies with the request). */
  em: EntityManager;
  /** Set-based SQL on `em`. */
  sql: SqlRunner;
  /**
   * Set-based SQL for the analytics, which may be a few hundred milliseconds behind: a read
   * replica's when DATABASE_REPLICA_URLS is set, `sql`'s once the request has written.
   */
  readSql: SqlRunner;
  loaders: Loaders;
  logger: Logger;
  statements: StatementTally;
  /** The server's clock (config.ts's zone), which services get through `depsOf`. */
  clock: Clock;
}

export function createRequestContext(options: {
  viewer: Viewer | null;
  em: EntityManager;
  logger: Logger;
  statements?: StatementTally;
  requestId?: string;
  replicas?: ReadReplicas;
  clock: Clock;
}): RequestContext {
  const requestId = options.requestId ?? randomUUID();
  const statements = options.statements ?? { count: 0 };
  return {
    requestId,
    viewer: options.viewer,
    em: options.em,
    sql: sqlRunnerFor(options.em),
    readSql: readSqlRunnerFor(options.em, options.replicas, statements),
    loaders: new Loaders(),
    logger: options.logger.child({ requestId }),
    statements,
    clock: options.clock,
  };
}

/** Sends the rest of the request's reads, analytics included, to the primary: it is about to write. */
export function readFromPrimary(ctx: RequestContext): void {
  ctx.statements.wrote = true;
}

/** The viewer of a context that permissions have already admitted. */
export function viewerOf(ctx: RequestContext): Viewer {
  if (!ctx.viewer) throw new Error('resolver reached without a viewer: permissions must run first');
  return ctx.viewer;
}

const depsOfContext = new WeakMap<RequestContext, Deps>();

/** What the services take from this request (deps.ts), built once: field resolvers on many rows ask for it per row. */
export function depsOf(ctx: RequestContext): Deps {
  let deps = depsOfContext.get(ctx);
  if (!deps) {
    deps = { viewer: viewerOf(ctx), em: ctx.em, sql: ctx.sql, readSql: ctx.readSql, loaders: ctx.loaders, clock: ctx.clock };
    depsOfContext.set(ctx, deps);
  }
  return deps;
}
