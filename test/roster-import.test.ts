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
  }, 180_000);
  afterAll(() => server.close());

  it('say the same in CSV and XLSX, and import cleanly into the demo city', async () => {
    const csv = readFileSync(path.join(__dirname, '..', 'samples', 'roster.csv'), 'utf8');
    const fromXlsx = await xlsxToCsv(path.join(__dirname, '..', 'samples', 'roster.xlsx'));
    expect(parseCsv(fromXlsx).map((r) => r.fields)).toEqual(parseCsv(csv).map((r) => r.fields));
    const admin = await server.token(Role.ADMIN);
    const res = await server.gql(IMPORT, { input: { csv: fromXlsx, dryRun: true } }, admin);
    expect(res.data.importRoster).toEqual({ peopleCreated: 3, assignmentsCreated: 4, rowErrors: [], userErrors: [] });
  });

  it('import once from XLSX, and a second time from CSV changes nothing', async () => {
    const admin = await server.token(Role.ADMIN);
    const V2 = `mutation($input: ImportRosterInput!) { importRoster(input: $input) { peopleCreated peopleMatched assignmentsCreated assignmentsUnchanged rowErrors { line column message } } }`;
    const first = await server.gql(V2, { input: { csv: await xlsxToCsv(path.join(__dirname, '..', 'samples', 'roster.xlsx')) } }, admin);
    expect(first.data.importRoster).toEqual({ peopleCreated: 3, peopleMatched: 0, assignmentsCreated: 4, assignmentsUnchanged: 0, rowErrors: [] });
    const [ha] = await server.sql<{ sex: string; birth_date: string; birth_year: number }>(`select sex, birth_date::text, birth_year from person where national_id = '079196000101'`);
    expect(ha).toEqual({ sex: 'FEMALE', birth_date: '1996-04-12', birth_year: 1996 });
    const snapshot = () => server.sql(`select (select count(*)::int from person) p, (select count(*)::int from assignment) a, (select count(*)::int from competency_record) c, (select count(*)::int from vacancy where status = 'FILLED') f`);
    const before = await snapshot();
    const csv = readFileSync(path.join(__dirname, '..', 'samples', 'roster.csv'), 'utf8');
    const second = await server.gql(V2, { input: { csv } }, admin);
    expect(second.data.importRoster).toEqual({ peopleCreated: 0, peopleMatched: 3, assignmentsCreated: 0, assignmentsUnchanged: 4, rowErrors: [] });
    expect(await snapshot()).toEqual(before);
  });
});

describe('roster import v2: who a row is', () => {
  let server: TestServer;
  let hr: string;
  const V2 = `mutation($input: ImportRosterInput!) { importRoster(input: $input) { peopleCreated peopleMatched assignmentsCreated assignmentsUnchanged rowErrors { line column message } } }`;
  const HEADER2 = `${HEADER},national_id,sex,birth_date`;

  beforeAll(async () => {
    server = await startTestServer();
    await buildWorld(server.sql);
    hr = await server.token(Role.HR_OFFICER, 'PROV.D1');
    await server.sql(`update establishment_quota set headcount = 9 where year = 2026`);
  });
  afterAll(() => server.close());

  it('matches by national_id, and by name (ignoring case, diacritics, spacing) and birth year in the subtree', async () => {
    await server.sql(`update person set national_id = '001090000777' where full_name = 'Lê Văn Cường'`);
    const csv = [
      HEADER2,
      // C by national_id; the name may be written without diacritics, the fields agree.
      'PROV.D1.W1,Le Van Cuong,1990,Chuyên viên chuyển đổi số,CONCURRENT,2026-11-01,SEC:2,001090000777,,',
      // FREE (Dương Văn Tự, 1990) by name and birth year, with odd spacing and case.
      'PROV.D1.W1,  dương   VĂN tự ,1990,Chuyên viên chuyển đổi số,CONCURRENT,2026-11-01,DATA:5,,,',
      // A new person, with identity.
      'PROV.D1.W1,Mai Thị Mới,,Văn phòng - Thống kê,PRIMARY,2026-11-01,,079195001234,FEMALE,1995-02-03',
    ].join('\n');
    const dry = await server.gql(V2, { input: { csv, dryRun: true } }, hr);
    expect(dry.data.importRoster).toEqual({ peopleCreated: 1, peopleMatched: 2, assignmentsCreated: 3, assignmentsUnchanged: 0, rowErrors: [] });
    const res = await server.gql(V2, { input: { csv } }, hr);
    expect(res.data.importRoster).toEqual(dry.data.importRoster);
    const [c] = await server.sql<{ n: number }>(`select count(*)::int as n from person where full_name = 'Lê Văn Cường'`);
    expect(c.n).toBe(1);
    const [mai] = await server.sql<{ birth_year: number; sex: string }>(`select birth_year, sex from person where national_id = '079195001234'`);
    expect(mai).toEqual({ birth_year: 1995, sex: 'FEMALE' });
    // C's SEC level came in as an IMPORT record; FREE's DATA 5 was already current and is not recorded again.
    const records = await server.sql<{ full_name: string; source: string; level: number }>(
      `select p.full_name, r.source, r.level from competency_record r join person p on p.id = r.person_id join competency c on c.id = r.competency_id
       where c.code in ('SEC', 'DATA') and p.full_name in ('Lê Văn Cường', 'Dương Văn Tự')`,
    );
    expect(records).toEqual([{ full_name: 'Lê Văn Cường', source: 'IMPORT', level: 2 }]);
    const again = await server.gql(V2, { input: { csv } }, hr);
    expect(again.data.importRoster).toEqual({ peopleCreated: 0, peopleMatched: 3, assignmentsCreated: 0, assignmentsUnchanged: 3, rowErrors: [] });
  });

  it('refuses rows whose identity disagrees or is malformed, by line and column, and writes nothing', async () => {
    const count = async () => (await server.sql<{ n: number }>('select (select count(*) from person) + (select count(*) from assignment) as n'))[0].n;
    const before = await count();
    const csv = [
      HEADER2,
      'PROV.D1,Lê Văn Cường,1985,Văn thư,CONCURRENT,2026-11-01,,001090000777,,',
      'PROV.D1,Người Sai Số,1990,Văn thư,CONCURRENT,2026-11-01,,12345,,',
      'PROV.D1,Người Tương Lai,,Văn thư,CONCURRENT,2026-11-01,,,,2999-01-01',
      'PROV.D1,Người Lệch Năm,1991,Văn thư,CONCURRENT,2026-11-01,,,MALE,1990-01-01',
      'PROV.D1,Người Lạ Giới,1990,Văn thư,CONCURRENT,2026-11-01,,,X,',
    ].join('\n');
    const res = await server.gql(V2, { input: { csv } }, hr);
    expect(res.data.importRoster.rowErrors.map((e: any) => [e.line, e.column])).toEqual([
      [2, 'birth_year'], [3, 'national_id'], [4, 'birth_date'], [5, 'birth_year'], [6, 'sex'],
    ]);
    expect(await count()).toBe(before);
  });

  it('a PRIMARY row fills the vacancy its seat stood for, as assignPerson would', async () => {
    // pW1b has headcount 1 and v1 OPEN; a PRIMARY holder takes the seat.
    const csv = [HEADER2, 'PROV.D1.W1,Hồ Văn Ghế,1992,Chuyên viên chuyển đổi số,PRIMARY,2026-11-15,,,,'].join('\n');
    const res = await server.gql(V2, { input: { csv } }, hr);
    expect(res.data.importRoster.rowErrors).toEqual([]);
    const [v] = await server.sql<{ status: string; filled_on: string; holder: string }>(
      `select v.status, v.filled_on::text, p.full_name as holder from vacancy v join assignment a on a.id = v.filled_by_assignment_id join person p on p.id = a.person_id
       where v.position_id = (select position_id from vacancy where status = 'FILLED' and filled_on = '2026-11-15' limit 1)`,
    );
    expect(v).toEqual({ status: 'FILLED', filled_on: '2026-11-15', holder: 'Hồ Văn Ghế' });
  });
});
