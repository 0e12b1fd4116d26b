import { Client } from 'pg';
import type { EmbeddedDatabase } from '../../src/db/embedded-postgres';

export default async function globalTeardown(): Promise<void> {
  const state = globalThis as Record<string, unknown>;
  const embedded = state.__embeddedPostgres as EmbeddedDatabase | undefined;
  const template = state.__testTemplate as { adminUrl: string; templateName: string } | undefined;
  if (embedded) {
    await embedded.stop();
    return;
  }
  if (template) {
    // On a shared server, drop what this run created.
      const admin = new Client({ connectionString: template.adminUrl });
    await admin.connect();
    const { rows } = await admin.query(`select datname from pg_database where datname like 'wf_test_%' or datname = $1`, [template.templateName]);
    for (const row of rows) await admin.query(`drop database if exists "${row.datname}" with (force)`);
    await admin.end();
  }
}
