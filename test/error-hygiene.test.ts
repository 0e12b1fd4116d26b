import { Writable } from 'node:stream';
import pino from 'pino';
import { rule } from 'graphql-shield';
import { ruleTable } from '../src/auth/permissions';
import { loadConfig } from '../src/config';
import { createOrm, Orm } from '../src/db/orm';
import { Role } from '../src/graphql/enums';
import { RunningApp, startApp } from '../src/server/app';
import { isDatabaseUnavailable } from '../src/server/apollo';
import { TEST_SECRET } from './helpers/harness';
import { createTestDatabase, TestDatabase } from './helpers/test-database';
import { signToken } from '../src/auth/token';
import { entities } from '../src/app/entities';

/** A server whose log lines the test can read. */
async function serverWithLog(db: TestDatabase, nodeEnv: 'test' | 'development') {
  const lines: Array<Record<string, any>> = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const logger = pino({ level: 'info' }, sink);
  const orm = await createOrm({ url: db.url, entities, poolSize: 4 });
  const config = loadConfig({ NODE_ENV: nodeEnv, PORT: '0', JWT_SECRET: TEST_SECRET, RATE_LIMIT_PER_MINUTE: '0' });
  const app = await startApp(config, orm, logger);
  return { app, orm, lines };
}

async function post(app: RunningApp, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const token = await signToken({ subject: 'hygiene', role: Role.ADMIN }, TEST_SECRET);
  const response = await fetch(app.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as { data?: any; errors: any[] } };
}

describe('error hygiene', () => {
  let db: TestDatabase;
  let prod: { app: RunningApp; orm: Orm; lines: Array<Record<string, any>> };
  let dev: { app: RunningApp; orm: Orm; lines: Array<Record<string, any>> };

  beforeAll(async () => {
    db = await createTestDatabase();
    // An unexpected failure on demand: a table the code relies on is gone.
    const orm = await createOrm({ url: db.url, entities, poolSize: 1 });
    await orm.em.fork().execute(`insert into org_unit (code, name, kind) values ('HY', 'Tỉnh Vệ Sinh', 'PROVINCE')`);
    await orm.em.fork().execute('drop table workload_component cascade');
    await orm.close(true);
    // A shield rule that throws: the rule for Query.competencies, replaced before the schema is built.
    ruleTable.Query.competencies = rule('explodes', { cache: 'no_cache' })(() => {
      throw new Error('the rule exploded');
    });
    prod = await serverWithLog(db, 'test');
    dev = await serverWithLog(db, 'development');
  });
  afterAll(async () => {
    for (const s of [prod, dev]) {
      await s?.app.stop(500);
      await s?.orm.close(true);
    }
    await db?.drop();
  });

  it('answers an unexpected error INTERNAL_SERVER_ERROR with no details, and logs it with the request id', async () => {
    const res = await post(prod.app, `{ workloadComponents(unitCode: "HY") { id } }`, {}, { 'x-request-id': 'req-hygiene-1' });
    expect(res.headers.get('x-request-id')).toBe('req-hygiene-1');
    expect(res.body.errors).toEqual([{ message: 'Internal server error', path: ['workloadComponents'], locations: expect.any(Array), extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
    expect(JSON.stringify(res.body)).not.toMatch(/workload_component|relation|stack|at /);
    const logged = prod.lines.find((l) => l.msg === 'unexpected error' && l.requestId === 'req-hygiene-1');
    expect(logged).toBeDefined();
    expect(logged!.err.message).toMatch(/workload_component/);
    expect(logged!.err.stack).toBeDefined(); // the stack stays in the log
  });

  it('shows the detail and the stack trace only when NODE_ENV=development', async () => {
    const res = await post(dev.app, `{ workloadComponents(unitCode: "HY") { id } }`);
    expect(res.body.errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect(res.body.errors[0].extensions.detail).toMatch(/workload_component/);
    expect(res.body.errors[0].extensions.stacktrace).toEqual(expect.any(Array));
    const refused = await post(prod.app, `{ orgUnit(code: 1) { id } }`);
    expect(refused.body.errors[0].extensions).not.toHaveProperty('stacktrace');
  });

  it('logs an error thrown inside a graphql-shield rule, and answers INTERNAL_SERVER_ERROR rather than FORBIDDEN', async () => {
    const res = await post(prod.app, `{ competencies { code } }`, {}, { 'x-request-id': 'req-rule' });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(prod.lines.some((l) => l.requestId === 'req-rule' && /rule exploded/.test(l.err?.message ?? ''))).toBe(true);
  });

  it('refuses text with NUL characters as BAD_USER_INPUT, in variables and in literals', async () => {
    const viaVariable = await post(prod.app, `query($s: String) { orgUnits(search: $s) { totalCount } }`, { s: 'Phú\u0000Xuân' });
    expect(viaVariable.status).toBe(400);
    expect(viaVariable.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const viaLiteral = await post(prod.app, `{ orgUnits(search: "Ph\\u0000") { totalCount } }`);
    expect(viaLiteral.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('calls 50+ bad variable values BAD_USER_INPUT, not INTERNAL_SERVER_ERROR', async () => {
    const many = await post(prod.app, `mutation($input: CreatePositionInput!) { createPosition(input: $input) { userErrors { code } } }`, {
      input: { unitCode: 'X', title: 't', category: 'CIVIL_SERVANT', roleFamily: 'IT_SUPPORT', seniority: 'MID', payCoefficient: 2.34, headcount: 1, requirements: Array.from({ length: 80 }, () => ({ competencyCode: 1 })) },
    });
    expect(many.status).toBe(400);
    expect(new Set(many.body.errors!.map((e) => e.extensions.code))).toEqual(new Set(['BAD_USER_INPUT']));
  });

  it('recognises a database out of reach in whatever wraps it', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(isDatabaseUnavailable({ message: 'x', originalError: { previous: refused } })).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Transaction query already complete, run with DEBUG=knex:tx for more info'))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(isDatabaseUnavailable(new Error('relation "x" does not exist'))).toBe(false);
  });
});
