import type { Orm } from './orm';

interface TarnPool {
  on(event: 'createSuccess' | 'createFail', listener: (...args: unknown[]) => void): void;
}

/**
 * Tells the two causes of knex's "Timeout acquiring a connection" apart. The pool gives up on a
 * request either because every connection it holds stayed busy (the database is up, and
 * saturated) or because it could not open one (the database is out of reach). knex words both
 * the same, so this watches the pools' own events: the cause is "unreachable" while the latest
 * attempt to open a connection failed.
 */
export class ConnectionHealth {
  private failing = new Set<TarnPool>();

  watch(pool: TarnPool): void {
    pool.on('createSuccess', () => this.failing.delete(pool));
    pool.on('createFail', () => this.failing.add(pool));
  }

  /** Whether some pool's latest attempt to open a connection failed. */
  cannotConnect(): boolean {
    return this.failing.size > 0;
  }
}

/**
 * Watches the primary's pool. Not the replicas': their reads fall back to the primary
 * (read-replicas.ts), so a replica out of reach is no outage, and must not make a primary that
 * is merely busy look unreachable.
 */
export function connectionHealthOf(orm: Orm): ConnectionHealth {
  const health = new ConnectionHealth();
  const driver = orm.em.getDriver() as unknown as { getConnection(type: 'write'): unknown };
  for (const connection of [driver.getConnection('write')]) {
    const pool = (connection as { getKnex(): { client: { pool?: TarnPool } } }).getKnex().client.pool;
    if (pool) health.watch(pool);
  }
  return health;
}
