import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bearerTokenFrom } from '../scripts/bearer-token';
import { defaultSubjectFor } from '../scripts/token';
import { Role } from '../src/graphql/enums';
import { startTestServer, TEST_SECRET, TestServer } from './helpers/harness';
import { runScript } from './helpers/run-script';
import { buildWorld } from './helpers/world';


describe('npm run token: a subject of its own for every role and unit', () => {
  it('derives the subject from the role and the unit', () => {
    expect(defaultSubjectFor(Role.HR_OFFICER, 'HCM.NHA_BE')).toBe('hr_officer.hcm.nha_be@local');
    expect(defaultSubjectFor(Role.HR_OFFICER, 'BN.TU_SON')).toBe('hr_officer.bn.tu_son@local');
    expect(defaultSubjectFor(Role.POLICYMAKER, 'HCM')).toBe('policymaker.hcm@local');
    // The script signs ADMIN tokens without a unit, so a unit given for one does not name it.
    expect(defaultSubjectFor(Role.ADMIN)).toBe('admin@local');
    expect(defaultSubjectFor(Role.ADMIN, 'HCM')).toBe('admin@local');
  });
});

describe('the scripts, run for real against the server', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
    await buildWorld(server.sql);
  });
  afterAll(() => server.close());

  const tokenFor = async (...args: string[]) => {
    const run = await runScript('token.ts', args, { JWT_SECRET: TEST_SECRET });
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    return run.stdout.trim();
  };

  it('gives the HR officers of two units tokens the audit trail tells apart, and --sub still names one', async () => {
    const [d1, d2, named] = await Promise.all([
      tokenFor('--role', 'HR_OFFICER', '--unit', 'PROV.D1'),
      tokenFor('--role', 'HR_OFFICER', '--unit', 'PROV.D2'),
      tokenFor('--role', 'HR_OFFICER', '--unit', 'PROV.D2', '--sub', 'le.thi.b@prov.gov.vn'),
    ]);
    const subjects: string[] = [];
    for (const token of [d1, d2, named]) {
      const me = await server.gql('{ me { subject role unitCode } }', {}, token);
      expect(me.errors).toBeUndefined();
      subjects.push(me.data.me.subject);
      const created = await server.gql('mutation { createPerson(input: { fullName: "Người Thử" }) { person { id } userErrors { code } } }', {}, token);
      expect(created.data?.createPerson.userErrors).toEqual([]);
    }
    expect(subjects).toEqual(['hr_officer.prov.d1@local', 'hr_officer.prov.d2@local', 'le.thi.b@prov.gov.vn']);
    const audit = await server.gql('{ auditEvents(first: 10) { edges { node { subject operation } } } }', {}, await server.token(Role.ADMIN));
    const writers = audit.data.auditEvents.edges.filter((e: any) => e.node.operation === 'createPerson').map((e: any) => e.node.subject);
    expect(new Set(writers)).toEqual(new Set(subjects));
  });

  it('imports a roster with the token in WF_TOKEN, keeps --token working with a warning, and says when there is none', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'wf-roster-'));
    const file = path.join(folder, 'roster.csv');
    writeFileSync(file, [
      'unit_code,full_name,birth_year,position_title,assignment_kind,start_date,competencies',
      'PROV.D1.W1,Nguyễn Thị Mới,1995,Văn phòng - Thống kê,PRIMARY,2026-07-01,DATA:2',
    ].join('\n'));
    const token = await server.token(Role.HR_OFFICER, 'PROV.D1');
    const [fromEnvironment, fromArgument, without] = await Promise.all([
      runScript('import-roster.ts', [file, '--url', server.url, '--dry-run'], { WF_TOKEN: token }),
      runScript('import-roster.ts', [file, '--url', server.url, '--dry-run', '--token', token]),
      runScript('import-roster.ts', [file, '--url', server.url, '--dry-run']),
    ]);
    expect(fromEnvironment).toEqual({ code: 0, stdout: 'roster.csv: would create 1 people and 1 assignments.\n', stderr: '' });
    expect(fromArgument.code).toBe(0);
    expect(fromArgument.stdout).toBe(fromEnvironment.stdout);
    expect(fromArgument.stderr).toMatch(/--token puts the token in the process list .* pass it in WF_TOKEN instead/);
    expect(without.code).toBe(1);
    expect(without.stderr).toMatch(/A token is needed in WF_TOKEN/);
    for (const run of [fromEnvironment, fromArgument]) expect(run.stdout + run.stderr).not.toContain(token);
  });
});

describe('the token of the import and the export', () => {
  it('prefers --token when given (with a warning), else WF_TOKEN', () => {
    const warnings: string[] = [];
    expect(bearerTokenFrom(['--unit', 'X'], { WF_TOKEN: 'from-env' }, (m) => warnings.push(m))).toBe('from-env');
    expect(warnings).toEqual([]);
    expect(bearerTokenFrom(['--token', 'from-arg'], { WF_TOKEN: 'from-env' }, (m) => warnings.push(m))).toBe('from-arg');
    expect(warnings).toHaveLength(1);
    expect(bearerTokenFrom([], {}, (m) => warnings.push(m))).toBeUndefined();
  });
});

describe('--help', () => {
  it('prints the usage and exits 0 for token, import and export; a missing argument exits non-zero', async () => {
    const [token, importHelp, exportHelp, exportWithoutUnit] = await Promise.all([
      runScript('token.ts', ['--help']),
      runScript('import-roster.ts', ['--help']),
      runScript('export-gap.ts', ['--help']),
      runScript('export-gap.ts', []),
    ]);
    expect(token).toMatchObject({ code: 0, stdout: expect.stringContaining('usage: npm run -s token'), stderr: '' });
    expect(importHelp).toMatchObject({ code: 0, stderr: '' });
    expect(importHelp.stdout).toMatch(/unit_code/);
    expect(exportHelp).toMatchObject({ code: 0, stdout: expect.stringContaining('npm run -s export -- --unit CODE'), stderr: '' });
    expect(exportWithoutUnit.code).toBe(1);
    expect(exportWithoutUnit.stderr).toContain('--unit is missing');
  });
});
