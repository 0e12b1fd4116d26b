import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../logger';
import type { Orm } from './orm';
import { boundParams, SqlRunner, sqlRunnerFor } from './sql-runner';
import type { StatementTally } from './statement-counter';

/** How long a replica that could not be reached is left out before a statement tries it again. */
export const REPLICA_RETRY_MS = 5_000;

interface ReplicaConnection {
  execute(sql: string, params: unknown[], method: 'all'): Promise<unknown>;
  options?: { name?: string };
}

interface Replica {
  name: string;
  connection: ReplicaConnection;
  /** While now < downUntil the replica is left out (the circuit is open). */
  downUntil: number;
  /** Whether the latest statement sent to it failed to reach it. */
  down: boolean;
}

/**
 * Whether a replica's error says the replica cannot serve right now (it is down, starting,
 * overloaded, or its pool gave up), as opposed to the statement's own fault. Node's socket errors
 * and knex's pool timeout carry no SQLSTATE; PostgreSQL's connection (08), resource (53),
 * operator (57) and system (58) classes do.
 */
function isUnreachable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return true;
  return /^(08|53|57|58)/.test(code);
}

/**
 * The streaming replicas of the ORM (the `replicas` option; MikroORM opens a pool for each),
 * taken in turn, with a circuit breaker each: a replica that cannot be reached is left out for
 * REPLICA_RETRY_MS, so an outage costs one failed attempt per replica and pause, not one per
 * statement, and the first statement after the pause tries it again.
 */
export class ReadReplicas {
  private readonly replicas: Replica[];
  private next = 0;

  constructor(orm: Orm, private readonly logger: Logger, private readonly now: () => number = Date.now) {
    const connections = (orm.em.getDriver() as unknown as { replicas?: ReplicaConnection[] }).replicas ?? [];
    this.replicas = connections.map((connection, index) => ({ name: connection.options?.name ?? `replica-${index + 1}`, connection, downUntil: 0, down: false }));
  }

  get size(): number {
    return this.replicas.length;
  }

  /** The next replica whose circuit is closed; null when there is none (read from the primary). */
  private pick(): Replica | null {
    const at = this.now();
    for (let tried = 0; tried < this.replicas.length; tried++) {
      const replica = this.replicas[this.next++ % this.replicas.length];
      if (replica.downUntil <= at) return replica;
    }
    return null;
  }

  /**
   * Runs a read on a replica; null when no replica could answer it, and the caller reads from
   * the primary. Never throws: a replica's failure is a warning in the log, not the client's error.
   */
  async read(sql: string, params: unknown[]): Promise<unknown[] | null> {
    const replica = this.pick();
    if (!replica) return null;
    try {
      const rows = (await replica.connection.execute(sql, params, 'all')) as unknown[];
      if (replica.down) {
        replica.down = false;
        this.logger.info({ replica: replica.name }, 'read replica is back: analytics read from it again');
      }
      return rows;
    } catch (error) {
      if (isUnreachable(error)) {
        replica.downUntil = this.now() + REPLICA_RETRY_MS;
        if (!replica.down) {
          replica.down = true;
          this.logger.warn({ replica: replica.name, err: error, retryMs: REPLICA_RETRY_MS }, 'read replica unreachable: its reads go to the primary');
        }
      } else {
        // A statement the replica refused (cancelled by a conflict with recovery, a schema not
        // yet replayed…): the primary answers it, and gives the statement's own error if any.
        this.logger.warn({ replica: replica.name, err: error }, 'read replica failed a statement: retried on the primary');
      }
      return null;
    }
  }
}

/**
 * The SQL runner for reads that may lag (the analytics): a replica's, until the request writes.
 * Inside a transaction, or once the request has sent a statement that may write (`tally.wrote`,
 * set by the statement counter and for every mutation), it is the primary's, so a request reads
 * its own writes. Replica statements are counted like the primary's (MikroORM's `onQuery`).
 */
export function readSqlRunnerFor(em: EntityManager, replicas: ReadReplicas | undefined, tally: StatementTally): SqlRunner {
  const primary = sqlRunnerFor(em);
  return async <Row,>(sql: string, params: readonly unknown[] = []) => {
    if (!replicas?.size || tally.wrote || em.getTransactionContext()) return primary<Row>(sql, params);
    const rows = await replicas.read(sql, boundParams(params));
    return rows ? (rows as Row[]) : primary<Row>(sql, params);
  };
}
