import { Role } from '../src/graphql/enums';
import { canonicalUnitCode } from '../src/shared/unit-code';
import { errorCode, startTestServer, TestServer } from './helpers/harness';
import { buildWorld } from './helpers/world';

/** Unit codes in any case name the same unit: in queries, mutations and the roster's rows. */
describe('unit codes ignore case', () => {
  let server: TestServer;
  let hr: string;
  let admin: string;

  beforeAll(async () => {
    server = await startTestServer();
    await buildWorld(server.sql);
    hr = await server.token(Role.HR_OFFICER, 'PROV.D1');
    admin = await server.token(Role.ADMIN);
  });
  afterAll(() => server.close());

  it('canonicalises to upper case, changing ASCII letters only', () => {
    expect(canonicalUnitCode('hcm.nha_be')).toBe('HCM.NHA_BE');
    expect(canonicalUnitCode('Hcm.Nha_Be.phu_xuan')).toBe('HCM.NHA_BE.PHU_XUAN');
    expect(canonicalUnitCode('BN.TU_SON')).toBe('BN.TU_SON');
  });

  it('finds the unit, and reads its figures, whatever the case of the code', async () => {
    const query = `query($code: String!) {
      orgUnit(code: $code) { code }
      staffingGap(unitCode: $code, year: 2026) { unit { code } quota }
      positions(unitCode: $code) { totalCount }
      vacancies(unitCode: $code) { totalCount }
      people(unitCode: $code) { totalCount }
      skillGaps(unitCode: $code) { gap }
      orgUnits(parentCode: $code) { edges { node { code } } }
    }`;
    const upper = await server.gql(query, { code: 'PROV.D1' }, hr);
    expect(upper.errors).toBeUndefined();
    expect(upper.data.positions.totalCount).toBeGreaterThan(0);
    for (const code of ['prov.d1', 'Prov.D1']) {
      const other = await server.gql(query, { code }, hr);
      expect({ code, errors: other.errors, data: other.data }).toEqual({ code, errors: undefined, data: upper.data });
    }
    // A literal in the document, as the README writes them, too.
    const literal = await server.gql('{ orgUnit(code: "prov.d1.w1") { code name } }', {}, hr);
    expect(literal.data.orgUnit).toEqual({ code: 'PROV.D1.W1', name: 'Phường Phú Xuân' });
  });

  it('keeps the scope: another unit in lower case is still outside it', async () => {
    const res = await server.gql('{ staffingGap(unitCode: "prov.d2", year: 2026) { quota } }', {}, hr);
    expect(errorCode(res)).toBe('FORBIDDEN');
    expect(res.errors?.[0].message).toBe('Unit PROV.D2 is outside your scope');
  });

  it('writes with a code in any case, and stores new codes upper-case', async () => {
    const quota = await server.gql(
      `mutation { setEstablishmentQuota(input: { unitCode: "prov.d1.w2", year: 2027, category: CIVIL_SERVANT, headcount: 4 }) { quota { headcount } userErrors { code message } } }`,
      {},
      hr,
    );
    expect(quota.data.setEstablishmentQuota).toEqual({ quota: { headcount: 4 }, userErrors: [] });
    const created = await server.gql(
      `mutation { createOrgUnit(input: { code: "prov.d1.w8", name: "Phường Tám", kind: WARD, parentCode: "prov.d1" }) { orgUnit { code parent { code } } userErrors { code message } } }`,
      {},
      hr,
    );
    expect(created.data.createOrgUnit).toEqual({ orgUnit: { code: 'PROV.D1.W8', parent: { code: 'PROV.D1' } }, userErrors: [] });
    const audit = await server.gql('{ auditEvents(unitCode: "prov.d1.w8", first: 5) { edges { node { operation unitCode } } } }', {}, admin);
    expect(audit.data.auditEvents.edges.map((e: any) => e.node)).toEqual([{ operation: 'createOrgUnit', unitCode: 'PROV.D1.W8' }]);
    const merged = await server.gql(
      `mutation { reorganizeUnits(input: { newUnit: { code: "prov.d1.w89", name: "Phường Tám Chín", kind: WARD, parentCode: "prov.d1" }, mergedUnitCodes: ["prov.d1.w8"], effectiveOn: "2027-01-01" }) { orgUnit { code predecessors { code } } userErrors { code message } } }`,
      {},
      admin,
    );
    expect(merged.data.reorganizeUnits).toEqual({ orgUnit: { code: 'PROV.D1.W89', predecessors: [{ code: 'PROV.D1.W8' }] }, userErrors: [] });
  });

  it('reads a roster row’s unit_code in any case', async () => {
    const csv = ['unit_code,full_name,birth_year,position_title,assignment_kind,start_date,competencies', 'prov.d1.w1,Ngô Thị Thường,1994,Văn phòng - Thống kê,CONCURRENT,2026-07-01,'].join('\n');
    const res = await server.gql(
      `mutation($input: ImportRosterInput!) { importRoster(input: $input) { peopleCreated rowErrors { line column message } userErrors { code message } } }`,
      { input: { csv, dryRun: true } },
      hr,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.importRoster).toEqual({ peopleCreated: 1, rowErrors: [], userErrors: [] });
  });
});
