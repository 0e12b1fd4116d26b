import { SignJWT } from 'jose';
import { Role } from '../src/graphql/enums';
import { toGlobalId } from '../src/graphql/global-id';
import { errorCode, startTestServer, TEST_SECRET, TestServer } from './helpers/harness';
import { buildWorld, World } from './helpers/world';

describe('access: roles, subtree scope and tokens', () => {
  let server: TestServer;
  let world: World;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer();
    world = await buildWorld(server.sql);
    tokens.admin = await server.token(Role.ADMIN);
    tokens.hr = await server.token(Role.HR_OFFICER, 'PROV.D1');
    tokens.policymaker = await server.token(Role.POLICYMAKER, 'PROV.D1');
    tokens.analyst = await server.token(Role.ANALYST, 'PROV.D1');
  });
  afterAll(() => server.close());

  /** What each role may read: a query, and whether each role gets data (true) or FORBIDDEN (false). */
  const matrix: Array<[string, string, Record<'admin' | 'hr' | 'policymaker' | 'analyst', boolean>]> = [
    ['me', '{ me { subject role unitCode } }', { admin: true, hr: true, policymaker: true, analyst: true }],
    ['staffingGap', '{ staffingGap(unitCode: "PROV.D1", year: 2026) { gap } }', { admin: true, hr: true, policymaker: true, analyst: true }],
    ['skillGaps', '{ skillGaps(unitCode: "PROV.D1") { gap } }', { admin: true, hr: true, policymaker: true, analyst: true }],
    ['placementFit', '{ placementFit(unitCode: "PROV.D1") { fitRate } }', { admin: true, hr: true, policymaker: true, analyst: true }],
    ['orgUnit', '{ orgUnit(code: "PROV.D1") { name } }', { admin: true, hr: true, policymaker: true, analyst: false }],
    ['positions', '{ positions(unitCode: "PROV.D1") { totalCount edges { node { title headcount } } } }', { admin: true, hr: true, policymaker: true, analyst: false }],
    ['vacancies', '{ vacancies(unitCode: "PROV.D1") { totalCount edges { node { status } } } }', { admin: true, hr: true, policymaker: true, analyst: false }],
    ['competencies', '{ competencies { code } }', { admin: true, hr: true, policymaker: true, analyst: false }],
    ['people', '{ people(unitCode: "PROV.D1") { totalCount edges { node { fullName } } } }', { admin: true, hr: true, policymaker: false, analyst: false }],
    ['position assignments', '{ positions(unitCode: "PROV.D1") { edges { node { assignments { kind } } } } }', { admin: true, hr: true, policymaker: false, analyst: false }],
  ];

  it.each(matrix)('%s follows the role table', async (_name, query, expected) => {
    for (const role of ['admin', 'hr', 'policymaker', 'analyst'] as const) {
      const res = await server.gql(query, {}, tokens[role]);
      if (expected[role]) {
        expect({ role, errors: res.errors }).toEqual({ role, errors: undefined });
      } else {
        expect({ role, code: errorCode(res) }).toEqual({ role, code: 'FORBIDDEN' });
      }
    }
  });

  it('lets only HR officers and admins write', async () => {
    const mutation = `mutation { createCompetency(input: { code: "NEW_SKILL", name: "Kỹ năng mới", isDigital: true }) { competency { code } userErrors { code } } }`;
    expect(errorCode(await server.gql(mutation, {}, tokens.policymaker))).toBe('FORBIDDEN');
    expect(errorCode(await server.gql(mutation, {}, tokens.analyst))).toBe('FORBIDDEN');
    const ok = await server.gql(mutation, {}, tokens.hr);
    expect(ok.data.createCompetency).toEqual({ competency: { code: 'NEW_SKILL' }, userErrors: [] });
  });

  it('never shows personal data to a policymaker, through any path', async () => {
    const viaNode = await server.gql(`query($id: ID!) { node(id: $id) { ... on Person { fullName } } }`, { id: toGlobalId('Person', world.person.A) }, tokens.policymaker);
    expect(errorCode(viaNode)).toBe('FORBIDDEN');
    expect(viaNode.data?.node ?? null).toBeNull();
    const viaAssignments = await server.gql(`{ positions(unitCode: "PROV.D1") { edges { node { assignments { person { fullName birthYear } } } } } }`, {}, tokens.policymaker);
    expect(errorCode(viaAssignments)).toBe('FORBIDDEN');
    expect(JSON.stringify(viaAssignments.data ?? {})).not.toContain('Nguyễn');
  });

  it('checks the role of an object node(id) returns once, as each of its fields would', async () => {
    // The fields of these types carry no check of their own where every path to them has made
    // it already (fieldsCheckedOnTheWay); node(id) reaches every type, so it checks the type.
    const [assignment] = await server.sql<{ id: string }>('select id from assignment where person_id = ?', [world.person.A]);
    const objects: Array<[string, string, Array<keyof typeof tokens>]> = [
      ['OrgUnit', world.unit['PROV.D1'], ['admin', 'hr', 'policymaker', 'analyst']],
      ['Position', world.position.pW1a, ['admin', 'hr', 'policymaker']],
      ['Person', world.person.A, ['admin', 'hr']],
      ['Assignment', assignment.id, ['admin', 'hr']],
    ];
    for (const [type, key, readers] of objects) {
      for (const role of ['admin', 'hr', 'policymaker', 'analyst'] as const) {
        const res = await server.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: toGlobalId(type, key) }, tokens[role]);
        const seen = res.errors ? errorCode(res) : res.data.node?.id === toGlobalId(type, key) ? 'DATA' : 'NULL';
        expect({ type, role, seen }).toEqual({ type, role, seen: readers.includes(role) ? 'DATA' : 'FORBIDDEN' });
      }
    }
    // A stricter field under a wider path still checks itself, in place: titles come back.
    const res = await server.gql(`{ orgUnit(code: "PROV.D1.W1") { positions { edges { node { title assignments { kind } } } } } }`, {}, tokens.policymaker);
    expect(errorCode(res)).toBe('FORBIDDEN');
    expect(res.errors?.[0].path).toEqual(['orgUnit', 'positions', 'edges', 0, 'node', 'assignments']);
    // An analyst may ask for pay gaps, but not for the position model behind them.
    const pay = await server.gql(`query($id: ID!) { payGap(positionId: $id) { publicMonthly position { title } } }`, { id: toGlobalId('Position', world.position.pW1a) }, tokens.analyst);
    expect(errorCode(pay)).toBe('FORBIDDEN');
    expect(pay.errors?.[0].path).toEqual(['payGap', 'position']);
    expect(pay.data?.payGap ?? null).toBeNull(); // position is non-null: the refusal nulls the whole answer
  });

  it('says which roles may, when the role is why: unlike a refusal for scope', async () => {
    const save = `mutation { savePolicyScenario(input: { name: "x", simulation: { unitCode: "PROV.D1", changes: { monthlyAllowanceDelta: 1 } } }) { userErrors { code } } }`;
    const byRole = await server.gql(save, {}, tokens.hr);
    expect(byRole.errors?.[0]).toMatchObject({
      message: "savePolicyScenario needs POLICYMAKER or ADMIN; your token's role is HR_OFFICER",
      extensions: { code: 'FORBIDDEN', reason: 'ROLE', allowedRoles: ['ADMIN', 'POLICYMAKER'] },
    });
    // Two fields under the same rule refused in one request: each refusal names its own field
    // (the rule's cache is per field, so the first refusal is not handed to the second).
    const unit = toGlobalId('OrgUnit', world.unit['PROV.D1']);
    const two = await server.gql(
      `query($id: ID!) { a: node(id: $id) { ... on OrgUnit { positions { totalCount } } } b: node(id: $id) { ... on OrgUnit { quotas(year: 2026) { headcount } } } }`,
      { id: unit },
      tokens.analyst,
    );
    expect(two.errors?.map((e) => e.message).sort()).toEqual([
      "OrgUnit.positions needs HR_OFFICER, POLICYMAKER or ADMIN; your token's role is ANALYST",
      "OrgUnit.quotas needs HR_OFFICER, POLICYMAKER or ADMIN; your token's role is ANALYST",
    ]);
    const nested = await server.gql(`{ positions(unitCode: "PROV.D1") { edges { node { assignments { kind } } } } }`, {}, tokens.policymaker);
    expect(nested.errors?.[0].message).toBe("Position.assignments needs HR_OFFICER or ADMIN; your token's role is POLICYMAKER");
    const viaNode = await server.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: toGlobalId('Person', world.person.A) }, tokens.analyst);
    expect(viaNode.errors?.[0]).toMatchObject({ message: "Reading a Person needs HR_OFFICER or ADMIN; your token's role is ANALYST", extensions: { reason: 'ROLE' } });
    const byScope = await server.gql('{ staffingGap(unitCode: "PROV", year: 2026) { gap } }', {}, tokens.hr);
    expect(byScope.errors?.[0]).toMatchObject({ message: 'Unit PROV is outside your scope', extensions: { code: 'FORBIDDEN', reason: 'SCOPE' } });
  });

  describe('subtree scope', () => {
    it('forbids naming a unit outside the subtree', async () => {
      for (const query of [
        '{ orgUnit(code: "PROV.D2") { name } }',
        '{ staffingGap(unitCode: "PROV", year: 2026) { gap } }',
        '{ positions(unitCode: "OTHER") { totalCount } }',
        '{ people(unitCode: "PROV.D2") { totalCount } }',
        '{ orgUnits(parentCode: "PROV") { totalCount } }',
      ]) {
        expect({ query, code: errorCode(await server.gql(query, {}, tokens.hr)) }).toEqual({ query, code: 'FORBIDDEN' });
      }
    });

    it('leaves units outside the subtree out of lists and parents', async () => {
      const res = await server.gql(`{ orgUnits(first: 100) { totalCount edges { node { code parent { code } } } } }`, {}, tokens.hr);
      const codes = res.data.orgUnits.edges.map((e: any) => e.node.code);
      expect(codes).toEqual(['PROV.D1', 'PROV.D1.W1', 'PROV.D1.W2']); // W3 ended before today
      expect(res.data.orgUnits.totalCount).toBe(3);
      expect(res.data.orgUnits.edges[0].node.parent).toBeNull(); // PROV lies outside the scope
    });

    it('forbids node(id) outside the subtree for every node type it serves', async () => {
      const outside: Array<[string, string]> = [
        ['OrgUnit', world.unit['PROV.D2']],
        ['Position', world.position.pX],
        ['Person', world.person.X],
        ['Vacancy', world.vacancy.v4],
      ];
      const [assignment] = await server.sql<{ id: string }>('select id from assignment where person_id = ?', [world.person.X]);
      outside.push(['Assignment', assignment.id]);
      for (const [type, key] of outside) {
        const res = await server.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: toGlobalId(type, key) }, tokens.hr);
        expect({ type, code: errorCode(res) }).toEqual({ type, code: 'FORBIDDEN' });
      }
      const inside = await server.gql(`query($id: ID!) { node(id: $id) { id ... on Position { title } } }`, { id: toGlobalId('Position', world.position.pW1a) }, tokens.hr);
      expect(inside.data.node).toEqual({ id: toGlobalId('Position', world.position.pW1a), title: 'Văn phòng - Thống kê' });
    });

    it('forbids writing outside the subtree', async () => {
      const res = await server.gql(`mutation { setEstablishmentQuota(input: { unitCode: "PROV.D2", year: 2026, category: CIVIL_SERVANT, headcount: 9 }) { userErrors { code } } }`, {}, tokens.hr);
      expect(errorCode(res)).toBe('FORBIDDEN');
      const [row] = await server.sql<{ headcount: number }>('select headcount from establishment_quota where unit_id = ? and year = 2026', [world.unit['PROV.D2']]);
      expect(row.headcount).toBe(1);
    });
  });

  describe('tokens', () => {
    const query = '{ me { role } }';
    const key = new TextEncoder().encode(TEST_SECRET);

    it('answers UNAUTHENTICATED without a token', async () => {
      const res = await server.gql(query, {}, null);
      expect(errorCode(res)).toBe('UNAUTHENTICATED');
    });

    it('refuses alg none, a wrong signature, an expired token, an unknown role, a missing or unknown unit', async () => {
      const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
      const body = Buffer.from(JSON.stringify({ sub: 'x', role: 'ADMIN', exp: Math.floor(Date.now() / 1000) + 600 })).toString('base64url');
      const sign = (claims: Record<string, unknown>, secret = key, exp = Math.floor(Date.now() / 1000) + 600) =>
        new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('mallory').setExpirationTime(exp).sign(secret);
      const bad = {
        algNone: `${header}.${body}.`,
        wrongSignature: await sign({ role: 'ADMIN' }, new TextEncoder().encode('another-secret-another-secret-another')),
        expired: await sign({ role: 'ADMIN' }, key, Math.floor(Date.now() / 1000) - 10),
        unknownRole: await sign({ role: 'SUPERUSER' }),
        scopedWithoutUnit: await sign({ role: 'HR_OFFICER' }),
        unknownUnit: await sign({ role: 'HR_OFFICER', unit: 'NOWHERE' }),
        garbage: 'not-a-token',
      };
      for (const [name, token] of Object.entries(bad)) {
        const res = await server.gql(query, {}, token);
        expect({ name, status: res.status, code: errorCode(res) }).toEqual({ name, status: 401, code: 'UNAUTHENTICATED' });
      }
    });
  });
});
