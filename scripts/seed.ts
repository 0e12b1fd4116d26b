/** Migrates and loads the demo data into an empty database (`npm run seed`). */
import 'reflect-metadata';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/database';
import { seedIfEmpty } from '../src/app/seed';
import { createLogger } from '../src/logger';
import { entities } from '../src/app/entities';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const database = await openDatabase(config, logger, entities);
  try {
    const summary = await seedIfEmpty(database.orm, logger);
    console.log(summary ? `demo data loaded: ${JSON.stringify(summary)}` : 'the database already holds data; nothing loaded');
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
