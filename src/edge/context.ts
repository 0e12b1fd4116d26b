import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import type { StatementTally } from '../db/statement-counter';
import { SqlRunner, sqlRunnerFor } from '../db/sql-runner';
import { Loaders } from '../graphql/loaders';
import type { Logger } from '../logger';

/** Everything a resolver may use for one request. Built fresh for every request. */
export interface RequestContext {
  requestId: string;
  /** The verified caller; null when no token was sent. */
  viewer: Viewer | null;
  /** This request's own entity manager (a fork: its identity map dies with the request). */
  em: EntityManager;
  /** Set-based SQL on `em`. */
  sql: SqlRunner;
  loaders: Loaders;
  logger: Logger;
  statements: StatementTally;
}

export function createRequestContext(options: {
  viewer: Viewer | null;
  em: EntityManager;
  logger: Logger;
  statements?: StatementTally;
  requestId?: string;
}): RequestContext {
  const requestId = options.requestId ?? randomUUID();
  return {
    requestId,
    viewer: options.viewer,
    em: options.em,
    sql: sqlRunnerFor(options.em),
    loaders: new Loaders(),
    logger: options.logger.child({ requestId }),
    statements: options.statements ?? { count: 0 },
  };
}

/** The viewer of a context that permissions have already admitted. */
export function viewerOf(ctx: RequestContext): Viewer {
  if (!ctx.viewer) throw new Error('resolver reached without a viewer: permissions must run first');
  return ctx.viewer;
}
