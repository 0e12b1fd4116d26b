import 'reflect-metadata';
import { ConfigError, loadConfig } from './config';
import { openDatabase } from './db/database';
import { DataDirectoryInUseError } from './db/embedded-postgres';
import { seedIfEmpty } from './db/seed';
import { createLogger } from './logger';
import { startApp } from './server/app';

/** Boot: config → database (embedded or DATABASE_URL) → migrate → seed if empty → listen. */
async function main(): Promise<void> {
  const bootStarted = Date.now();
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const database = await openDatabase(config, logger);
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
    logger.info({ signal }, 'shutting down: draining requests');
    try {
      await app.stop();
      await database.close();
      logger.info('stopped cleanly');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'unclean shutdown');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if ((error as NodeJS.ErrnoException)?.code === 'EADDRINUSE') {
    console.error(`workforce-graph cannot start: port ${(error as { port?: number }).port} is in use; set PORT to a free one`);
  } else if (error instanceof ConfigError || error instanceof DataDirectoryInUseError) {
    console.error(`workforce-graph cannot start: ${error.message}`);
  } else {
    console.error('workforce-graph cannot start:', error);
  }
  process.exit(1);
});
