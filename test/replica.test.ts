import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { signToken } from '../src/auth/token';
import { ConfigError, loadConfig } from '../src/config';
import { ensureDatabase } from '../src/db/database';
import { EmbeddedDatabase, freePort, startEmbeddedPostgres } from '../src/db/embedded-postgres';
import { createOrm, migrate, Orm } from '../src/db/orm';
import { ReadReplicas } from '../src/db/read-replicas';
import { sqlRunnerFor } from '../src/db/sql-runner';
import { countStatementsIn, StatementTally } from '../src/db/statement-counter';
import { createRequestContext } from '../src/edge/context';
import { entities } from '../src/app/entities';
import { Role } from '../src/graphql/enums';
import { RunningApp, startApp } from '../src/server/app';
import { TEST_SECRET } from './helpers/harness';
import { copyDataDirectory, pauseReplay, resumeReplay, Standby, startStandby, waitForReplay } from '../bench/standby';
import { buildWorld } from './helpers/world';
import { clockIn, DEFAULT_TIME_ZONE } from '../src/shared/today';

describe('DATABASE_REPLICA_URLS', () => {
  const base = { NODE_ENV: 'test', DATABASE_URL: 'postgres://u:p@primary:5432/wf' };

  it('lists the replicas, comma-separated', () => {
    expect(loadConfig({ ...base, DATABASE_REPLICA_URLS: 'postgres://u:p@r1:5432/wf, postgresql://u:p@r2/wf' }).databaseReplicaUrls)
      .toEqual(['postgres://u:p@r1:5432/wf', 'postgresql://u:p@r2/wf']);
    expect(loadConfig(base).databaseReplicaUrls).toEqual([]);
  });

  it('refuses what is not a replica of DATABASE_URL, without echoing a password', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', DATABASE_REPLICA_URLS: 'postgres://u:p@r1/wf' })).toThrow(/needs DATABASE_URL/);
    expect(() => loadConfig({ ...base, DATABASE_REPLICA_URLS: 'mysql://u:secret@r1/wf' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, DATABASE_REPLICA_URLS: 'r1:5432' })).toThrow(/entry 1 is not one/);
    expect(() => loadConfig({ ...base, DATABASE_REPLICA_URLS: 'mysql://u:secret@r1/wf' })).not.toThrow(/secret/);
    expect(() => loadConfig({ ...base, DATABASE_REPLICA_URLS: 'postgres://r1/wf,postgres://r1/wf' })).toThrow(/twice/);
  });
});

interface Logged { level: number; msg: string; replica?: string }

interface Served {
  status: number;
  statements: number;
  body: { data?: any; errors?: any[] };
}

/**
 * A primary and a streaming standby made from the embedded PostgreSQL binaries (no
 * pg_basebackup: a clean copy of the stopped primary, plus standby.signal and primary_conninfo),
 * and two real servers on the primary: one reading its analytics from the standby, one without
 * replicas to compare with.
 */
describe('analytics on a streaming read replica', () => {
  let root: string;
  let pg: EmbeddedDatabase;
  let standby: Standby;
  let primaryUrl: string;
  let standbyUrl: string;
  let orm: Orm;
  let plainOrm: Orm;
  let app: RunningApp;
  let plainApp: RunningApp;
  let admin: string;
  let hr: string;
  const logged: Logged[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void logged.push(JSON.parse(line)) });

  async function post(on: RunningApp, query: string, variables: Record<string, unknown>, token: string): Promise<Served> {
    const response = await fetch(on.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, statements: Number(response.headers.get('x-sql-statements')), body: (await response.json()) as Served['body'] };
  }

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'wf-replica-'));
    const primaryPort = await freePort();
    pg = await startEmbeddedPostgres({ dataDir: path.join(root, 'primary'), persistent: true, port: primaryPort });
    // PostgreSQL 18's defaults stream already (wal_level=replica, max_wal_senders=10, and initdb's
    // pg_hba.conf admits `replication` from 127.0.0.1 with the cluster's password): say so here.
    const client = new (await import('pg')).Client({ connectionString: pg.adminUrl });
    await client.connect();
    const settings = await client.query(`select name, setting from pg_settings where name in ('wal_level', 'max_wal_senders', 'hot_standby') order by name`);
    const hba = await client.query(`select count(*)::int as n from pg_hba_file_rules where 'replication' = any(database) and address = '127.0.0.1'`);
    await client.end();
    expect(settings.rows).toEqual([{ name: 'hot_standby', setting: 'on' }, { name: 'max_wal_senders', setting: '10' }, { name: 'wal_level', setting: 'replica' }]);
    expect(hba.rows[0].n).toBeGreaterThan(0);

    await ensureDatabase(pg.adminUrl, 'workforce');
    primaryUrl = pg.urlFor('workforce');
    const setup = await createOrm({ url: primaryUrl, entities, poolSize: 1 });
    await migrate(setup);
    await buildWorld(sqlRunnerFor(setup.em.fork()));
    await setup.close(true);

    // The standby starts as a byte copy of the cleanly stopped primary.
    const primaryDir = pg.dataDir;
    await pg.stop();
    const standbyDir = path.join(path.dirname(primaryDir), 'standby');
    copyDataDirectory(primaryDir, standbyDir);
    pg = await startEmbeddedPostgres({ dataDir: primaryDir, persistent: true, port: primaryPort });
    standby = await startStandby({ copyOfPrimary: standbyDir, primaryAdminUrl: pg.adminUrl, port: await freePort() });
    standbyUrl = standby.urlFor('workforce');

    const env = { NODE_ENV: 'test', PORT: '0', JWT_SECRET: TEST_SECRET, RATE_LIMIT_PER_MINUTE: '0', DATABASE_URL: primaryUrl };
    const config = loadConfig({ ...env, DATABASE_REPLICA_URLS: standbyUrl });
    orm = await createOrm({ url: primaryUrl, entities, poolSize: 5, logger, replicaUrls: config.databaseReplicaUrls });
    app = await startApp(config, orm, logger);
    plainOrm = await createOrm({ url: primaryUrl, entities, poolSize: 5 });
    plainApp = await startApp(loadConfig(env), plainOrm, pino({ level: 'silent' }));
    admin = await signToken({ subject: 'replica-admin', role: Role.ADMIN, unitCode: null }, TEST_SECRET);
    hr = await signToken({ subject: 'replica-hr', role: Role.HR_OFFICER, unitCode: 'PROV' }, TEST_SECRET);
    await waitForReplay(primaryUrl, standbyUrl);
  }, 180_000);

  afterAll(async () => {
    await app?.stop(1000);
    await plainApp?.stop(1000);
    await orm?.close(true);
    await plainOrm?.close(true);
    await standby?.stop();
    await pg?.stop();
    // The clusters may live elsewhere than asked (see reachableDataDir): remove both places.
    for (const dir of [root, pg && path.dirname(pg.dataDir)]) {
      if (dir && /(wf-replica-|workforce-graph-)/.test(path.basename(dir))) rmSync(dir, { recursive: true, force: true });
    }
  });

  const D2_GAP = `query { staffingGap(unitCode: "PROV.D2", year: 2026, asOf: "2026-06-01") { quota filled gap } }`;
  const RAISE_D2 = `mutation { setEstablishmentQuota(input: { unitCode: "PROV.D2", year: 2026, category: CIVIL_SERVANT, headcount: 4 }) {
    quota { headcount unit { quotas(year: 2026) { category headcount } } } userErrors { code } } }`;

  it('reads analytics from the standby, while a mutation and the reads of its request use the primary', async () => {
    expect((await post(app, D2_GAP, {}, admin)).body.data.staffingGap).toEqual({ quota: 1, filled: 1, gap: 0 });
    // With replay paused, what the primary now writes reaches the standby's disk but not its data.
    await pauseReplay(standbyUrl);
    try {
      const raised = await post(app, RAISE_D2, {}, hr);
      expect(raised.body.errors).toBeUndefined();
      // The payload was read in the mutation's request, after its write: from the primary.
      expect(raised.body.data.setEstablishmentQuota).toEqual({ quota: { headcount: 4, unit: { quotas: [{ category: 'CIVIL_SERVANT', headcount: 4 }] } }, userErrors: [] });
      // The next request's analytics still show the old quota: they came from the standby…
      const fromStandby = await post(app, D2_GAP, {}, admin);
      expect(fromStandby.body).toEqual({ data: { staffingGap: { quota: 1, filled: 1, gap: 0 } } });
      // …while the primary has the new one.
      expect((await post(plainApp, D2_GAP, {}, admin)).body.data.staffingGap).toEqual({ quota: 4, filled: 1, gap: 3 });
      // Replica statements are counted like the primary's.
      expect(fromStandby.statements).toBe((await post(plainApp, D2_GAP, {}, admin)).statements);
      expect(fromStandby.statements).toBeGreaterThan(0);
    } finally {
      await resumeReplay(standbyUrl);
    }
  });

  it('sends the reads that follow a write in the same request to the primary', async () => {
    const replicas = new ReadReplicas(orm, logger);
    const inRequest = async <T,>(work: (ctx: ReturnType<typeof createRequestContext>) => Promise<T>) => {
      const tally: StatementTally = { count: 0 };
      const ctx = createRequestContext({ viewer: null, em: orm.em.fork(), logger, statements: tally, replicas, clock: clockIn(DEFAULT_TIME_ZONE) });
      return { result: await countStatementsIn(tally, () => work(ctx)), tally };
    };
    const RECOVERY = 'select pg_is_in_recovery() as standby';
    const { result, tally } = await inRequest(async (ctx) => {
      const before = await ctx.readSql<{ standby: boolean }>(RECOVERY);
      await ctx.sql(`insert into competency (code, name, is_digital) values ('REPLICA_PROBE', 'Probe', false)`);
      const after = await ctx.readSql<{ standby: boolean }>(RECOVERY);
      return [before[0].standby, after[0].standby];
    });
    expect(result).toEqual([true, false]);
    expect(tally).toEqual({ count: 3, wrote: true });
    // The next request reads from the standby again.
    expect((await inRequest((ctx) => ctx.readSql<{ standby: boolean }>(RECOVERY))).result).toEqual([{ standby: true }]);
  });

  const ANALYTICS = `query {
    staffingGap(unitCode: "PROV", year: 2026, asOf: "2026-06-01") { quota filled gap concurrentCoverage openVacancies itGap children { unit { code } quota filled gap children { unit { code } gap } } }
    skillGaps(unitCode: "PROV", asOf: "2026-06-01") { competency { code } seatsRequiring seatsMet gap peopleWithSkill }
    placementFit(unitCode: "PROV", asOf: "2026-06-01") { assignmentsEvaluated fullyQualified mismatched fitRate }
    recruitmentFunnel(unitCode: "PROV", from: "2025-01-01", to: "2026-12-31") { applications offers hires medianDaysToFill }
    workloadNeed(unitCode: "PROV", asOf: "2026-06-01") { category quota }
  }`;

  it('gives the primary\'s figures once the standby has replayed the primary\'s WAL', async () => {
    await waitForReplay(primaryUrl, standbyUrl);
    const fromStandby = await post(app, ANALYTICS, {}, admin);
    const fromPrimary = await post(plainApp, ANALYTICS, {}, admin);
    expect(fromStandby.status).toBe(200);
    expect(fromStandby.body.errors).toBeUndefined();
    expect(fromStandby.body.data.staffingGap.children.find((c: any) => c.unit.code === 'PROV.D2')).toMatchObject({ quota: 4 });
    expect(fromStandby.body).toEqual(fromPrimary.body);
    expect(fromStandby.statements).toBe(fromPrimary.statements);
    expect(logged.filter((line) => line.level >= 40)).toEqual([]);
  });

  it('answers from the primary, with a warning in the log, when the standby is down', async () => {
    await standby.stop();
    const fromPrimary = await post(plainApp, ANALYTICS, {}, admin);
    const answered = await post(app, ANALYTICS, {}, admin);
    expect(answered.status).toBe(200);
    expect(answered.body).toEqual(fromPrimary.body);
    // Again, with the replica's circuit open or half-open: still the primary's figures.
    expect((await post(app, ANALYTICS, {}, admin)).body).toEqual(fromPrimary.body);
    expect(logged).toContainEqual(expect.objectContaining({ level: 40, replica: 'replica-1', msg: 'read replica unreachable: its reads go to the primary' }));
    expect(logged.filter((line) => line.level >= 50)).toEqual([]);
  });
});
