import { Client } from 'pg';
import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres';

/**
 * One PostgreSQL for the whole run: the server at DATABASE_URL when set, otherwise an embedded
 * one in a throwaway folder. It creates an empty template database; the first test file to
 * need it migrates it (MikroORM must not start in this process: jest may run tests in band here,
 * and the ORM's global metadata would then cross two JavaScript realms).
 */
export default async function globalSetup(): Promise<void> {
  const suffix = randomBytes(4).toString('hex');
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const dir = mkdtempSync(path.join(tmpdir(), 'workforce-graph-test-'));
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), persistent: false });
    (globalThis as Record<string, unknown>).__embeddedPostgres = embedded;
    adminUrl = embedded.adminUrl;
  }
  const templateName = `wf_template_${suffix}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${templateName}`);
  await admin.end();
  process.env.WF_TEST_ADMIN_URL = adminUrl;
  process.env.WF_TEST_TEMPLATE = templateName;
  (globalThis as Record<string, unknown>).__testTemplate = { adminUrl, templateName };
}
