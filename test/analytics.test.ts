import { Role } from '../src/graphql/enums';
import { errorCode, startTestServer, TestServer } from './helpers/harness';
import { buildWorld } from './helpers/world';

/** Every figure below is worked out by hand from test/helpers/world.ts. */
describe('staffing analytics on a hand-worked world', () => {
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    server = await startTestServer();
    await buildWorld(server.sql);
    admin = await server.token(Role.ADMIN);
  });
  afterAll(() => server.close());

  const GAP = `query Gap($unit: String!, $year: Int!, $asOf: LocalDate, $desc: Boolean) {
    staffingGap(unitCode: $unit, year: $year, asOf: $asOf, includeDescendants: $desc) {
      unit { code } year quota filled gap concurrentCoverage openVacancies
      itSeatsPlanned itSeatsFilled itSeatsCoveredConcurrently itGap
      children { unit { code } quota filled gap concurrentCoverage openVacancies itSeatsPlanned itSeatsFilled itSeatsCoveredConcurrently itGap children { unit { code } } }
    }
  }`;

  it('counts the district subtree on a date, leaving out the ward that had ended', async () => {
    const res = await server.gql(GAP, { unit: 'PROV.D1', year: 2026, asOf: '2026-06-01' }, admin);
    expect(res.errors).toBeUndefined();
    const gap = res.data.staffingGap;
    // quota: D1 CS3 + W1 CS2 + W2 CS1 + W2 PE1 (W3 ended 2025-06-30) = 7
    // filled on 2026-06-01: A, C, E, G (B ended 2026-03-31, F starts 2026-09-01, J is in W3) = 4
    expect(gap).toMatchObject({
      unit: { code: 'PROV.D1' }, year: 2026, quota: 7, filled: 4, gap: 3,
      concurrentCoverage: 2, // E on the W1 digital seat, H on the W2 security seat
      openVacancies: 2, // v1 OPEN in W1, v2 INTERVIEWING in D1 (v5 sits in the ended W3)
      itSeatsPlanned: 4, // pD1a 2 + pW1b 1 + pW2b 1
      itSeatsFilled: 1, // A
      itSeatsCoveredConcurrently: 2, // pW1b min(1, 1-0) + pW2b min(1, 1-0)
      itGap: 3,
    });
    expect(gap.children.map((c: any) => c.unit.code)).toEqual(['PROV.D1.W1', 'PROV.D1.W2']);
    expect(gap.children[0]).toMatchObject({ quota: 2, filled: 1, gap: 1, concurrentCoverage: 1, openVacancies: 1, itSeatsPlanned: 1, itSeatsFilled: 0, itSeatsCoveredConcurrently: 1, itGap: 1, children: [] });
    expect(gap.children[1]).toMatchObject({ quota: 2, filled: 1, gap: 1, concurrentCoverage: 1, openVacancies: 0, itSeatsPlanned: 1, itSeatsFilled: 0, itSeatsCoveredConcurrently: 1, itGap: 1 });
  });

  it('counts a future assignment once its start date arrives', async () => {
    const res = await server.gql(GAP, { unit: 'PROV.D1', year: 2026, asOf: '2026-10-01' }, admin);
    expect(res.data.staffingGap).toMatchObject({ filled: 5, gap: 2 });
  });

  it('counts the ended ward and the ended assignments on a date when they were live', async () => {
    const res = await server.gql(GAP, { unit: 'PROV.D1', year: 2025, asOf: '2025-01-01' }, admin);
    // 2025 quota: only W1 CS1. Filled: A, B, C, E, G, I, J = 7 (W3 still existed).
    expect(res.data.staffingGap).toMatchObject({ quota: 1, filled: 7, gap: -6, concurrentCoverage: 2, openVacancies: 3 });
    expect(res.data.staffingGap.children.map((c: any) => c.unit.code)).toEqual(['PROV.D1.W1', 'PROV.D1.W2', 'PROV.D1.W3']);
  });

  it('counts the unit alone without descendants', async () => {
    const res = await server.gql(GAP, { unit: 'PROV.D1', year: 2026, asOf: '2026-06-01', desc: false }, admin);
    expect(res.data.staffingGap).toMatchObject({ quota: 3, filled: 2, gap: 1, concurrentCoverage: 0, openVacancies: 1, itSeatsPlanned: 2, itSeatsFilled: 1, itSeatsCoveredConcurrently: 0, itGap: 1 });
  });

  it('sums the province over both districts', async () => {
    const res = await server.gql(GAP, { unit: 'PROV', year: 2026, asOf: '2026-06-01' }, admin);
    // D1 subtree 7 + D2 1 = 8 quota; filled 4 + H = 5.
    // IT seats: D1 subtree 4 + pD2a 1 = 5; filled: A, and H on the IT-support seat of D2 = 2.
    expect(res.data.staffingGap).toMatchObject({ quota: 8, filled: 5, gap: 3, itSeatsPlanned: 5, itSeatsFilled: 2, itGap: 3 });
    expect(res.data.staffingGap.children.map((c: any) => [c.unit.code, c.quota, c.filled])).toEqual([
      ['PROV.D1', 7, 4],
      ['PROV.D2', 1, 1],
    ]);
  });

  it('lists skill gaps per competency, largest first', async () => {
    const res = await server.gql(
      `{ skillGaps(unitCode: "PROV.D1", asOf: "2026-06-01") { competency { code isDigital } seatsRequiring seatsMet gap peopleWithSkill } }`,
      {},
      admin,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.skillGaps).toEqual([
      // pD1b 1 + pW1a 3 seats; met: E (3 >= 2); C has 1 < 2. Holders: C, E.
      { competency: { code: 'ADMIN_SKILL', isDigital: false }, seatsRequiring: 4, seatsMet: 1, gap: 3, peopleWithSkill: 2 },
      // pD1a 2 + pW1b 1; met: A (4 >= 3). Holders: A, E.
      { competency: { code: 'DATA', isDigital: true }, seatsRequiring: 3, seatsMet: 1, gap: 2, peopleWithSkill: 2 },
      // pW1b 1 + pW2b 1; nobody PRIMARY there. Holders: E, H (concurrent in W2).
      { competency: { code: 'SEC', isDigital: true }, seatsRequiring: 2, seatsMet: 0, gap: 2, peopleWithSkill: 2 },
    ]);
  });

  it('splits each skill gap into seats that need a hire and holders who need training', async () => {
    const res = await server.gql(
      `{ skillGaps(unitCode: "PROV.D1", asOf: "2026-06-01") { competency { code } seatsRequiring seatsMet seatsEmpty seatsHeldBelowLevel seatsOneLevelShort } }`,
      {},
      admin,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.skillGaps).toEqual([
      // Empty: pD1b 1 - C = 0, pW1a 3 - E = 2. Below level: C holds 1 of 2, one level short.
      { competency: { code: 'ADMIN_SKILL' }, seatsRequiring: 4, seatsMet: 1, seatsEmpty: 2, seatsHeldBelowLevel: 1, seatsOneLevelShort: 1 },
      // Empty: pD1a 2 - A = 1, pW1b 1 (E covers it only concurrently). A meets it.
      { competency: { code: 'DATA' }, seatsRequiring: 3, seatsMet: 1, seatsEmpty: 2, seatsHeldBelowLevel: 0, seatsOneLevelShort: 0 },
      // Empty: pW1b 1, pW2b 1 (H is concurrent, and in D2's subtree besides).
      { competency: { code: 'SEC' }, seatsRequiring: 2, seatsMet: 0, seatsEmpty: 2, seatsHeldBelowLevel: 0, seatsOneLevelShort: 0 },
    ]);
    // Every requiring seat is empty, met, or held below its level.
    for (const g of res.data.skillGaps) expect(g.seatsEmpty + g.seatsMet + g.seatsHeldBelowLevel).toBe(g.seatsRequiring);
  });

  it('measures placement fit over active PRIMARY assignments', async () => {
    const res = await server.gql(
      `{ placementFit(unitCode: "PROV.D1", asOf: "2026-06-01") { unit { code } assignmentsEvaluated fullyQualified mismatched fitRate } }`,
      {},
      admin,
    );
    // A qualified, C not (ADMIN_SKILL 1 < 2), E qualified, G qualified (no requirements).
    expect(res.data.placementFit).toEqual({ unit: { code: 'PROV.D1' }, assignmentsEvaluated: 4, fullyQualified: 3, mismatched: 1, fitRate: 0.75 });
  });

  it('answers NOT_FOUND for an unknown unit and BAD_USER_INPUT for an impossible date', async () => {
    expect(errorCode(await server.gql(GAP, { unit: 'NOPE', year: 2026 }, admin))).toBe('NOT_FOUND');
    expect(errorCode(await server.gql(GAP, { unit: 'PROV', year: 2026, asOf: '2026-02-30' }, admin))).toBe('BAD_USER_INPUT');
    expect(errorCode(await server.gql(`{ staffingGap(unitCode: "PROV", year: 2026, asOf: "2026-02-30") { gap } }`, {}, admin))).toBe('BAD_USER_INPUT');
    expect(errorCode(await server.gql(GAP, { unit: 'PROV', year: -5 }, admin))).toBe('BAD_USER_INPUT');
  });
});
