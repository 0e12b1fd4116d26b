import { AssignmentKind, Role } from '../src/graphql/enums';
import { toGlobalId } from '../src/graphql/global-id';
import { startTestServer, TestServer } from './helpers/harness';
import { buildWorld, World } from './helpers/world';

const ASSIGN = `mutation Assign($input: AssignPersonInput!) {
  assignPerson(input: $input) { assignment { id kind startDate endDate person { fullName } position { title } } userErrors { field message code } }
}`;
const END = `mutation End($input: EndAssignmentInput!) {
  endAssignment(input: $input) { assignment { id endDate } userErrors { field message code } }
}`;

describe('assignments: the establishment rule and the one-PRIMARY rule', () => {
  let server: TestServer;
  let world: World;
  let hr: string;
  const person = (key: string) => toGlobalId('Person', world.person[key]);
  const position = (key: string) => toGlobalId('Position', world.position[key]);

  beforeAll(async () => {
    server = await startTestServer();
    world = await buildWorld(server.sql);
    hr = await server.token(Role.HR_OFFICER, 'PROV');
  });
  afterAll(() => server.close());

  async function newPerson(name: string, unitCode = 'PROV.D1'): Promise<string> {
    const res = await server.gql(`mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } userErrors { code message } } }`, { input: { fullName: name, unitCode } }, hr);
    expect(res.data.createPerson.userErrors).toEqual([]);
    return res.data.createPerson.person.id;
  }

  async function activePrimaryCount(unitKey: string, category: string, date: string): Promise<number> {
    const [row] = await server.sql<{ n: number }>(
      `select count(*)::int as n from assignment a join position p on p.id = a.position_id
       where p.unit_id = ? and p.category = ? and a.kind = 'PRIMARY' and a.start_date <= ?::date and (a.end_date is null or a.end_date >= ?::date)`,
      [world.unit[unitKey], category, date, date],
    );
    return row.n;
  }

  it('assigns a PRIMARY seat within the quota and refuses the next with QUOTA_EXCEEDED, changing nothing', async () => {
    // W1 2026: CS quota 2; E holds pW1a; F starts 2026-09-01. On 2026-07-01 one seat is left.
    const first = await newPerson('Lý Thị Mai');
    const ok = await server.gql(ASSIGN, { input: { personId: first, positionId: position('pW1a'), kind: 'PRIMARY', startDate: '2026-07-01' } }, hr);
    expect(ok.data.assignPerson.userErrors).toEqual([]);
    expect(ok.data.assignPerson.assignment).toMatchObject({ kind: 'PRIMARY', startDate: '2026-07-01', endDate: null, person: { fullName: 'Lý Thị Mai' }, position: { title: 'Văn phòng - Thống kê' } });

    const second = await newPerson('Hồ Văn Nam');
    const before = await activePrimaryCount('PROV.D1.W1', 'CIVIL_SERVANT', '2026-07-02');
    const refused = await server.gql(ASSIGN, { input: { personId: second, positionId: position('pW1b'), kind: 'PRIMARY', startDate: '2026-07-02' } }, hr);
    expect(refused.data.assignPerson.assignment).toBeNull();
    expect(refused.data.assignPerson.userErrors).toEqual([expect.objectContaining({ code: 'QUOTA_EXCEEDED', field: ['input', 'startDate'] })]);
    expect(await activePrimaryCount('PROV.D1.W1', 'CIVIL_SERVANT', '2026-07-02')).toBe(before);
  });

  it('lets a CONCURRENT post cover a seat without touching the quota', async () => {
    const res = await server.gql(ASSIGN, { input: { personId: person('G'), positionId: position('pW1b'), kind: 'CONCURRENT', startDate: '2026-07-05' } }, hr);
    expect(res.data.assignPerson.userErrors).toEqual([]);
    expect(res.data.assignPerson.assignment.kind).toBe('CONCURRENT');
  });

  it('refuses a second PRIMARY for the same person with CONFLICT', async () => {
    // A holds pD1a from 2020 with no end; D1 has quota left (3, with A and C active).
    const res = await server.gql(ASSIGN, { input: { personId: person('A'), positionId: position('pD1b'), kind: 'PRIMARY', startDate: '2026-08-01' } }, hr);
    expect(res.data.assignPerson.userErrors).toEqual([expect.objectContaining({ code: 'CONFLICT' })]);
  });

  it('allows the next PRIMARY once the first has ended', async () => {
    const res = await server.gql(END, { input: { assignmentId: await assignmentIdOf('C', 'pD1b'), endDate: '2026-07-31' } }, hr);
    expect(res.data.endAssignment.userErrors).toEqual([]);
    expect(res.data.endAssignment.assignment.endDate).toBe('2026-07-31');
    const moved = await server.gql(ASSIGN, { input: { personId: person('C'), positionId: position('pD1a'), kind: 'PRIMARY', startDate: '2026-08-01' } }, hr);
    expect(moved.data.assignPerson.userErrors).toEqual([]);
    const again = await server.gql(END, { input: { assignmentId: await assignmentIdOf('C', 'pD1b'), endDate: '2026-08-31' } }, hr);
    expect(again.data.endAssignment.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
  });

  it('refuses an end date before the start', async () => {
    const res = await server.gql(END, { input: { assignmentId: await assignmentIdOf('A', 'pD1a'), endDate: '2019-12-31' } }, hr);
    expect(res.data.endAssignment.userErrors).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'endDate'] })]);
  });

  it('reports unknown and malformed IDs as userErrors', async () => {
    const unknown = await server.gql(ASSIGN, { input: { personId: toGlobalId('Person', '999999'), positionId: position('pW1a'), kind: 'PRIMARY', startDate: '2026-07-01' } }, hr);
    expect(unknown.data.assignPerson.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'personId'] })]);
    const wrongType = await server.gql(ASSIGN, { input: { personId: position('pW1a'), positionId: position('pW1a'), kind: 'PRIMARY', startDate: '2026-07-01' } }, hr);
    expect(wrongType.data.assignPerson.userErrors).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'personId'] })]);
  });

  it('lets exactly one of five concurrent requests take the last seat', async () => {
    // D2: CS quota 1 for 2026, H holds pD2a. Free a seat by raising the quota to 2, then race.
    const admin = await server.token(Role.ADMIN);
    const quota = await server.gql(
      `mutation { setEstablishmentQuota(input: { unitCode: "PROV.D2", year: 2026, category: CIVIL_SERVANT, headcount: 2 }) { quota { headcount } userErrors { code } } }`,
      {},
      admin,
    );
    expect(quota.data.setEstablishmentQuota).toEqual({ quota: { headcount: 2 }, userErrors: [] });
    const racers = await Promise.all([1, 2, 3, 4, 5].map((i) => newPerson(`Người thứ ${i}`, 'PROV.D2')));
    const results = await Promise.all(
      racers.map((personId) => server.gql(ASSIGN, { input: { personId, positionId: position('pD2a'), kind: AssignmentKind.PRIMARY, startDate: '2026-07-01' } }, hr)),
    );
    const codes = results.map((r) => r.data.assignPerson.userErrors[0]?.code ?? 'OK').sort();
    expect(codes).toEqual(['OK', 'QUOTA_EXCEEDED', 'QUOTA_EXCEEDED', 'QUOTA_EXCEEDED', 'QUOTA_EXCEEDED']);
    expect(await activePrimaryCount('PROV.D2', 'CIVIL_SERVANT', '2026-07-01')).toBe(2);
  });

  it('lets exactly one of five concurrent PRIMARY requests for one person through', async () => {
    const who = await newPerson('Trịnh Văn Đua', 'PROV.D1');
    const admin = await server.token(Role.ADMIN);
    await server.gql(`mutation { setEstablishmentQuota(input: { unitCode: "PROV.D1", year: 2026, category: CIVIL_SERVANT, headcount: 50 }) { userErrors { code } } }`, {}, admin);
    const results = await Promise.all(
      ['pD1a', 'pD1b', 'pD1a', 'pD1b', 'pD1a'].map((key, i) =>
        server.gql(ASSIGN, { input: { personId: who, positionId: position(key), kind: 'PRIMARY', startDate: `2026-07-0${i + 1}` } }, hr),
      ),
    );
    const ok = results.filter((r) => r.data.assignPerson.userErrors.length === 0);
    expect(ok).toHaveLength(1);
    expect(results.filter((r) => r.data.assignPerson.userErrors[0]?.code === 'CONFLICT')).toHaveLength(4);
  });

  it('shows active assignments by default and the history on request', async () => {
    const q = `query($id: ID!) { node(id: $id) { ... on Person { fullName active: assignments { kind startDate } all: assignments(activeOnly: false) { kind startDate endDate } } } }`;
    const res = await server.gql(q, { id: person('B') }, hr);
    expect(res.data.node.active).toEqual([]);
    expect(res.data.node.all).toEqual([{ kind: 'PRIMARY', startDate: '2021-01-01', endDate: '2026-03-31' }]);
  });

  async function assignmentIdOf(personKey: string, positionKey: string): Promise<string> {
    const [row] = await server.sql<{ id: string }>('select id from assignment where person_id = ? and position_id = ? order by id limit 1', [world.person[personKey], world.position[positionKey]]);
    return toGlobalId('Assignment', row.id);
  }
});
