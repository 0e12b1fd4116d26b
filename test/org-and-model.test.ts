import { Role } from '../src/graphql/enums';
import { toGlobalId } from '../src/graphql/global-id';
import { errorCode, startTestServer, TestServer } from './helpers/harness';
import { buildWorld, World } from './helpers/world';

describe('org units, positions, people and vacancies', () => {
  let server: TestServer;
  let world: World;
  let admin: string;
  let hr: string;

  beforeAll(async () => {
    server = await startTestServer();
    world = await buildWorld(server.sql);
    admin = await server.token(Role.ADMIN);
    hr = await server.token(Role.HR_OFFICER, 'PROV.D1');
  });
  afterAll(() => server.close());

  it('finds units ignoring case and Vietnamese diacritics', async () => {
    for (const search of ['phu xuan', 'PHÚ XUÂN', 'Phu Xu']) {
      const res = await server.gql(`query($s: String) { orgUnits(search: $s) { edges { node { code name } } } }`, { s: search }, admin);
      expect(res.data.orgUnits.edges.map((e: any) => e.node.name)).toEqual(['Phường Phú Xuân']);
    }
    const none = await server.gql(`{ orgUnits(search: "100%_") { totalCount } }`, {}, admin);
    expect(none.data.orgUnits.totalCount).toBe(0);
  });

  it('pages with opaque cursors and reports the total', async () => {
    const query = `query($after: String) { orgUnits(first: 2, after: $after) { totalCount edges { cursor node { code } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const res: any = await server.gql(query, { after }, admin);
      expect(res.data.orgUnits.totalCount).toBe(7); // every unit existing today (W3 has ended)
      seen.push(...res.data.orgUnits.edges.map((e: any) => e.node.code));
      expect(res.data.orgUnits.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!res.data.orgUnits.pageInfo.hasNextPage) break;
      after = res.data.orgUnits.pageInfo.endCursor;
    }
    expect(seen).toEqual(['OTHER', 'OTHER.X', 'PROV', 'PROV.D1', 'PROV.D1.W1', 'PROV.D1.W2', 'PROV.D2']);
  });

  it('lists units existing on a past date', async () => {
    const res = await server.gql(`{ orgUnits(parentCode: "PROV.D1", activeOn: "2025-01-01") { edges { node { code validTo } } } }`, {}, admin);
    expect(res.data.orgUnits.edges.map((e: any) => e.node)).toEqual([
      { code: 'PROV.D1.W1', validTo: null },
      { code: 'PROV.D1.W2', validTo: null },
      { code: 'PROV.D1.W3', validTo: '2025-06-30' },
    ]);
    const ended = await server.gql(`{ orgUnit(code: "PROV.D1.W3") { name validTo children { totalCount } } }`, {}, admin);
    expect(ended.data.orgUnit).toEqual({ name: 'Phường Ba (đã sáp nhập)', validTo: '2025-06-30', children: { totalCount: 0 } });
  });

  it('refuses first above 100 and a forged cursor', async () => {
    expect(errorCode(await server.gql(`{ orgUnits(first: 101) { totalCount } }`, {}, admin))).toBe('BAD_USER_INPUT');
    expect(errorCode(await server.gql(`{ orgUnits(first: -1) { totalCount } }`, {}, admin))).toBe('BAD_USER_INPUT');
    expect(errorCode(await server.gql(`{ orgUnits(after: "bm90LWEtY3Vyc29y") { totalCount } }`, {}, admin))).toBe('BAD_USER_INPUT');
    expect(errorCode(await server.gql(`{ orgUnit(code: "PROV") { children(first: 500) { totalCount } } }`, {}, admin))).toBe('BAD_USER_INPUT');
  });

  it('resolves every node type it serves by global ID', async () => {
    const ids = {
      OrgUnit: toGlobalId('OrgUnit', world.unit['PROV.D1']),
      Position: toGlobalId('Position', world.position.pD1a),
      Person: toGlobalId('Person', world.person.A),
      Vacancy: toGlobalId('Vacancy', world.vacancy.v1),
      Competency: toGlobalId('Competency', world.competency.DATA),
    };
    for (const [type, id] of Object.entries(ids)) {
      const res = await server.gql(`query($id: ID!) { node(id: $id) { __typename id } }`, { id }, admin);
      expect(res.data.node).toEqual({ __typename: type, id });
    }
    const missing = await server.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: toGlobalId('Person', '987654') }, admin);
    expect(missing.data.node).toBeNull();
    expect(errorCode(await server.gql(`{ node(id: "@@@") { id } }`, {}, admin))).toBe('BAD_USER_INPUT');
  });

  describe('createOrgUnit', () => {
    const CREATE = `mutation($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { orgUnit { code name kind parent { code } } userErrors { field code message } } }`;

    it('creates a child under a unit in scope', async () => {
      const res = await server.gql(CREATE, { input: { code: 'PROV.D1.W9', name: 'Phường Chín', kind: 'WARD', parentCode: 'PROV.D1', population: 12000 } }, hr);
      expect(res.data.createOrgUnit).toEqual({ orgUnit: { code: 'PROV.D1.W9', name: 'Phường Chín', kind: 'WARD', parent: { code: 'PROV.D1' } }, userErrors: [] });
      const audit = await server.sql<{ operation: string; subject: string; unit_code: string }>(`select operation, subject, unit_code from audit_event where operation = 'createOrgUnit'`);
      expect(audit).toEqual([{ operation: 'createOrgUnit', subject: 'hr_officer-PROV.D1', unit_code: 'PROV.D1.W9' }]);
    });

    it('reports every input problem and changes nothing', async () => {
      const res = await server.gql(CREATE, { input: { code: 'ELSEWHERE.W1', name: '', kind: 'WARD', parentCode: 'PROV.D1', population: -3 } }, hr);
      expect(res.data.createOrgUnit.orgUnit).toBeNull();
      expect(res.data.createOrgUnit.userErrors.map((e: any) => [e.code, e.field.join('.')])).toEqual([
        ['BAD_USER_INPUT', 'input.code'],
        ['BAD_USER_INPUT', 'input.name'],
        ['BAD_USER_INPUT', 'input.population'],
      ]);
    });

    it('gives CONFLICT for a taken code, NOT_FOUND for a missing parent, FORBIDDEN outside the scope', async () => {
      const taken = await server.gql(CREATE, { input: { code: 'PROV.D1.W1', name: 'Trùng', kind: 'WARD', parentCode: 'PROV.D1' } }, hr);
      expect(taken.data.createOrgUnit.userErrors[0].code).toBe('CONFLICT');
      const orphan = await server.gql(CREATE, { input: { code: 'PROV.D1.NOPE.X', name: 'Mồ côi', kind: 'WARD', parentCode: 'PROV.D1.NOPE' } }, hr);
      expect(orphan.data.createOrgUnit.userErrors[0].code).toBe('NOT_FOUND');
      expect(errorCode(await server.gql(CREATE, { input: { code: 'PROV.D2.W1', name: 'Ngoài', kind: 'WARD', parentCode: 'PROV.D2' } }, hr))).toBe('FORBIDDEN');
      expect(errorCode(await server.gql(CREATE, { input: { code: 'NEWPROV', name: 'Tỉnh mới', kind: 'PROVINCE' } }, hr))).toBe('FORBIDDEN');
      const top = await server.gql(CREATE, { input: { code: 'NEWPROV', name: 'Tỉnh mới', kind: 'PROVINCE' } }, admin);
      expect(top.data.createOrgUnit.userErrors).toEqual([]);
    });

    it('refuses an oversized name', async () => {
      const res = await server.gql(CREATE, { input: { code: 'PROV.D1.BIG', name: 'Đ'.repeat(301), kind: 'WARD', parentCode: 'PROV.D1' } }, hr);
      expect(res.data.createOrgUnit.userErrors).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'name'] })]);
    });
  });

  describe('createPosition', () => {
    const CREATE = `mutation($input: CreatePositionInput!) { createPosition(input: $input) { position { title isItSpecialist payCoefficient headcount unit { code } requirements { level competency { code } } } userErrors { field code } } }`;
    const base = { unitCode: 'PROV.D1.W1', title: 'Kỹ sư dữ liệu', category: 'CIVIL_SERVANT', roleFamily: 'DATA_SCIENTIST', seniority: 'MID', payCoefficient: 3.0, headcount: 1 };

    it('creates a position with requirements', async () => {
      const res = await server.gql(CREATE, { input: { ...base, requirements: [{ competencyCode: 'DATA', level: 4 }, { competencyCode: 'SEC', level: 2 }] } }, hr);
      expect(res.data.createPosition).toEqual({
        position: {
          title: 'Kỹ sư dữ liệu', isItSpecialist: true, payCoefficient: 3, headcount: 1, unit: { code: 'PROV.D1.W1' },
          requirements: [{ level: 4, competency: { code: 'DATA' } }, { level: 2, competency: { code: 'SEC' } }],
        },
        userErrors: [],
      });
    });

    it('refuses negative numbers, unknown competencies and bad levels, all at once', async () => {
      const res = await server.gql(CREATE, { input: { ...base, payCoefficient: -1, headcount: -2, requirements: [{ competencyCode: 'NOPE', level: 3 }, { competencyCode: 'DATA', level: 9 }] } }, hr);
      expect(res.data.createPosition.position).toBeNull();
      expect(res.data.createPosition.userErrors.map((e: any) => [e.code, e.field.join('.')])).toEqual([
        ['BAD_USER_INPUT', 'input.payCoefficient'],
        ['BAD_USER_INPUT', 'input.headcount'],
        ['BAD_USER_INPUT', 'input.requirements.1.level'],
        ['NOT_FOUND', 'input.requirements.0.competencyCode'],
      ]);
      const [count] = await server.sql<{ n: number }>(`select count(*)::int as n from position where title = 'Kỹ sư dữ liệu'`);
      expect(count.n).toBe(1);
    });

    it('gives NOT_FOUND for an unknown unit in scope', async () => {
      const res = await server.gql(CREATE, { input: { ...base, unitCode: 'PROV.D1.NOWHERE' } }, hr);
      expect(res.data.createPosition.userErrors).toEqual([{ field: ['input', 'unitCode'], code: 'NOT_FOUND' }]);
    });
  });

  describe('people', () => {
    it('lists the staff of a subtree, with search and a competency filter', async () => {
      const q = `query($unit: String!, $search: String, $competency: String) { people(unitCode: $unit, search: $search, competencyCode: $competency, first: 50) { totalCount edges { node { fullName } } } }`;
      const all = await server.gql(q, { unit: 'PROV.D1' }, hr);
      // Active in scope: A, C, E, G, H (concurrent in W2); recorded but unassigned: FREE. B has ended; F starts later but is recorded in W1 with no active post.
      expect(all.data.people.edges.map((e: any) => e.node.fullName).sort()).toEqual(
        ['Dương Văn Tự', 'Hoàng Văn Phúc', 'Lê Văn Cường', 'Nguyễn Văn An', 'Phạm Thị Em', 'Trần Thị Bình', 'Vũ Văn Hùng', 'Đặng Thị Giang'].sort(),
      );
      const searched = await server.gql(q, { unit: 'PROV.D1', search: 'nguyen van' }, hr);
      expect(searched.data.people.edges.map((e: any) => e.node.fullName)).toEqual(['Nguyễn Văn An']);
      const skilled = await server.gql(q, { unit: 'PROV.D1', competency: 'SEC' }, hr);
      expect(skilled.data.people.edges.map((e: any) => e.node.fullName).sort()).toEqual(['Dương Văn Tự', 'Phạm Thị Em', 'Vũ Văn Hùng'].sort());
    });

    it('creates a person and refuses a future birth year', async () => {
      const create = `mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { fullName birthYear competencies { level competency { code } } } userErrors { field code } } }`;
      const ok = await server.gql(create, { input: { fullName: '  Mai Thị Hoa ', birthYear: 1999, competencies: [{ competencyCode: 'DATA', level: 2 }] } }, hr);
      expect(ok.data.createPerson).toEqual({ person: { fullName: 'Mai Thị Hoa', birthYear: 1999, competencies: [{ level: 2, competency: { code: 'DATA' } }] }, userErrors: [] });
      const bad = await server.gql(create, { input: { fullName: 'X', birthYear: 2999 } }, hr);
      expect(bad.data.createPerson.userErrors).toEqual([{ field: ['input', 'birthYear'], code: 'BAD_USER_INPUT' }]);
      const long = await server.gql(create, { input: { fullName: 'a'.repeat(5000) } }, hr);
      expect(long.data.createPerson.userErrors).toEqual([{ field: ['input', 'fullName'], code: 'BAD_USER_INPUT' }]);
    });
  });

  describe('vacancies', () => {
    it('opens a vacancy and lists it with its position', async () => {
      // pD1a has one free seat, which v2 already stands for (the vacancy rule); a third seat makes room.
      await server.sql('update position set headcount = 3 where id = ?', [world.position.pD1a]);
      const open = await server.gql(
        `mutation($input: OpenVacancyInput!) { openVacancy(input: $input) { vacancy { status openedOn filledOn position { title } incentivePackage { name } } userErrors { code field } } }`,
        { input: { positionId: toGlobalId('Position', world.position.pD1a), openedOn: '2026-05-01' } },
        hr,
      );
      expect(open.data.openVacancy).toEqual({ vacancy: { status: 'OPEN', openedOn: '2026-05-01', filledOn: null, position: { title: 'Chuyên viên CNTT' }, incentivePackage: null }, userErrors: [] });
      const list = await server.gql(`{ vacancies(unitCode: "PROV.D1", status: [OPEN, INTERVIEWING], itOnly: true) { totalCount edges { node { status openedOn } } } }`, {}, hr);
      expect(list.data.vacancies.totalCount).toBe(3);
    });

    it('refuses a vacancy opened in the future and an impossible date', async () => {
      const q = `mutation($input: OpenVacancyInput!) { openVacancy(input: $input) { vacancy { id } userErrors { code field } } }`;
      const future = await server.gql(q, { input: { positionId: toGlobalId('Position', world.position.pD1a), openedOn: '2999-01-01' } }, hr);
      expect(future.data.openVacancy.userErrors).toEqual([{ code: 'BAD_USER_INPUT', field: ['input', 'openedOn'] }]);
      const impossible = await server.gql(q, { input: { positionId: toGlobalId('Position', world.position.pD1a), openedOn: '2026-13-01' } }, hr);
      expect(errorCode(impossible)).toBe('BAD_USER_INPUT');
    });
  });
});
