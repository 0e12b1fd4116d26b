import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { signToken } from '../src/auth/token';
import { Role } from '../src/graphql/enums';
import { TEST_SECRET } from './helpers/harness';
import { PgBouncer, startPgBouncer } from './helpers/pgbouncer';
import { CALLERS, QuotaRace, SEATS_LEFT } from './helpers/quota-race';
import { createTestDatabase, TestDatabase } from './helpers/test-database';

const TRIALS = 10;
const WORKERS = 4;
const REQUESTS_PER_WORKER = 30;

/**
 * Transaction pooling hands a server connection to a client for one transaction at a time, so
 * nothing may live on a session across statements. These are the ways to depend on one.
 */
const SESSION_STATE = [
  /pg_advisory_lock|pg_try_advisory_lock(?!_)|pg_advisory_unlock/i, // session-level advisory locks (the _xact_ ones are fine)
  /\b(listen|unlisten|notify)\s+[a-z_"]/i,
  /\bprepare\s+[a-z_"]+\s+(as|\()/i,
  /\bdeallocate\b/i,
  /\bcreate\s+(temp|temporary)\s+table\b(?!.*\bon\s+commit\s+drop\b)/i, // one dropped at commit lives in its transaction only
  /\bdeclare\s+\w+\s+(binary\s+)?(insensitive\s+)?(no\s+)?(scroll\s+)?cursor\s+with\s+hold\b/i,
  // SET or set_config() for the session: only SET LOCAL / set_config(…, true) last one transaction.
  /\bset\s+(session\s+)?(search_path|role|session_authorization|time\s*zone|timezone|statement_timeout|lock_timeout|idle_in_transaction_session_timeout|work_mem|application_name|datestyle|client_encoding)\b/i,
  /set_config\([^)]*,\s*false\s*\)/i,
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.ts$/.test(name) ? [full] : [];
  });
}

describe('through PgBouncer in transaction mode', () => {
  let db: TestDatabase;
  let bouncer: PgBouncer | null = null;
  let race: QuotaRace | null = null;
  let skipped = '';

  beforeAll(async () => {
    db = await createTestDatabase();
    const started = await startPgBouncer(db.url);
    if ('skipped' in started) {
      skipped = started.skipped;
      return;
    }
    bouncer = started;
    race = await QuotaRace.start(db.url, bouncer.urlFor(db.url));
  }, 120_000);

  afterAll(async () => {
    await race?.stop();
    await bouncer?.stop();
    await db?.drop();
  });

  it('holds the service to no session state (what transaction pooling rules out)', () => {
    const root = path.resolve(__dirname, '..');
    const offences = [...sourceFiles(path.join(root, 'src')), ...sourceFiles(path.join(root, 'migrations'))].flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${path.relative(root, file)}:${i + 1}` }))
        .filter(({ line }) => SESSION_STATE.some((pattern) => pattern.test(line)))
        .map(({ line, at }) => `${at}: ${line.trim()}`),
    );
    expect(offences).toEqual([]);
    // The patterns do catch what they are for.
    for (const sample of ['select pg_advisory_lock(1)', 'LISTEN jobs', "set search_path = x", 'SET SESSION statement_timeout = 0', 'prepare q as select 1', "select set_config('a.b', '1', false)"]) {
      expect(SESSION_STATE.some((pattern) => pattern.test(sample))).toBe(true);
    }
    for (const sample of ['select pg_advisory_xact_lock(1)', "set local statement_timeout = '1s'", 'update person set role_family = 1', "select set_config('a.b', '1', true)"]) {
      expect(SESSION_STATE.some((pattern) => pattern.test(sample))).toBe(false);
    }
  });

  it(`keeps the quota race exact: ${SEATS_LEFT} of ${CALLERS} concurrent assignments, two instances, ${TRIALS} trials`, async () => {
    if (!race) return console.log(`SKIPPED: PgBouncer quota race: ${skipped}`);
    const { violations, perServer } = await race.run(TRIALS);
    expect(violations).toEqual([]);
    expect(perServer[0] + perServer[1]).toBe(TRIALS * SEATS_LEFT);
    console.log(`PgBouncer (transaction mode): ${TRIALS} trials × ${CALLERS} concurrent assignPerson for ${SEATS_LEFT} seats, no violation (A ${perServer[0]}, B ${perServer[1]})`);
  }, 180_000);

  it(`serves a mixed load of ${WORKERS * REQUESTS_PER_WORKER} reads and writes without an error`, async () => {
    if (!race || !bouncer) return console.log(`SKIPPED: PgBouncer mixed load: ${skipped}`);
    const hr = await signToken({ subject: 'bouncer-hr', role: Role.HR_OFFICER, unitCode: 'HAI' }, TEST_SECRET);
    const analyst = await signToken({ subject: 'bouncer-analyst', role: Role.ANALYST, unitCode: 'HAI' }, TEST_SECRET);
    const mix: Array<(n: string) => { token: string; query: string; variables?: Record<string, unknown>; payload?: string }> = [
      () => ({ token: analyst, query: '{ staffingGap(unitCode: "HAI", year: 2030) { quota filled gap } }' }),
      (n) => ({ token: hr, query: 'mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } userErrors { code } } }', variables: { input: { fullName: `Người qua PgBouncer ${n}`, unitCode: 'HAI' } }, payload: 'createPerson' }),
      () => ({ token: hr, query: '{ people(unitCode: "HAI", first: 5) { totalCount edges { node { fullName } } } }' }),
      (n) => ({ token: hr, query: 'mutation($input: CreateCompetencyInput!) { createCompetency(input: $input) { competency { code } userErrors { code } } }', variables: { input: { code: `PGB_${n}`, name: 'Năng lực', isDigital: true } }, payload: 'createCompetency' }),
      () => ({ token: analyst, query: '{ skillGaps(unitCode: "HAI") { gap } placementFit(unitCode: "HAI") { assignmentsEvaluated } }' }),
      () => ({ token: hr, query: '{ positions(unitCode: "HAI") { totalCount edges { node { title assignments { kind } } } } }' }),
    ];
    const failures: string[] = [];
    let done = 0;
    await Promise.all(
      Array.from({ length: WORKERS }, async (_, worker) => {
        for (let i = 0; i < REQUESTS_PER_WORKER; i++) {
          const n = `${worker}_${i}`;
          const { token, query, variables, payload } = mix[(worker + i) % mix.length](n);
          const server = race!.servers[(worker + i) % 2];
          const response = await fetch(server.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ query, variables }),
          });
          const body = (await response.json()) as { data?: any; errors?: unknown[] };
          if (response.status !== 200 || body.errors || (payload && body.data?.[payload]?.userErrors?.length)) failures.push(`${response.status} ${JSON.stringify(body).slice(0, 300)}`);
          done++;
        }
      }),
    );
    expect(failures).toEqual([]);
    expect(done).toBe(WORKERS * REQUESTS_PER_WORKER);
    // It all went through PgBouncer: its statistics count the transactions.
    const admin = new Client({ connectionString: bouncer.adminUrl });
    await admin.connect();
    const { rows } = await admin.query('SHOW STATS');
    await admin.end();
    const ours = rows.find((r) => r.database === db.name);
    expect(Number(ours?.total_xact_count ?? 0)).toBeGreaterThanOrEqual(WORKERS * REQUESTS_PER_WORKER);
    console.log(`PgBouncer mixed load: ${done} requests, no error; PgBouncer counted ${ours.total_xact_count} transactions and ${ours.total_query_count} statements for the database`);
  }, 180_000);
});
