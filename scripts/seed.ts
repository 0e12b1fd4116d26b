/**
 * Migrates and loads the demo data into an empty database (`npm run seed`), or Vietnam's real
 * administrative map, today's and the pre-reform one (`npm run seed -- --country`), which any
 * database takes, as often as asked: a second run changes nothing.
 */
import 'reflect-metadata';
import { buildCountry, loadCountry } from '../seeds/country';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/database';
import { seedIfEmpty } from '../src/app/seed';
import { sqlRunnerFor } from '../src/db/sql-runner';
import { createLogger } from '../src/logger';
import { entities } from '../src/app/entities';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== '--country');
  if (unknown.length) throw new Error(`unknown argument "${unknown[0]}" (use --country, or nothing for the demo data)`);
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const database = await openDatabase(config, logger, entities);
  try {
    if (args.includes('--country')) {
      const country = buildCountry();
      const load = await database.orm.em.fork().transactional((tx) => loadCountry(sqlRunnerFor(tx), country));
      console.log(`the country: ${load.units} units, ${load.inserted} added, ${load.successorsSet} successors set, in ${(load.ms / 1000).toFixed(1)} s`);
      return;
    }
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
