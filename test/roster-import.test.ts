import { readFileSync } from 'node:fs';
import path from 'node:path';
import { xlsxToCsv } from '../scripts/import-roster';
import { seedIfEmpty } from '../src/app/seed';
import { Role } from '../src/graphql/enums';
import { createLogger } from '../src/logger';
import { csvLine, parseCsv } from '../src/shared/csv';
import { errorCode, startTestServer, TestServer } from './helpers/harness';
import { buildWorld } from './helpers/world';

const HEADER = 'unit_code,full_name,birth_year,position_title,assignment_kind,start_date,competencies';
const IMPORT = `mutation($input: ImportRosterInput!) { importRoster(input: $input) { peopleCreated assignmentsCreated rowErrors { line column message } userErrors { code message } } }`;

describe('roster import', () => {
  let server: TestServer;
  let hr: string;

  beforeAll(async () => {
    server = await startTestServer();
    await buildWorld(server.sql);
    hr = await server.token(Role.HR_OFFICER, 'PROV.D1');
  });
  afterAll(() => server.close());

  const counts = async () => (await server.sql<{ people: number; assignments: number; competencies: number }>(
    `select (select count(*)::int from person) as people, (select count(*)::int from assignment) as assignments, (select count(*)::int from person_competency) as competencies`,
  ))[0];

  it('reports every bad row by line and writes nothing', async () => {
    const before = await counts();
    const csv = [
      HEADER,
      'PROV.D1.W1,Nguyễn Thị Mới,1995,Văn phòng - Thống kê,PRIMARY,2026-07-01,DATA:2;SEC:1',
      'PROV.D1.W1,Nguyễn Thị Mới,1995,Chuyên viên chuyển đổi số,CONCURRENT,2026-07-01,',
      'PROV.D1.W1,Trần Văn Thừa,1990,Văn phòng - Thống kê,PRIMARY,2026-07-02,',
      'PROV.D2,Lê Văn Ngoài,1990,Hỗ trợ CNTT,PRIMARY,2026-07-01,',
      'PROV.D1,Phạm Văn Ngày,1990,Văn thư,PRIMARY,2026-02-30,',
      'PROV.D1,Hồ Thị Lạ,1990,Không có vị trí này,CONCURRENT,2026-07-01,DATA:9',
    ].join('\n');
    const res = await server.gql(IMPORT, { input: { csv } }, hr);
    expect(res.errors).toBeUndefined();
    const payload = res.data.importRoster;
    expect(payload.peopleCreated).toBe(0);
    expect(payload.rowErrors.map((e: any) => [e.line, e.column])).toEqual([
      [4, 'unit_code'], // W1's 2026 CS quota of 2: E, and line 2 from 2026-07-01
      [5, 'unit_code'], // outside the PROV.D1 subtree
      [6, 'start_date'],
      [7, 'competencies'], // level 9 (the unknown position is reported once the row is well formed)
    ]);
    expect(payload.rowErrors[0].message).toMatch(/QUOTA_EXCEEDED/);
    expect(await counts()).toEqual(before);
  });

  it('imports all rows in one go; a dry run writes nothing', async () => {
    const csv = [
      HEADER,
      'PROV.D1.W1,Nguyễn Thị Mới,1995,Văn phòng - Thống kê,PRIMARY,2026-07-01,DATA:2;SEC:1',
      'PROV.D1.W1,Nguyễn Thị Mới,1995,Chuyên viên chuyển đổi số,CONCURRENT,2026-07-01,',
      csvLine(['PROV.D1', 'Đỗ Thị "Út", con', '', 'Văn thư', 'concurrent', '2026-08-01', 'ADMIN_SKILL:3']),
    ].join('\r\n');
    const before = await counts();
    const dry = await server.gql(IMPORT, { input: { csv, dryRun: true } }, hr);
    expect(dry.data.importRoster).toEqual({ peopleCreated: 2, assignmentsCreated: 3, rowErrors: [], userErrors: [] });
    expect(await counts()).toEqual(before);
    const res = await server.gql(IMPORT, { input: { csv: `\uFEFF${csv}` } }, hr);
    expect(res.data.importRoster).toEqual({ peopleCreated: 2, assignmentsCreated: 3, rowErrors: [], userErrors: [] });
    expect(await counts()).toEqual({ people: before.people + 2, assignments: before.assignments + 3, competencies: before.competencies + 3 });
    const people = await server.gql(`{ people(unitCode: "PROV.D1", search: "Út", first: 5) { edges { node { fullName birthYear competencies { level competency { code } } assignments { kind position { title } } } } } }`, {}, hr);
    expect(people.data.people.edges.map((e: any) => e.node)).toEqual([
      { fullName: 'Đỗ Thị "Út", con', birthYear: null, competencies: [{ level: 3, competency: { code: 'ADMIN_SKILL' } }], assignments: [{ kind: 'CONCURRENT', position: { title: 'Văn thư' } }] },
    ]);
    const [audit] = await server.sql<{ n: number }>(`select count(*)::int as n from audit_event where operation = 'importRoster'`);
    expect(audit.n).toBe(1);
  });

  it('refuses a file without the expected header, a second PRIMARY for one person, and non-HR callers', async () => {
    const header = await server.gql(IMPORT, { input: { csv: 'unit,name\nPROV.D1,X' } }, hr);
    expect(header.data.importRoster.rowErrors[0]).toMatchObject({ line: 1 });
    const twice = [
      HEADER,
      'PROV.D1,Vũ Thị Hai,1992,Văn thư,PRIMARY,2026-09-01,',
      'PROV.D1,Vũ Thị Hai,1992,Chuyên viên CNTT,PRIMARY,2026-09-01,',
    ].join('\n');
    const res = await server.gql(IMPORT, { input: { csv: twice } }, await server.token(Role.ADMIN));
    // Line 3 breaks the one-PRIMARY rule, and would also take D1 past its 2026 quota of 3 (A, C and line 2).
    expect(res.data.importRoster.rowErrors.map((e: any) => [e.line, e.column])).toEqual([[3, 'assignment_kind'], [3, 'unit_code']]);
    expect(errorCode(await server.gql(IMPORT, { input: { csv: twice } }, await server.token(Role.POLICYMAKER, 'PROV')))).toBe('FORBIDDEN');
  });

  it('parses RFC 4180 CSV', () => {
    expect(parseCsv('a,"b,c","d ""e"""\r\n\r\n1,2,3\n').map((r) => [r.line, r.fields])).toEqual([
      [1, ['a', 'b,c', 'd "e"']],
      [3, ['1', '2', '3']],
    ]);
    expect(parseCsv('x,"multi\nline",y\nz').map((r) => r.line)).toEqual([1, 3]);
  });
});

describe('the sample rosters', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
    await seedIfEmpty(server.orm, createLogger('silent'));
  });
  afterAll(() => server.close());

  it('say the same in CSV and XLSX, and import cleanly into the demo city', async () => {
    const csv = readFileSync(path.join(__dirname, '..', 'samples', 'roster.csv'), 'utf8');
    const fromXlsx = await xlsxToCsv(path.join(__dirname, '..', 'samples', 'roster.xlsx'));
    expect(parseCsv(fromXlsx).map((r) => r.fields)).toEqual(parseCsv(csv).map((r) => r.fields));
    const admin = await server.token(Role.ADMIN);
    const res = await server.gql(IMPORT, { input: { csv: fromXlsx, dryRun: true } }, admin);
    expect(res.data.importRoster).toEqual({ peopleCreated: 3, assignmentsCreated: 4, rowErrors: [], userErrors: [] });
  });
});
