import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { DataDirectoryInUseError, startEmbeddedPostgres } from '../src/db/embedded-postgres';
import { seedIfEmpty } from '../src/app/seed';
import { Role } from '../src/graphql/enums';
import { createLogger } from '../src/logger';
import { startTestServer, TestServer } from './helpers/harness';

describe('embedded PostgreSQL', () => {
  it('refuses a second server on a data directory in use, and keeps the data across restarts', async () => {
    const dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'wf-boot-')), 'pg');
    const first = await startEmbeddedPostgres({ dataDir });
    try {
      const client = new Client({ connectionString: first.adminUrl });
      await client.connect();
      await client.query('create table kept (value text)');
      await client.query(`insert into kept values ('Xã Phú Xuân')`);
      await client.end();
      await expect(startEmbeddedPostgres({ dataDir })).rejects.toThrow(DataDirectoryInUseError);
      await expect(startEmbeddedPostgres({ dataDir })).rejects.toThrow(/already in use by PostgreSQL process \d+/);
    } finally {
      await first.stop();
    }
    const again = await startEmbeddedPostgres({ dataDir, persistent: false });
    try {
      const client = new Client({ connectionString: again.adminUrl });
      await client.connect();
      const { rows } = await client.query('select value from kept');
      await client.end();
      expect(rows).toEqual([{ value: 'Xã Phú Xuân' }]);
    } finally {
      await again.stop();
    }
  });
});

describe('a port in use', () => {
  it('says so, naming the port and PORT, before it creates or loads a database', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, resolve));
    const port = (holder.address() as AddressInfo).port;
    const dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'wf-port-')), 'pg');
    try {
      const root = path.resolve(__dirname, '..');
      // src/main.ts as `npm start` runs it, with no DATABASE_URL: it would start an embedded server in dataDir.
      const child = spawn(process.execPath, [path.join(root, 'test', 'helpers', 'ts-register.js'), path.join(root, 'src', 'main.ts')], {
        cwd: root,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'test', PORT: String(port), EMBEDDED_PG_DIR: dataDir, LOG_LEVEL: 'info' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      let stdout = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(code).toBe(1);
      expect(stderr).toContain(`workforce-graph cannot start: port ${port} is in use`);
      expect(stderr).toContain(`PORT=${port + 1} npm start`);
      // Nothing of a database happened: its log lines ("creating the embedded PostgreSQL
      // cluster", "embedded PostgreSQL is up") are absent, and so is its directory (as root the
      // cluster lives under the temp folder instead, hence the log check).
      expect(stdout).not.toMatch(/PostgreSQL|migrat|seed/i);
      expect(existsSync(dataDir)).toBe(false);
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  });
});

describe('demo data', () => {
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.token(Role.ADMIN);
  });
  afterAll(() => server.close());

  it('loads into an empty database once, and never over existing data', async () => {
    const summary = await seedIfEmpty(server.orm, createLogger('silent'));
    expect(summary).not.toBeNull();
    expect(summary!.decidedOffers).toBeGreaterThanOrEqual(40);
    expect(await seedIfEmpty(server.orm, createLogger('silent'))).toBeNull();
  });

  it('holds the city the domain notes describe', async () => {
    const res = await server.gql(
      `{
        phuXuan: orgUnit(code: "HCM.NHA_BE.PHU_XUAN") { name kind parent { name } }
        tuSon: orgUnit(code: "BN.TU_SON") { name population children(first: 50) { totalCount edges { node { kind } } } }
        departments: orgUnits(kind: DEPARTMENT, first: 50) { edges { node { name } } }
      }`,
      {},
      admin,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.phuXuan).toEqual({ name: 'Xã Phú Xuân', kind: 'COMMUNE', parent: { name: 'Huyện Nhà Bè' } });
    expect(res.data.tuSon.population).toBe(202874);
    expect(res.data.tuSon.children.totalCount).toBe(12);
    const names = res.data.departments.edges.map((e: any) => e.node.name);
    expect(names).toEqual(expect.arrayContaining(['Sở Thông tin và Truyền thông', 'Sở Khoa học và Công nghệ']));
  });

  it('answers the HR officer of Nhà Bè where the district is short', async () => {
    const hr = await server.token(Role.HR_OFFICER, 'HCM.NHA_BE');
    const res = await server.gql(`{ staffingGap(unitCode: "HCM.NHA_BE", year: 2026) { quota filled gap itGap children { unit { code } } } }`, {}, hr);
    expect(res.errors).toBeUndefined();
    expect(res.data.staffingGap.quota).toBeGreaterThan(res.data.staffingGap.filled);
    expect(res.data.staffingGap.children.map((c: any) => c.unit.code)).toContain('HCM.NHA_BE.PHU_XUAN');
  });
});
