import { Client } from 'pg';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../src/config';
import { createOrm } from '../../src/db/orm';
import { sqlRunnerFor } from '../../src/db/sql-runner';
import { signToken } from '../../src/auth/token';
import { createLogger } from '../../src/logger';
import { startApp } from '../../src/server/app';
import { cloneTemplate, TEST_SECRET, TestServer, withDatabase } from './harness';

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh database cloned from the run's migrated template (what startTestServer uses), for
 * tests that start servers of their own: in child processes, or with settings of their own.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.WF_TEST_ADMIN_URL!;
  const template = process.env.WF_TEST_TEMPLATE!;
  const name = `wf_test_${randomBytes(5).toString('hex')}`;
  await cloneTemplate(adminUrl, template, name);
  return {
    name,
    url: withDatabase(adminUrl, name),
    async drop() {
      const again = new Client({ connectionString: adminUrl });
      await again.connect();
      await again.query(`drop database if exists ${name} with (force)`);
      await again.end();
    },
  };
}

/**
 * startTestServer with settings of its own: `env` is read by loadConfig the way the process
 * environment is (e.g. { RATE_LIMIT_PER_MINUTE: '5' }). A fresh database unless one is given.
 */
export async function startConfiguredServer(env: Record<string, string>, database?: TestDatabase): Promise<TestServer & { database: TestDatabase }> {
  const db = database ?? (await createTestDatabase());
  const orm = await createOrm({ url: db.url, poolSize: 10 });
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', JWT_SECRET: TEST_SECRET, LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', ...env });
  const app = await startApp(config, orm, createLogger(config.logLevel));
  return {
    url: app.url,
    orm,
    sql: sqlRunnerFor(orm.em.fork()),
    app,
    database: db,
    token: (role, unit = null, extra = {}) =>
      signToken({ role, unitCode: unit, subject: extra.sub ?? `${role.toLowerCase()}-${unit ?? 'all'}`, expiresInSeconds: extra.expiresInSeconds }, TEST_SECRET),
    async gql(query, variables = {}, token = null) {
      const response = await fetch(app.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: any; errors?: any[] };
      return { status: response.status, data: body.data, errors: body.errors, statements: Number(response.headers.get('x-sql-statements') ?? -1), headers: response.headers };
    },
    async close() {
      await app.stop(1000);
      await orm.close(true);
      if (!database) await db.drop();
    },
  };
}
