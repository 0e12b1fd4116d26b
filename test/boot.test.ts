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
  }, 180_000);

  it('holds the city the domain notes describe, on the real map', async () => {
    const res = await server.gql(
      `{
        phuXuan: orgUnit(code: "VN.HO_CHI_MINH.NHA_BE.PHU_XUAN") { name kind validTo parent { name } successor { code name } }
        xaNhaBe: orgUnit(code: "VN.HCM.NHA_BE") { name kind validFrom parent { code } predecessors { name } }
        tuSon: orgUnit(code: "VN.BAC_NINH.TU_SON") { name population validTo children(first: 50, includeEnded: true) { totalCount edges { node { kind } } } }
        departments: orgUnits(kind: DEPARTMENT, first: 50) { edges { node { name code } } }
      }`,
      {},
      admin,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.phuXuan).toEqual({ name: 'Xã Phú Xuân', kind: 'COMMUNE', validTo: '2025-06-30', parent: { name: 'Huyện Nhà Bè' }, successor: { code: 'VN.HCM.NHA_BE', name: 'Xã Nhà Bè' } });
    expect(res.data.xaNhaBe).toEqual({
      name: 'Xã Nhà Bè', kind: 'COMMUNE', validFrom: '2025-07-01', parent: { code: 'VN.HCM' },
      predecessors: [{ name: 'Thị trấn Nhà Bè' }, { name: 'Xã Phước Kiển' }, { name: 'Xã Phước Lộc' }, { name: 'Xã Phú Xuân' }],
    });
    expect(res.data.tuSon.population).toBe(202874);
    expect(res.data.tuSon.validTo).toBe('2025-06-30');
    expect(res.data.tuSon.children.totalCount).toBe(12);
    const departments = res.data.departments.edges.map((e: any) => e.node);
    expect(departments.map((d: any) => d.name)).toEqual(expect.arrayContaining(['Sở Thông tin và Truyền thông', 'Sở Khoa học và Công nghệ']));
    expect(departments.map((d: any) => d.code)).toEqual(expect.arrayContaining(['VN.HCM.SO_TTTT', 'VN.BNH.SO_TTTT']));
  });

  it('answers the HR officer of Xã Nhà Bè where the commune is short', async () => {
    const hr = await server.token(Role.HR_OFFICER, 'VN.HCM.NHA_BE');
    const res = await server.gql(`{ staffingGap(unitCode: "VN.HCM.NHA_BE", year: 2026) { unit { name } quota filled gap itGap } }`, {}, hr);
    expect(res.errors).toBeUndefined();
    expect(res.data.staffingGap.unit.name).toBe('Xã Nhà Bè');
    expect(res.data.staffingGap.quota).toBeGreaterThan(res.data.staffingGap.filled);
    expect(res.data.staffingGap.itGap).toBeGreaterThan(0);
  });
});
