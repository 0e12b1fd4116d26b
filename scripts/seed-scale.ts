/**
 * Fills the configured database with data of the national shape (`npm run seed:scale`):
 *   npm run seed:scale -- [--people 2000000] [--quick] [--force]
 * --quick takes one tenth of every count; --force loads even when org units already exist
 * (never twice: the VN units of an earlier run are always refused).
 */
import 'reflect-metadata';
import { generateNationalData, FULL_PEOPLE } from '../bench/scale';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/database';
import { sqlRunnerFor } from '../src/db/sql-runner';
import { createLogger } from '../src/logger';
import { entities } from '../src/app/entities';

interface Args {
  people: number;
  force: boolean;
}

export function parseArgs(argv: readonly string[]): Args {
  let people = FULL_PEOPLE;
  let quick = false;
  let force = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') quick = true;
    else if (arg === '--force') force = true;
    else if (arg === '--people' || arg.startsWith('--people=')) {
      const raw = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      const value = Number(raw);
      if (!Number.isInteger(value) || value < 10_000 || value > 50_000_000) throw new Error(`--people must be a whole number from 10000 to 50000000, got "${raw}"`);
      people = value;
    } else throw new Error(`unknown argument "${arg}" (use --people N, --quick, --force)`);
  }
  return { people: quick ? Math.round(people / 10) : people, force };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const config = loadConfig();
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const database = await openDatabase(config, logger, entities);
  try {
    const run = sqlRunnerFor(database.orm.em.fork());
    const [{ units, scale_units: scaleUnits }] = await run<{ units: number; scale_units: number }>(
      `select count(*)::int as units, count(*) filter (where code = 'VN')::int as scale_units from org_unit`,
    );
    if (scaleUnits > 0) throw new Error('the database already holds scale data (the nation VN); use a fresh database');
    if (units > 0 && !args.force) throw new Error(`the database already holds ${units} org units; use an empty database, or --force to add the scale data beside them`);
    console.log(`generating the national shape for ${args.people.toLocaleString('en')} people…`);
    const started = Date.now();
    const counts = await generateNationalData(run, { people: args.people });
    const generated = Date.now();
    await run('analyze');
    const done = Date.now();
    for (const [name, value] of Object.entries(counts)) console.log(`  ${name.padEnd(28)} ${Number(value).toLocaleString('en').padStart(12)}`);
    console.log(`generated in ${((generated - started) / 1000).toFixed(1)} s, analyze ${((done - generated) / 1000).toFixed(1)} s, total ${((done - started) / 1000).toFixed(1)} s`);
  } finally {
    await database.close();
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
