import { Role } from '../src/graphql/enums';
import { startTestServer, TestServer } from './helpers/harness';
import { buildWorld } from './helpers/world';

/**
 * StaffingGap.unitsWithoutQuota (contract v2): units in scope with active PRIMARY assignments on
 * the date but no quota row for the year — the "quota 0, filled 52, gap -52" read as
 * overstaffing. Hand-counted on test/helpers/world.ts.
 */
describe('staffingGap.unitsWithoutQuota', () => {
  let server: TestServer;
  let hr: string;
  const GAP = `query($year: Int!, $asOf: LocalDate) { staffingGap(unitCode: "PROV", year: $year, asOf: $asOf) {
    quota filled gap unitsWithoutQuota children { unit { code } quota filled unitsWithoutQuota } } }`;

  beforeAll(async () => {
    server = await startTestServer();
    await buildWorld(server.sql);
    hr = await server.token(Role.ANALYST, 'PROV');
  });
  afterAll(() => server.close());

  it('is 0 where every staffed unit has its quota', async () => {
    const res = await server.gql(GAP, { year: 2026, asOf: '2026-12-01' }, hr);
    expect(res.data.staffingGap.unitsWithoutQuota).toBe(0);
  });

  it('counts the staffed units without a quota row in a year no quota was set for', async () => {
    // Today D1 (A, C), W1 (E, F), W2 (G) and D2 (H) hold PRIMARY staff; no unit has a 2027 quota.
    const res = await server.gql(GAP, { year: 2027, asOf: '2026-12-01' }, hr);
    expect(res.data.staffingGap).toMatchObject({ quota: 0, filled: 6, gap: -6, unitsWithoutQuota: 4 });
    const d1 = res.data.staffingGap.children.find((c: any) => c.unit.code === 'PROV.D1');
    expect(d1).toMatchObject({ quota: 0, unitsWithoutQuota: 3 });
  });

  it('does not count a unit that has a quota row, nor one without staff', async () => {
    // On 2025-03-01: D1 (A, B, C), W1 (E; 2025 quota), W2 (G), D2 (H), W3 (I, J) hold staff; only W1 has a 2025 row.
    const res = await server.gql(GAP, { year: 2025, asOf: '2025-03-01' }, hr);
    expect(res.data.staffingGap).toMatchObject({ quota: 1, unitsWithoutQuota: 4 });
  });

  it('comes in the same statement as the rest of staffingGap', async () => {
    const without = await server.gql(`{ staffingGap(unitCode: "PROV", year: 2027) { quota filled gap children { quota } } }`, {}, hr);
    const withIt = await server.gql(`{ staffingGap(unitCode: "PROV", year: 2027) { quota filled gap unitsWithoutQuota children { quota unitsWithoutQuota } } }`, {}, hr);
    expect(withIt.errors).toBeUndefined();
    expect(withIt.statements).toBe(without.statements);
  });
});
