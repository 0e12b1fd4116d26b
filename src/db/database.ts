import { Client } from 'pg';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { EmbeddedDatabase, startEmbeddedPostgres } from './embedded-postgres';
import { createOrm, migrate, Orm, OrmOptions } from './orm';

export const EMBEDDED_DATABASE_NAME = 'workforce';

export interface Database {
  url: string;
  orm: Orm;
  embedded?: EmbeddedDatabase;
  close(): Promise<void>;
}

/** Creates `name` on the server behind `adminUrl` unless it exists. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) await client.query(`create database "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/**
 * Opens the configured database: DATABASE_URL when set, otherwise the embedded server (started
 * here and stopped by `close`). Migrations are applied before it is handed out.
 */
export async function openDatabase(config: Config, logger: Logger, entities: OrmOptions['entities']): Promise<Database> {
  let embedded: EmbeddedDatabase | undefined;
  let url = config.databaseUrl;
  if (!url) {
    const started = Date.now();
    embedded = await startEmbeddedPostgres({ dataDir: config.embeddedDataDir, logger });
    await ensureDatabase(embedded.adminUrl, EMBEDDED_DATABASE_NAME);
    url = embedded.urlFor(EMBEDDED_DATABASE_NAME);
    logger.info({ dataDir: embedded.dataDir, port: embedded.port, ms: Date.now() - started }, 'embedded PostgreSQL is up');
  }
  let orm: Orm;
  try {
    orm = await createOrm({ url, entities, poolSize: config.dbPoolSize, logger, replicaUrls: config.databaseReplicaUrls });
    const applied = await migrate(orm);
    if (applied.length) logger.info({ applied }, 'migrations applied');
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  return {
    url,
    orm,
    embedded,
    async close() {
      await orm.close(true);
      await embedded?.stop();
    },
  };
}
