import { Role } from '../src/graphql/enums';
import { toGlobalId } from '../src/graphql/global-id';
import { errorCode, startTestServer, TestServer } from './helpers/harness';
import { buildWorld } from './helpers/world';

describe('audit trail', () => {
  let server: TestServer;
  let admin: string;
  let hr: string;

  beforeAll(async () => {
    server = await startTestServer();
    await buildWorld(server.sql);
    admin = await server.token(Role.ADMIN, null, { sub: 'admin@city' });
    hr = await server.token(Role.HR_OFFICER, 'PROV.D1', { sub: 'hr@d1' });
  });
  afterAll(() => server.close());

  const QUOTA = `mutation($input: SetQuotaInput!) { setEstablishmentQuota(input: $input) { quota { headcount } userErrors { code } } }`;
  const EVENTS = `query($subject: String, $unit: String, $first: Int, $after: String) {
    auditEvents(subject: $subject, unitCode: $unit, first: $first, after: $after) {
      totalCount edges { node { id at subject role operation unitCode targetId changes } } pageInfo { hasNextPage endCursor }
    }
  }`;

  it('appends one event per successful mutation, and none for a refused or failed one', async () => {
    const sentAt = Date.now();
    const ok = await server.gql(QUOTA, { input: { unitCode: 'PROV.D1.W1', year: 2027, category: 'CIVIL_SERVANT', headcount: 4 } }, hr);
    const answeredAt = Date.now();
    expect(ok.data.setEstablishmentQuota.userErrors).toEqual([]);
    const refused = await server.gql(QUOTA, { input: { unitCode: 'PROV.D1.W1', year: 2027, category: 'CIVIL_SERVANT', headcount: -4 } }, hr);
    expect(refused.data.setEstablishmentQuota.userErrors[0].code).toBe('BAD_USER_INPUT');
    const forbidden = await server.gql(QUOTA, { input: { unitCode: 'PROV.D2', year: 2027, category: 'CIVIL_SERVANT', headcount: 4 } }, hr);
    expect(errorCode(forbidden)).toBe('FORBIDDEN');
    const missing = await server.gql(QUOTA, { input: { unitCode: 'PROV.D1.NOPE', year: 2027, category: 'CIVIL_SERVANT', headcount: 4 } }, hr);
    expect(missing.data.setEstablishmentQuota.userErrors[0].code).toBe('NOT_FOUND');

    const res = await server.gql(EVENTS, { subject: 'hr@d1' }, admin);
    expect(res.errors).toBeUndefined();
    expect(res.data.auditEvents.totalCount).toBe(1);
    const [event] = res.data.auditEvents.edges.map((e: any) => e.node);
    expect(event).toMatchObject({ subject: 'hr@d1', role: 'HR_OFFICER', operation: 'setEstablishmentQuota', unitCode: 'PROV.D1.W1' });
    expect(JSON.parse(event.changes)).toEqual({ unitCode: 'PROV.D1.W1', year: 2027, category: 'CIVIL_SERVANT', headcount: 4 });
    // Stamped while the mutation ran (the database's clock is this machine's; a millisecond of rounding either side).
    expect(Date.parse(event.at)).toBeGreaterThanOrEqual(sentAt - 1);
    expect(Date.parse(event.at)).toBeLessThanOrEqual(answeredAt + 1);
  });

  it('lists newest first, filtered by subject and by unit subtree, with paging', async () => {
    for (const [unitCode, headcount] of [['PROV.D1', 5], ['PROV.D1.W2', 6], ['PROV.D2', 7]] as const) {
      await server.gql(QUOTA, { input: { unitCode, year: 2027, category: 'CIVIL_SERVANT', headcount } }, admin);
    }
    const all = await server.gql(EVENTS, { first: 2 }, admin);
    expect(all.data.auditEvents.totalCount).toBe(4);
    expect(all.data.auditEvents.edges.map((e: any) => e.node.unitCode)).toEqual(['PROV.D2', 'PROV.D1.W2']);
    const next = await server.gql(EVENTS, { first: 2, after: all.data.auditEvents.pageInfo.endCursor }, admin);
    expect(next.data.auditEvents.edges.map((e: any) => e.node.unitCode)).toEqual(['PROV.D1', 'PROV.D1.W1']);
    const d1 = await server.gql(EVENTS, { unit: 'PROV.D1' }, admin);
    expect(d1.data.auditEvents.edges.map((e: any) => e.node.unitCode)).toEqual(['PROV.D1.W2', 'PROV.D1', 'PROV.D1.W1']);
    const bySubject = await server.gql(EVENTS, { subject: 'admin@city', unit: 'PROV.D1' }, admin);
    expect(bySubject.data.auditEvents.totalCount).toBe(2);
  });

  it('is for ADMIN only', async () => {
    for (const token of [hr, await server.token(Role.POLICYMAKER, 'PROV'), await server.token(Role.ANALYST, 'PROV')]) {
      expect(errorCode(await server.gql(EVENTS, {}, token))).toBe('FORBIDDEN');
    }
    const [row] = await server.sql<{ id: string }>('select id from audit_event limit 1');
    const viaNode = await server.gql(`query($id: ID!) { node(id: $id) { ... on AuditEvent { subject } } }`, { id: toGlobalId('AuditEvent', row.id) }, hr);
    expect(errorCode(viaNode)).toBe('FORBIDDEN');
  });
});
