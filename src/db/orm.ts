import { EntityClass, MikroORM } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { migrationsList } from '../../migrations';
import type { Logger } from '../logger';
import { recordStatement } from './statement-counter';

export type Orm = MikroORM;

export interface OrmOptions {
  url: string;
  /** Every entity, listed by the layer that composes the modules (src/app/entities.ts): the database layer knows no module. */
  entities: EntityClass<unknown>[];
  poolSize?: number;
  logger?: Logger;
  /** How long a statement may wait for a pooled connection (default 10 s). */
  acquireTimeoutMs?: number;
  /** Streaming replicas of `url`, each with a pool like the primary's; only `readSqlRunnerFor` reads from them. */
  replicaUrls?: string[];
}

export async function createOrm(options: OrmOptions): Promise<Orm> {
  return MikroORM.init({
    clientUrl: options.url,
    entities: options.entities,
    discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
    extensions: [Migrator],
    migrations: { migrationsList, transactional: true, allOrNothing: true, tableName: 'mikro_orm_migrations', snapshot: false },
    // Outages (see test/fault-tolerance.test.ts): a connection the server dropped is discarded by
    // the pool and a new one made on the next request, so service resumes by itself when the
    // database returns. The timeouts keep a request from hanging on an unreachable host (no
    // RST: a partition, a dead VM): it fails as SERVICE_UNAVAILABLE within seconds, not minutes.
    pool: { min: 0, max: options.poolSize ?? 10, acquireTimeoutMillis: options.acquireTimeoutMs ?? 10_000, createTimeoutMillis: 5_000 },
    driverOptions: {
      connection: { connectionTimeoutMillis: 5_000, keepAlive: true },
      // knex's own warnings (e.g. "Connection Error: …" when a pooled connection dies) go to the
      // structured log, not to stdout as bare text.
      log: {
        warn: (message: unknown) => options.logger?.warn({ knex: String(message) }, 'database driver warning'),
        error: (message: unknown) => options.logger?.error({ knex: String(message) }, 'database driver error'),
        deprecate: (message: unknown) => options.logger?.debug({ knex: String(message) }),
        debug: (message: unknown) => options.logger?.debug({ knex: String(message) }),
      },
    },
    // Entities are loaded only where a request asks for them, never implicitly.
    forceEntityConstructor: false,
    allowGlobalContext: false,
    onQuery: recordStatement,
    replicas: (options.replicaUrls ?? []).map((clientUrl, index) => ({ name: `replica-${index + 1}`, clientUrl })),
    // Nothing reads from a replica unless it asks to (src/db/read-replicas.ts): a replica lags,
    // and only the analytics can live with that.
    preferReadReplicas: false,
    debug: false,
    logger: (message: string) => options.logger?.debug({ orm: message }),
    schemaGenerator: { disableForeignKeys: false },
  });
}

/** Applies every pending migration; returns the names applied. */
export async function migrate(orm: Orm): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((migration) => migration.name);
}
