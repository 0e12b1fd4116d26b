import { Client } from 'pg';
import { parse, OperationDefinitionNode } from 'graphql';
import { entities } from '../src/app/entities';
import { signToken } from '../src/auth/token';
import { loadConfig } from '../src/config';
import { connect, createServer, Socket } from 'node:net';
import { connectionHealthOf } from '../src/db/connection-health';
import { freePort } from '../src/db/embedded-postgres';
import { createOrm, Orm } from '../src/db/orm';
import { today } from '../src/shared/today';
import { Role } from '../src/graphql/enums';
import { createLogger } from '../src/logger';
import { asksForCostlyWork } from '../src/server/admission';
import { isDatabaseUnavailable } from '../src/server/apollo';
import { RunningApp, startApp } from '../src/server/app';
import { TEST_SECRET } from './helpers/harness';
import { createTestDatabase, startConfiguredServer, TestDatabase } from './helpers/test-database';

/**
 * Saturation is answered truthfully: 503 OVERLOADED with Retry-After, never "database cannot be
 * reached". Requests are held inside the database by table locks this test takes and releases,
 * so the lanes fill exactly when the test says; no step depends on the machine's speed (the
 * polls below only wait for states the test itself brings about).
 */

interface Answer {
  status: number;
  retryAfter: string | null;
  body: { data?: any; errors?: Array<{ message: string; extensions?: { code?: string } }> };
}

async function post(url: string, token: string, query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as Answer['body'] };
}

const CREATE_COMPETENCY = `mutation($code: String!) { createCompetency(input: { code: $code, name: "Năng lực", isDigital: true }) { competency { code } userErrors { code } } }`;
const COMPETENCIES = `{ competencies { code } }`;
// As of a day gone by: counted on the fly, a costly report (as of today it reads its summary, a short read).
const GAP = `query($unit: String!) { staffingGap(unitCode: $unit, year: 2026, asOf: "2026-06-01") { quota filled } }`;
const SKILLS = `query($unit: String!) { skillGaps(unitCode: $unit) { gap } }`;

/** Polls until `check` holds; only a safety net for a state the test has caused, never a latency bound. */
async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 1_200; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`never happened: ${what}`);
}

async function readyz(url: string): Promise<{ status: number; body: any }> {
  const response = await fetch(url.replace(/\/graphql$/, '/readyz'));
  return { status: response.status, body: await response.json() };
}

/** A transaction holding `lock table … in <mode> mode` until release(). */
async function lockTable(databaseUrl: string, table: string, mode: string): Promise<{ release(): Promise<void>; waiting(): Promise<number> }> {
  const locker = new Client({ connectionString: databaseUrl });
  // A connection of its own: inside the locker's transaction pg_stat_activity would stay the snapshot taken first.
  const probe = new Client({ connectionString: databaseUrl });
  await Promise.all([locker.connect(), probe.connect()]);
  await locker.query('begin');
  await locker.query(`lock table ${table} in ${mode} mode`);
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      await locker.query('commit');
      await Promise.all([locker.end(), probe.end()]);
    },
    async waiting() {
      const { rows } = await probe.query(`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`);
      return rows[0].n as number;
    },
  };
}

function expectOverloaded(answer: Answer): void {
  expect(answer.status).toBe(503);
  expect(answer.retryAfter).toBe('2');
  expect(answer.body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'OVERLOADED' }) })]);
  expect(answer.body.errors![0].message).toMatch(/overloaded.*the database is up/);
}

describe('admission control', () => {
  let db: TestDatabase;
  let unitCode: string;
  beforeAll(async () => {
    db = await createTestDatabase();
    const setup = new Client({ connectionString: db.url });
    await setup.connect();
    unitCode = 'OVL';
    const { rows } = await setup.query(`insert into org_unit (code, name, kind) values ('OVL', 'Tỉnh Quá Tải', 'PROVINCE') returning id`);
    await setup.query(`insert into establishment_quota (unit_id, year, category, headcount) values ($1, 2026, 'CIVIL_SERVANT', 4)`, [rows[0].id]);
    await setup.end();
  });
  afterAll(() => db?.drop());

  it('holds at most N executing and M waiting, sheds the next with 503 OVERLOADED and Retry-After, and /readyz says ready and busy', async () => {
    const server = await startConfiguredServer(
      { RATE_LIMIT_PER_MINUTE: '0', MAX_CONCURRENT_REQUESTS: '2', MAX_QUEUED_REQUESTS: '1', QUEUE_TIMEOUT_MS: '600000' },
      db,
    );
    const admin = await server.token(Role.ADMIN);
    const lock = await lockTable(db.url, 'competency', 'exclusive');
    try {
      const held = [1, 2].map((i) => post(server.url, admin, CREATE_COMPETENCY, { code: `OVL_HELD_${i}` }));
      await until('two writes wait on the lock', async () => (await lock.waiting()) === 2);
      const queued = post(server.url, admin, CREATE_COMPETENCY, { code: 'OVL_QUEUED' });
      await until('one request waits for a slot', async () => (await readyz(server.url)).body.requests.waiting === 1);

      const probe = await readyz(server.url);
      expect(probe.status).toBe(200);
      expect(probe.body).toMatchObject({ status: 'ready', busy: true, requests: { executing: 2, waiting: 1, maxConcurrent: 2, maxQueued: 1 } });

      // The queue is full: a write and a short read are refused at once, and say why.
      expectOverloaded(await post(server.url, admin, CREATE_COMPETENCY, { code: 'OVL_SHED' }));
      expectOverloaded(await post(server.url, admin, COMPETENCIES));
      // The analytics lane is not the short one: a gap report still runs.
      const gap = await post(server.url, admin, GAP, { unit: unitCode });
      expect(gap.status).toBe(200);
      expect(gap.body.data.staffingGap.quota).toBe(4);

      await lock.release();
      const answers = await Promise.all([...held, queued]);
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
      expect(answers.map((a) => a.body.data.createCompetency.competency.code)).toEqual(['OVL_HELD_1', 'OVL_HELD_2', 'OVL_QUEUED']);
      const after = await readyz(server.url);
      expect(after.body).toMatchObject({ status: 'ready', busy: false, requests: { executing: 0, waiting: 0 } });
      // The shed write did nothing.
      expect((await server.sql<{ n: number }>(`select count(*)::int as n from competency where code = 'OVL_SHED'`))[0].n).toBe(0);
    } finally {
      await lock.release().catch(() => undefined);
      await server.close();
    }
  });

  it('sheds a request that waited QUEUE_TIMEOUT_MS for a slot', async () => {
    const server = await startConfiguredServer({ RATE_LIMIT_PER_MINUTE: '0', MAX_CONCURRENT_REQUESTS: '1', MAX_QUEUED_REQUESTS: '10', QUEUE_TIMEOUT_MS: '100' }, db);
    const admin = await server.token(Role.ADMIN);
    const lock = await lockTable(db.url, 'competency', 'exclusive');
    try {
      const held = post(server.url, admin, CREATE_COMPETENCY, { code: 'OVL_WAIT_HELD' });
      await until('the write waits on the lock', async () => (await lock.waiting()) === 1);
      const shed = await post(server.url, admin, COMPETENCIES);
      expectOverloaded(shed);
      expect(shed.body.errors![0].message).toMatch(/waited its longest/);
      await lock.release();
      expect((await held).status).toBe(200);
    } finally {
      await lock.release().catch(() => undefined);
      await server.close();
    }
  });

  it('caps the costly analytics in their own lane: short reads and writes go on while it is full', async () => {
    const server = await startConfiguredServer(
      { RATE_LIMIT_PER_MINUTE: '0', MAX_CONCURRENT_ANALYTICS: '1', MAX_QUEUED_ANALYTICS: '1', ANALYTICS_QUEUE_TIMEOUT_MS: '600000', MAX_CONCURRENT_REQUESTS: '2' },
      db,
    );
    const analyst = await server.token(Role.ANALYST, unitCode);
    const admin = await server.token(Role.ADMIN);
    // staffingGap of a past day reads the quotas; nothing short below does.
    const lock = await lockTable(db.url, 'establishment_quota', 'access exclusive');
    try {
      const running = post(server.url, analyst, GAP, { unit: unitCode });
      await until('the gap report waits on the lock', async () => (await lock.waiting()) === 1);
      const queued = post(server.url, analyst, GAP, { unit: unitCode });
      await until('a second report waits in the analytics lane', async () => (await readyz(server.url)).body.analytics.waiting === 1);
      expect((await readyz(server.url)).body).toMatchObject({ status: 'ready', busy: true, analytics: { executing: 1, waiting: 1 }, requests: { executing: 0, waiting: 0 } });

      const shed = await post(server.url, analyst, SKILLS, { unit: unitCode });
      expectOverloaded(shed);
      expect(shed.body.errors![0].message).toMatch(/costly analytics/);

      // More short requests than the analytics lane holds, all at once, and none waits on it.
      const short = await Promise.all([
        post(server.url, admin, CREATE_COMPETENCY, { code: 'OVL_DURING_ANALYTICS' }),
        post(server.url, admin, COMPETENCIES),
        post(server.url, admin, COMPETENCIES),
        post(server.url, admin, `{ orgUnit(code: "OVL") { name } }`),
      ]);
      expect(short.map((a) => [a.status, a.body.errors])).toEqual([[200, undefined], [200, undefined], [200, undefined], [200, undefined]]);
      expect(short[0].body.data.createCompetency.competency.code).toBe('OVL_DURING_ANALYTICS');
      expect(short[3].body.data.orgUnit.name).toBe('Tỉnh Quá Tải');

      await lock.release();
      const reports = await Promise.all([running, queued]);
      expect(reports.map((a) => [a.status, a.body.data?.staffingGap?.quota])).toEqual([[200, 4], [200, 4]]);
    } finally {
      await lock.release().catch(() => undefined);
      await server.close();
    }
  });

  it('caps each costly operation inside the analytics lane: a flood of one leaves the others their turn', async () => {
    const server = await startConfiguredServer(
      {
        RATE_LIMIT_PER_MINUTE: '0', MAX_CONCURRENT_ANALYTICS: '3', MAX_QUEUED_ANALYTICS: '10', ANALYTICS_QUEUE_TIMEOUT_MS: '600000',
        MAX_CONCURRENT_PER_ANALYTICS_OPERATION: '1', MAX_QUEUED_PER_ANALYTICS_OPERATION: '1',
      },
      db,
    );
    const analyst = await server.token(Role.ANALYST, unitCode);
    const lock = await lockTable(db.url, 'establishment_quota', 'access exclusive');
    try {
      const running = post(server.url, analyst, GAP, { unit: unitCode });
      await until('the gap report waits on the lock', async () => (await lock.waiting()) === 1);
      const queued = post(server.url, analyst, GAP, { unit: unitCode });
      await until('a second gap report waits for its operation', async () => (await readyz(server.url)).body.analyticsByOperation?.staffingGap?.waiting === 1);
      expect((await readyz(server.url)).body).toMatchObject({
        busy: true,
        analytics: { executing: 1, waiting: 0, maxConcurrent: 3 },
        analyticsByOperation: { staffingGap: { executing: 1, waiting: 1, maxConcurrent: 1, maxQueued: 1 } },
      });

      // A third of the same is shed, and the message names the operation ...
      const shed = await post(server.url, analyst, GAP, { unit: unitCode });
      expectOverloaded(shed);
      expect(shed.body.errors![0].message).toMatch(/costly analytics \(staffingGap\)/);
      // ... while another costly operation still finds a slot of the lane's two left.
      const skills = await post(server.url, analyst, SKILLS, { unit: unitCode });
      expect([skills.status, skills.body.errors]).toEqual([200, undefined]);
      expect(Array.isArray(skills.body.data.skillGaps)).toBe(true);

      await lock.release();
      const reports = await Promise.all([running, queued]);
      expect(reports.map((a) => [a.status, a.body.data?.staffingGap?.quota])).toEqual([[200, 4], [200, 4]]);
      expect((await readyz(server.url)).body).toMatchObject({ busy: false, analytics: { executing: 0, waiting: 0 }, analyticsByOperation: { staffingGap: { executing: 0, waiting: 0 } } });
    } finally {
      await lock.release().catch(() => undefined);
      await server.close();
    }
  });

  it('counts an operation as costly by its root fields, through fragments and variables', () => {
    const costly = (query: string, variables: Record<string, unknown> = {}) => {
      const document = parse(query);
      const operation = document.definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode;
      return asksForCostlyWork(document, operation, variables, today());
    };
    expect(costly('{ competencies { code } me { role } }')).toBe(false);
    expect(costly('{ skillGaps(unitCode: "X") { gap } }')).toBe(true);
    expect(costly('{ ... on Query { policyCurve(input: {}) { fraction } } }')).toBe(true);
    expect(costly('query { ...F } fragment F on Query { me { role } ...G } fragment G on Query { matchCandidates(positionId: "1") { score } }')).toBe(true);
    // As of today staffingGap reads its summary: short. Another day over descendants: costly.
    expect(costly('{ staffingGap(unitCode: "X", year: 2026) { gap } }')).toBe(false);
    expect(costly(`{ staffingGap(unitCode: "X", year: 2026, asOf: "${today()}") { gap } }`)).toBe(false);
    expect(costly('{ staffingGap(unitCode: "X", year: 2026, asOf: "2020-01-01") { gap } }')).toBe(true);
    expect(costly('query($d: LocalDate) { staffingGap(unitCode: "X", year: 2026, asOf: $d) { gap } }', { d: '2020-01-01' })).toBe(true);
    expect(costly('query($d: LocalDate) { staffingGap(unitCode: "X", year: 2026, asOf: $d) { gap } }', { d: today() })).toBe(false);
    expect(costly('query($d: LocalDate = "2020-01-01") { staffingGap(unitCode: "X", year: 2026, asOf: $d) { gap } }')).toBe(true);
    expect(costly('{ staffingGap(unitCode: "X", year: 2026, asOf: "2020-01-01", includeDescendants: false) { gap } }')).toBe(false);
    expect(costly('query($d: Boolean!) { staffingGap(unitCode: "X", year: 2026, asOf: "2020-01-01", includeDescendants: $d) { gap } }', { d: false })).toBe(false);
    expect(costly('query($d: Boolean!) { staffingGap(unitCode: "X", year: 2026, asOf: "2020-01-01", includeDescendants: $d) { gap } }', { d: true })).toBe(true);
    expect(costly('mutation { savePolicyScenario(input: {}) { userErrors { code } } }')).toBe(true);
    expect(costly('mutation { createCompetency(input: {}) { userErrors { code } } }')).toBe(false);
  });
});

describe('a database pool that stays busy', () => {
  let db: TestDatabase;
  let orm: Orm;
  let app: RunningApp;

  beforeAll(async () => {
    db = await createTestDatabase();
    // One connection, and a short wait for it, so that a second statement times out at the pool.
    orm = await createOrm({ url: db.url, entities, poolSize: 1, acquireTimeoutMs: 300 });
    const config = loadConfig({ NODE_ENV: 'test', PORT: '0', JWT_SECRET: TEST_SECRET, LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '0' });
    app = await startApp(config, orm, createLogger('silent'));
  });
  afterAll(async () => {
    await app?.stop(1000);
    await orm?.close(true);
    await db?.drop();
  });

  it('answers OVERLOADED, not "cannot be reached", and /readyz stays 200', async () => {
    const admin = await signToken({ subject: 'pool', role: Role.ADMIN }, TEST_SECRET);
    const lock = await lockTable(db.url, 'competency', 'exclusive');
    try {
      const held = post(app.url, admin, CREATE_COMPETENCY, { code: 'POOL_HELD' });
      await until('the write holds the only connection', async () => (await lock.waiting()) === 1);
      const starved = await post(app.url, admin, COMPETENCIES);
      expectOverloaded(starved);
      expect(starved.body.errors![0].message).toMatch(/every database connection stayed busy/);
      expect(JSON.stringify(starved.body)).not.toMatch(/cannot be reached|SERVICE_UNAVAILABLE/);
      const probe = await readyz(app.url);
      expect(probe).toMatchObject({ status: 200, body: { status: 'ready' } });
      await lock.release();
      expect((await held).status).toBe(200);
    } finally {
      await lock.release().catch(() => undefined);
    }
  });
});

describe('telling a busy pool from an unreachable database', () => {
  const poolTimeout = Object.assign(new Error('Knex: Timeout acquiring a connection. The pool is probably full.'), { name: 'KnexTimeoutError' });

  it('calls a pool timeout unavailable only while connections cannot be opened', async () => {
    expect(isDatabaseUnavailable({ originalError: poolTimeout }, () => false)).toBe(false);
    expect(isDatabaseUnavailable({ originalError: poolTimeout }, () => true)).toBe(true);

    // A real pool, reaching PostgreSQL through a relay this test can take down and bring back.
    const db = await createTestDatabase();
    const target = new URL(db.url);
    const sockets = new Set<Socket>();
    const relay = createServer((client) => {
      const upstream = connect(Number(target.port), target.hostname);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('error', () => undefined);
        s.on('close', () => sockets.delete(s));
      }
      client.pipe(upstream).pipe(client);
    });
    const port = await freePort();
    const listen = () => new Promise<void>((resolve) => relay.listen(port, '127.0.0.1', resolve));
    await listen();
    const relayed = new URL(db.url);
    relayed.port = String(port);
    const orm = await createOrm({ url: relayed.toString(), entities, poolSize: 1 });
    try {
      const health = connectionHealthOf(orm);
      await orm.em.fork().execute('select 1');
      expect(health.cannotConnect()).toBe(false);

      await new Promise<void>((resolve) => {
        relay.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
      // The pooled connection dies with the relay; the next one cannot be opened.
      for (let i = 0; i < 3 && !health.cannotConnect(); i++) await orm.em.fork().execute('select 1').catch(() => undefined);
      expect(health.cannotConnect()).toBe(true);

      await listen();
      await orm.em.fork().execute('select 1');
      expect(health.cannotConnect()).toBe(false);
    } finally {
      await orm.close(true);
      relay.close();
      for (const s of sockets) s.destroy();
      await db.drop();
    }
  });
});
