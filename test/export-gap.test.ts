import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { exportGapTree } from '../scripts/export-gap';
import { Role } from '../src/graphql/enums';
import { startTestServer, TestServer } from './helpers/harness';
import { buildWorld } from './helpers/world';

describe('npm run export', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
    await buildWorld(server.sql);
  });
  afterAll(() => server.close());

  it('writes the staffing-gap tree to a workbook, with the API\'s figures', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'wf-export-')), 'gap.xlsx');
    const token = await server.token(Role.HR_OFFICER, 'PROV.D1');
    const rows = await exportGapTree({ url: server.url, token, unit: 'PROV.D1', year: 2026, asOf: '2026-06-01', out });
    expect(rows).toBe(3); // D1, W1, W2 (W3 had ended)
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.worksheets[0];
    const values = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1, 6);
    expect(values(1)[0]).toBe('Đơn vị / Unit');
    // Figures worked out in test/analytics.test.ts.
    expect(values(2)).toEqual(['Huyện Một', 'PROV.D1', 7, 4, 3]);
    expect(values(3)).toEqual(['Phường Phú Xuân', 'PROV.D1.W1', 2, 1, 1]);
    expect(values(4)).toEqual(['Phường Hai', 'PROV.D1.W2', 2, 1, 1]);
  });

  it('reports the API\'s refusal', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'wf-export-')), 'gap.xlsx');
    const token = await server.token(Role.HR_OFFICER, 'PROV.D1');
    await expect(exportGapTree({ url: server.url, token, unit: 'PROV.D2', year: 2026, out })).rejects.toThrow(/FORBIDDEN/);
  });
});
