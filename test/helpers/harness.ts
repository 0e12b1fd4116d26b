import { Client } from 'pg';
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../src/config';
import { createOrm, migrate, Orm } from '../../src/db/orm';
import { SqlRunner, sqlRunnerFor } from '../../src/db/sql-runner';
import { signToken } from '../../src/auth/token';
import { Role } from '../../src/graphql/enums';
import { createLogger } from '../../src/logger';
import { RunningApp, startApp } from '../../src/server/app';
import { entities } from '../../src/app/entities';

export const TEST_SECRET = 'test-secret-of-at-least-thirty-two-characters';

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; path?: string[]; extensions?: { code?: string; [key: string]: unknown } }>;
  statements: number;
  headers: Headers;
}

export interface TestServer {
  url: string;
  orm: Orm;
  sql: SqlRunner;
  app: RunningApp;
  /** Signs a real token for a role (and unit). */
  token(role: Role, unit?: string | null, extra?: { sub?: string; expiresInSeconds?: number }): Promise<string>;
  /** POSTs a GraphQL operation over HTTP with a token (or none). */
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

const TEMPLATE_LOCK = 7_141_592;

/**
 * Creates `name` as a copy of the template, migrating the template first if no test file has.
 * An advisory lock serialises this across jest workers: cloning needs the template idle.
 */
export async function cloneTemplate(adminUrl: string, template: string, name: string): Promise<void> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query('select pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    const templateUrl = withDatabase(adminUrl, template);
    const probe = new Client({ connectionString: templateUrl });
    await probe.connect();
    const { rows } = await probe.query(`select to_regclass('public.mikro_orm_migrations') is not null as migrated`);
    await probe.end();
    if (!rows[0].migrated) {
      const orm = await createOrm({ url: templateUrl, entities, poolSize: 1 });
      await migrate(orm);
      await orm.close(true);
    }
    await admin.query(`create database ${name} template ${template}`);
  } finally {
    await admin.query('select pg_advisory_unlock($1)', [TEMPLATE_LOCK]).catch(() => undefined);
    await admin.end();
  }
}

/** A fresh database cloned from the migrated template, and the real server on a free port. */
export async function startTestServer(): Promise<TestServer> {
  const adminUrl = process.env.WF_TEST_ADMIN_URL!;
  const template = process.env.WF_TEST_TEMPLATE!;
  const name = `wf_test_${randomBytes(5).toString('hex')}`;
  await cloneTemplate(adminUrl, template, name);
  return startServerOn(withDatabase(adminUrl, name), {}, async () => {
    const again = new Client({ connectionString: adminUrl });
    await again.connect();
    await again.query(`drop database if exists ${name} with (force)`);
    await again.end();
  });
}

/**
 * The real server on a free port over an existing database, with settings of its own (`env` is
 * read by loadConfig as the process environment is); `afterClose` runs once it has stopped.
 */
export async function startServerOn(databaseUrl: string, env: Record<string, string>, afterClose: () => Promise<void>): Promise<TestServer> {
  const orm = await createOrm({ url: databaseUrl, entities, poolSize: 10 });
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', JWT_SECRET: TEST_SECRET, LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', ...env });
  const app = await startApp(config, orm, createLogger(config.logLevel));
  return {
    url: app.url,
    orm,
    sql: sqlRunnerFor(orm.em.fork()),
    app,
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
      await afterClose();
    },
  };
}

/** The first error code of a response, for terse assertions. */
export function errorCode(response: GraphQLResponse): string | undefined {
  return response.errors?.[0]?.extensions?.code;
}
