import { Client } from 'pg';
import { randomBytes } from 'node:crypto';
import { cloneTemplate, startServerOn, TestServer, withDatabase } from './harness';

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
  const server = await startServerOn(db.url, env, async () => {
    if (!database) await db.drop();
  });
  return { ...server, database: db };
}
