/** Applies pending migrations to the configured database (`npm run migrate`). */
import 'reflect-metadata';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/database';
import { createLogger } from '../src/logger';
import { entities } from '../src/app/entities';

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config, createLogger(config.logLevel === 'silent' ? 'silent' : 'info'), entities);
  await database.close();
  console.log('database is up to date');
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
