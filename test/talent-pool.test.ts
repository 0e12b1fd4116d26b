import { Role } from '../src/graphql/enums';
import { fromGlobalId, toGlobalId } from '../src/graphql/global-id';
import { errorCode, startTestServer, TestServer } from './helpers/harness';
import { addPosition, addUnit, competencyIds, daysAgo } from './helpers/recruitment-world';

/**
 * Who is in the talent pool: every candidate the caller may see. ADMIN sees every candidate; a
 * scoped role sees those recorded in or applied to its subtree, and the national pool (recorded
 * by an ADMIN with no unit). matchCandidates, node(id) and applyToVacancy agree on it.
 */
describe('the talent pool', () => {
  let server: TestServer;
  let admin: string;
  let hrA: string;
  let hrB: string;
  let hrWardA: string;
  const unit: Record<string, string> = {};
  const position: Record<string, string> = {};
  const candidate: Record<string, string> = {};

  const CREATE = `mutation($input: CreateCandidateInput!) { createCandidate(input: $input) { candidate { id fullName } userErrors { code message field } } }`;
  const MATCH = `query($id: ID!) { matchCandidates(positionId: $id, includeInternal: false, first: 20) { score candidate { fullName } } }`;
  const NODE = `query($id: ID!) { node(id: $id) { ... on Candidate { fullName applications { stage } } } }`;

  async function create(token: string, input: Record<string, unknown>): Promise<string> {
    const res = await server.gql(CREATE, { input }, token);
    expect(res.errors).toBeUndefined();
    expect(res.data.createCandidate.userErrors).toEqual([]);
    return res.data.createCandidate.candidate.id;
  }

  async function homeUnitOf(candidateId: string): Promise<string | null> {
    const [row] = await server.sql<{ code: string | null }>(
      'select u.code from candidate c left join org_unit u on u.id = c.home_unit_id where c.id = ?',
      [fromGlobalId(candidateId)!.key],
    );
    return row.code;
  }

  async function matchedNames(token: string, positionKey: string): Promise<Array<[string, number]>> {
    const res = await server.gql(MATCH, { id: toGlobalId('Position', position[positionKey]) }, token);
    expect(res.errors).toBeUndefined();
    return res.data.matchCandidates.map((m: any) => [m.candidate.fullName, m.score]);
  }

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.token(Role.ADMIN);
    hrA = await server.token(Role.HR_OFFICER, 'PA');
    hrB = await server.token(Role.HR_OFFICER, 'PB');
    hrWardA = await server.token(Role.HR_OFFICER, 'PA.W');
    const comp = await competencyIds(server.sql, ['DATA']);
    unit.PA = await addUnit(server.sql, 'PA', 'PROVINCE', null);
    unit.PAW = await addUnit(server.sql, 'PA.W', 'WARD', unit.PA, 3);
    unit.PB = await addUnit(server.sql, 'PB', 'PROVINCE', null);
    unit.PBW = await addUnit(server.sql, 'PB.W', 'WARD', unit.PB, 3);
    position.A = await addPosition(server.sql, unit.PAW, 'DATA_SCIENTIST', { DATA: 4 }, comp);
    position.B = await addPosition(server.sql, unit.PBW, 'DATA_SCIENTIST', { DATA: 4 }, comp);

    // Filed by an ADMIN without a unit: the national pool. Not applied anywhere.
    candidate.national = await create(admin, { fullName: 'Nhân Tài Quốc Gia', currentSector: 'PRIVATE', competencies: [{ competencyCode: 'DATA', level: 4 }] });
    // Filed by an ADMIN for province PB.
    candidate.provinceB = await create(admin, { fullName: 'Ứng Viên Tỉnh B', unitCode: 'PB', competencies: [{ competencyCode: 'DATA', level: 2 }] });
    // Filed by PA's HR office, by default in its own unit.
    candidate.provinceA = await create(hrA, { fullName: 'Ứng Viên Tỉnh A', competencies: [{ competencyCode: 'DATA', level: 3 }] });
    // Filed by PA's HR office for one of its wards.
    candidate.wardA = await create(hrA, { fullName: 'Ứng Viên Phường A', unitCode: 'PA.W' });
  });
  afterAll(() => server.close());

  describe('createCandidate', () => {
    it('files a candidate in the national pool, in a province named by an ADMIN, or in the HR office\'s own unit', async () => {
      expect(await homeUnitOf(candidate.national)).toBeNull();
      expect(await homeUnitOf(candidate.provinceB)).toBe('PB');
      expect(await homeUnitOf(candidate.provinceA)).toBe('PA');
      expect(await homeUnitOf(candidate.wardA)).toBe('PA.W');
      const [audit] = await server.sql<{ unit_code: string | null }>(`select unit_code from audit_event where operation = 'createCandidate' and target_id = ?`, [candidate.national]);
      expect(audit).toEqual({ unit_code: null });
    });

    it('refuses a unit outside the caller\'s subtree (FORBIDDEN) and an unknown one (NOT_FOUND), creating nothing', async () => {
      const count = async () => (await server.sql<{ n: number }>('select count(*)::int as n from candidate'))[0].n;
      const before = await count();
      const outside = await server.gql(CREATE, { input: { fullName: 'Ngoài Phạm Vi', unitCode: 'PB' } }, hrA);
      expect(errorCode(outside)).toBe('FORBIDDEN');
      const unknownInScope = await server.gql(CREATE, { input: { fullName: 'Không Có Đơn Vị', unitCode: 'PA.NOWHERE' } }, hrA);
      expect(unknownInScope.data.createCandidate).toEqual({
        candidate: null,
        userErrors: [{ code: 'NOT_FOUND', message: 'No org unit has the code PA.NOWHERE', field: ['input', 'unitCode'] }],
      });
      const unknownForAdmin = await server.gql(CREATE, { input: { fullName: 'Không Có Đơn Vị', unitCode: 'NOWHERE' } }, admin);
      expect(unknownForAdmin.data.createCandidate.userErrors[0].code).toBe('NOT_FOUND');
      expect(await count()).toBe(before);
    });
  });

  describe('matchCandidates', () => {
    it('shows a scoped HR officer their province\'s candidates and the national pool, not another province\'s', async () => {
      // Position A requires DATA 4: national 4/4 = 1, province A 3/4 = 0.75.
      expect(await matchedNames(hrA, 'A')).toEqual([['Nhân Tài Quốc Gia', 1], ['Ứng Viên Tỉnh A', 0.75], ['Ứng Viên Phường A', 0]]);
      // Province B's officer sees B's candidate (2/4) and the national pool, not A's.
      expect(await matchedNames(hrB, 'B')).toEqual([['Nhân Tài Quốc Gia', 1], ['Ứng Viên Tỉnh B', 0.5]]);
    });

    it('shows an ADMIN every candidate, whatever province they were filed in', async () => {
      expect(await matchedNames(admin, 'A')).toEqual([['Nhân Tài Quốc Gia', 1], ['Ứng Viên Tỉnh A', 0.75], ['Ứng Viên Tỉnh B', 0.5], ['Ứng Viên Phường A', 0]]);
    });

    it('shows a ward\'s officer only candidates they may read elsewhere: their ward\'s and the national pool', async () => {
      // The province's candidate is recorded above the ward, so the ward's office can read neither their name nor their match.
      expect(await matchedNames(hrWardA, 'A')).toEqual([['Nhân Tài Quốc Gia', 1], ['Ứng Viên Phường A', 0]]);
      expect(errorCode(await server.gql(NODE, { id: candidate.provinceA }, hrWardA))).toBe('FORBIDDEN');
    });
  });

  describe('the same pool everywhere else', () => {
    it('lets every scoped HR office read a national-pool candidate by id, and no other province\'s', async () => {
      for (const token of [hrA, hrB, hrWardA]) {
        const res = await server.gql(NODE, { id: candidate.national }, token);
        expect(res.errors).toBeUndefined();
        expect(res.data.node.fullName).toBe('Nhân Tài Quốc Gia');
      }
      expect(errorCode(await server.gql(NODE, { id: candidate.provinceB }, hrA))).toBe('FORBIDDEN');
      expect(errorCode(await server.gql(NODE, { id: candidate.provinceA }, hrB))).toBe('FORBIDDEN');
    });

    it('keeps the national pool\'s names from roles without personal data', async () => {
      for (const token of [await server.token(Role.POLICYMAKER, 'PA'), await server.token(Role.ANALYST, 'PA')]) {
        const res = await server.gql(NODE, { id: candidate.national }, token);
        expect(errorCode(res)).toBe('FORBIDDEN');
        expect(JSON.stringify(res.data ?? {})).not.toContain('Nhân Tài');
      }
    });

    it('lets a scoped HR officer take a national-pool candidate into their recruitment, and no other province\'s candidate', async () => {
      const opened = await server.gql(
        `mutation($input: OpenVacancyInput!) { openVacancy(input: $input) { vacancy { id } userErrors { code } } }`,
        { input: { positionId: toGlobalId('Position', position.A), openedOn: daysAgo(10) } },
        hrA,
      );
      const vacancyId = opened.data.openVacancy.vacancy.id;
      const APPLY = `mutation($input: ApplyInput!) { applyToVacancy(input: $input) { application { stage } userErrors { code } } }`;
      const applied = await server.gql(APPLY, { input: { candidateId: candidate.national, vacancyId, appliedOn: daysAgo(5) } }, hrA);
      expect(applied.data.applyToVacancy).toEqual({ application: { stage: 'APPLIED' }, userErrors: [] });
      expect(errorCode(await server.gql(APPLY, { input: { candidateId: candidate.provinceB, vacancyId, appliedOn: daysAgo(5) } }, hrA))).toBe('FORBIDDEN');

      // Still in the national pool for B, who sees none of A's applications.
      const seenByB = await server.gql(NODE, { id: candidate.national }, hrB);
      expect(seenByB.data.node).toEqual({ fullName: 'Nhân Tài Quốc Gia', applications: [] });
      const seenByA = await server.gql(NODE, { id: candidate.national }, hrA);
      expect(seenByA.data.node).toEqual({ fullName: 'Nhân Tài Quốc Gia', applications: [{ stage: 'APPLIED' }] });
    });
  });
});
