/**
 * Fills the configured database with the national dataset (`npm run seed:scale`): Vietnam's
 * real map (seeds/country.ts, loaded first unless it is on file already) with synthetic
 * departments, positions, people and recruitment on today's units.
 *   npm run seed:scale -- [--people 2000000] [--quick] [--force]
 * --quick takes one tenth of every count. A database that already holds the country (from
 * `npm run seed -- --country`) takes the dataset; one whose country already holds positions or
 * people (an earlier run, or real staff) is always refused, so nothing is generated twice or mixed
 * with real records. Units outside the country (the demo's HCM, BN) are refused unless --force.
 */
import 'reflect-metadata';
import { generateNationalData, FULL_PEOPLE } from '../bench/scale';
import { buildCountry, loadCountry } from '../seeds/country';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/database';
import { SqlRunner, sqlRunnerFor } from '../src/db/sql-runner';
import { createLogger } from '../src/logger';
import { entities } from '../src/app/entities';
import { NATION_CODE } from '../src/shared/region';

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

/** Why the database may not take the dataset, or null when it may (the header's rules). */
export async function refusalOf(run: SqlRunner, force: boolean): Promise<string | null> {
  const [state] = await run<{ other_units: number; positions: number; people: number }>(
    `with country as (select id from org_unit where path <@ ?::ltree)
     select (select count(*) from org_unit where not path <@ ?::ltree)::int as other_units,
            (select count(*) from position where unit_id in (select id from country))::int as positions,
            (select count(*) from person where home_unit_id in (select id from country))::int as people`,
    [NATION_CODE, NATION_CODE],
  );
  if (state.positions > 0 || state.people > 0) {
    return `the country already holds ${state.positions} positions and ${state.people} people (an earlier seed:scale, or real records); use a fresh database`;
  }
  if (state.other_units > 0 && !force) return `the database already holds ${state.other_units} org units outside the country; use an empty database, or --force to add the national dataset beside them`;
  return null;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const config = loadConfig();
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const database = await openDatabase(config, logger, entities);
  try {
    const run = sqlRunnerFor(database.orm.em.fork());
    const refusal = await refusalOf(run, args.force);
    if (refusal) throw new Error(refusal);
    const started = Date.now();
    // In one transaction, as `npm run seed -- --country` loads it: a map that differs from the
    // data fails with nothing written. The generator's own load then finds it on file.
    const country = await database.orm.em.fork().transactional((tx) => loadCountry(sqlRunnerFor(tx), buildCountry()));
    console.log(country.inserted ? `loaded the country: ${country.inserted} units in ${(country.ms / 1000).toFixed(1)} s` : 'the country is on file already');
    console.log(`generating the national dataset for ${args.people.toLocaleString('en')} people…`);
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
