import 'reflect-metadata';
import { ConfigError, loadConfig } from './config';
import { Database, openDatabase } from './db/database';
import { DataDirectoryInUseError } from './db/embedded-postgres';
import { seedIfEmpty } from './app/seed';
import { createLogger, Logger } from './logger';
import { startApp } from './server/app';
import { entities } from './app/entities';
import { assertPortFree, PortInUseError } from './server/port';

/** Boot: config → database (embedded or DATABASE_URL) → migrate → seed if empty → listen. */
async function main(): Promise<void> {
  const bootStarted = Date.now();
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  await assertPortFree(config.port);
  const database = await openDatabase(config, logger, entities);
  let app;
  try {
    if (config.seedDemoData) await seedIfEmpty(database.orm, logger);
    app = await startApp(config, database.orm, logger);
  } catch (error) {
    // Stop the embedded database we started, rather than leave it running without us.
    await database.close().catch(() => undefined);
    throw error;
  }
  logger.info({ url: app.url, ms: Date.now() - bootStarted, embedded: !database.embedded ? false : database.embedded.dataDir }, 'workforce-graph is ready');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, drainMs: config.shutdownTimeoutMs }, 'shutting down: draining requests');
    // Should closing the database hang (a statement stuck on a lock), leave anyway.
    const hardStop = setTimeout(() => {
      logger.error('shutdown did not finish in time: exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs + 10_000);
    hardStop.unref();
    try {
      const cut = await app.stop();
      await closeDatabase(database, logger);
      logger.info({ cut }, cut ? 'stopped after cutting requests that outlived the drain' : 'stopped cleanly');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'unclean shutdown');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

/**
 * Closes the pool and the embedded server. A statement still running after the drain (its
 * request already cut) would keep the pool open until it ends: after `waitMs` the embedded
 * server is stopped anyway, and an external one rolls the transaction back when we exit.
 */
async function closeDatabase(database: Database, logger: Logger, waitMs = 5_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = await Promise.race([
    database.close().then(() => false),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(true), waitMs);
    }),
  ]);
  clearTimeout(timer);
  if (timedOut) {
    logger.warn({ waitMs }, 'database connections still busy after the drain: leaving without them');
    await database.embedded?.stop();
  }
}

main().catch((error: unknown) => {
  if ((error as NodeJS.ErrnoException)?.code === 'EADDRINUSE') {
    console.error(`workforce-graph cannot start: ${new PortInUseError(Number((error as { port?: number }).port)).message}`);
  } else if (error instanceof ConfigError || error instanceof DataDirectoryInUseError || error instanceof PortInUseError) {
    console.error(`workforce-graph cannot start: ${error.message}`);
  } else {
    console.error('workforce-graph cannot start:', error);
  }
  process.exit(1);
});
