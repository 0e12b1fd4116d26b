import { buildCountry } from '../seeds/country';
import { AS_OF } from '../seeds/demo-data';
import { seedIfEmpty } from '../src/app/seed';
import { Role } from '../src/graphql/enums';
import { toGlobalId } from '../src/graphql/global-id';
import { createLogger } from '../src/logger';
import { errorCode, startTestServer, TestServer } from './helpers/harness';
import { buildReorgWorld, ReorgWorld } from './helpers/reorganisation-world';

/**
 * Reorganisation, on the world of test/helpers/reorganisation-world.ts: Xã An (R.D.A) and Xã Bình
 * (R.D.B) merge into Xã An Bình (R.D.AB) on 2026-07-01. Every figure is worked out by hand below.
 * The tests run in order: each builds on the state the previous one left.
 */
const REORGANIZE = `mutation Reorganize($input: ReorganizeUnitsInput!) {
  reorganizeUnits(input: $input) {
    orgUnit { code name kind validFrom validTo parent { code } predecessors { code validTo successor { code } } }
    positionsMoved assignmentsMoved vacanciesMoved
    userErrors { field code message }
  }
}`;
const DISSOLVE = `mutation Dissolve($input: DissolveOrgUnitInput!) {
  dissolveOrgUnit(input: $input) { orgUnit { code validTo successor { code } } userErrors { field code message } }
}`;
const FIGURES = 'quota filled gap concurrentCoverage openVacancies itSeatsPlanned itSeatsFilled itSeatsCoveredConcurrently itGap';
const GAP = `query Gap($unit: String!, $year: Int!, $asOf: LocalDate) {
  staffingGap(unitCode: $unit, year: $year, asOf: $asOf) { unit { code } ${FIGURES} children { unit { code } ${FIGURES} } }
}`;
const ASSIGN = `mutation Assign($input: AssignPersonInput!) {
  assignPerson(input: $input) { assignment { id startDate position { unit { code } } } userErrors { field code message } }
}`;

const MERGER = {
  newUnit: { code: 'R.D.AB', name: 'Xã An Bình', kind: 'COMMUNE', parentCode: 'R.D', population: 30000 },
  mergedUnitCodes: ['R.D.A', 'R.D.B'],
  effectiveOn: '2026-07-01',
};

/** Row counts of every table a reorganisation writes: equal before and after a refused one. */
async function tableCounts(server: TestServer): Promise<Record<string, number>> {
  const [row] = await server.sql<Record<string, number>>(
    `select (select count(*)::int from org_unit) as units, (select count(*)::int from position) as positions,
            (select count(*)::int from position_requirement) as requirements, (select count(*)::int from assignment) as assignments,
            (select count(*)::int from establishment_quota) as quotas, (select count(*)::int from vacancy_move) as moves,
            (select count(*)::int from workload_component) as workload, (select count(*)::int from audit_event) as audit,
            (select count(*)::int from org_unit where valid_to is not null) as ended,
            (select string_agg(position_id::text, ',' order by id) from vacancy) as vacancy_positions,
            (select string_agg(coalesce(end_date::text, '-'), ',' order by id) from assignment) as end_dates,
            (select string_agg(coalesce(home_unit_id::text, '-'), ',' order by id) from person) as homes`,
  );
  return row;
}

describe('reorganisation: a merger of two communes, with history that stays true', () => {
  let server: TestServer;
  let world: ReorgWorld;
  let admin: string;
  let before: any;

  beforeAll(async () => {
    server = await startTestServer();
    world = await buildReorgWorld(server.sql);
    admin = await server.token(Role.ADMIN);
  });
  afterAll(() => server.close());

  it('gives the old figures on the district before the merger', async () => {
    const res = await server.gql(GAP, { unit: 'R.D', year: 2026, asOf: '2026-06-30' }, admin);
    expect(res.errors).toBeUndefined();
    before = res.data.staffingGap;
    expect(before).toEqual({
      unit: { code: 'R.D' },
      // quota 2026: R.D 2 + Xã An (CS 3 + PE 1) + Xã Bình (CS 2 + CONTRACT 1) + Xã Cát 1 = 10
      quota: 10,
      // active PRIMARY on 2026-06-30: D1, A1, A2, A4, B1, B3, C1 (A3 ended 2025-12-31, B2 starts 2026-09-01)
      filled: 7,
      gap: 3,
      concurrentCoverage: 2, // A1 on the DTO seat of Xã An, B1 on the IT-support seat of Xã Bình
      openVacancies: 2, // vA OPEN, vB INTERVIEWING (vOld is FILLED)
      itSeatsPlanned: 4, // pA2 2 + pA3 1 + pB2 1
      itSeatsFilled: 1, // A4
      itSeatsCoveredConcurrently: 2, // pA2 min(1, 2 - 1) + pB2 min(1, 1 - 0)
      itGap: 3,
      children: [
        { unit: { code: 'R.D.A' }, quota: 4, filled: 3, gap: 1, concurrentCoverage: 1, openVacancies: 1, itSeatsPlanned: 3, itSeatsFilled: 1, itSeatsCoveredConcurrently: 1, itGap: 2 },
        { unit: { code: 'R.D.B' }, quota: 3, filled: 2, gap: 1, concurrentCoverage: 1, openVacancies: 1, itSeatsPlanned: 1, itSeatsFilled: 0, itSeatsCoveredConcurrently: 1, itGap: 1 },
        { unit: { code: 'R.D.C' }, quota: 1, filled: 1, gap: 0, concurrentCoverage: 0, openVacancies: 0, itSeatsPlanned: 0, itSeatsFilled: 0, itSeatsCoveredConcurrently: 0, itGap: 0 },
      ],
    });
  });

  it('lets only ADMIN reorganise', async () => {
    const counts = await tableCounts(server);
    for (const token of [await server.token(Role.HR_OFFICER, 'R'), await server.token(Role.POLICYMAKER, 'R'), await server.token(Role.ANALYST, 'R')]) {
      const res = await server.gql(REORGANIZE, { input: MERGER }, token);
      expect(errorCode(res)).toBe('FORBIDDEN');
      const dissolve = await server.gql(DISSOLVE, { input: { code: 'R.D.C', effectiveOn: '2026-07-01' } }, token);
      expect(errorCode(dissolve)).toBe('FORBIDDEN');
    }
    expect(errorCode(await server.gql(REORGANIZE, { input: MERGER }))).toBe('UNAUTHENTICATED');
    expect(await tableCounts(server)).toEqual(counts);
  });

  it('refuses an unknown merged code, and bad input, changing nothing', async () => {
    const counts = await tableCounts(server);
    const unknown = await server.gql(REORGANIZE, { input: { ...MERGER, mergedUnitCodes: ['R.D.A', 'R.D.NOPE'] } }, admin);
    expect(unknown.data.reorganizeUnits).toMatchObject({ orgUnit: null, positionsMoved: 0, assignmentsMoved: 0, vacanciesMoved: 0 });
    expect(unknown.data.reorganizeUnits.userErrors).toEqual([
      { field: ['input', 'mergedUnitCodes', '1'], code: 'NOT_FOUND', message: 'No org unit has the code R.D.NOPE' },
    ]);

    const nested = await server.gql(REORGANIZE, { input: { ...MERGER, mergedUnitCodes: ['R.D', 'R.D.A'], newUnit: { ...MERGER.newUnit, code: 'R.DA', parentCode: 'R' } } }, admin);
    expect(nested.data.reorganizeUnits.userErrors).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'mergedUnitCodes', '1'] })]);

    const parentMerged = await server.gql(REORGANIZE, { input: { ...MERGER, newUnit: { ...MERGER.newUnit, code: 'R.D.A.X', parentCode: 'R.D.A' } } }, admin);
    expect(parentMerged.data.reorganizeUnits.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE', field: ['input', 'newUnit', 'parentCode'] })]);

    const badCode = await server.gql(REORGANIZE, { input: { ...MERGER, newUnit: { ...MERGER.newUnit, code: 'R.T.AB' } } }, admin);
    expect(badCode.data.reorganizeUnits.userErrors).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'newUnit', 'code'] })]);

    const taken = await server.gql(REORGANIZE, { input: { ...MERGER, newUnit: { ...MERGER.newUnit, code: 'R.D.C' } } }, admin);
    expect(taken.data.reorganizeUnits.userErrors).toEqual([expect.objectContaining({ code: 'CONFLICT', field: ['input', 'newUnit', 'code'] })]);

    expect(await tableCounts(server)).toEqual(counts);
  });

  let merged: any;

  it('merges Xã An and Xã Bình into Xã An Bình, and says what moved', async () => {
    const res = await server.gql(REORGANIZE, { input: MERGER }, admin);
    expect(res.errors).toBeUndefined();
    merged = res.data.reorganizeUnits;
    expect(merged.userErrors).toEqual([]);
    expect(merged.orgUnit).toEqual({
      code: 'R.D.AB', name: 'Xã An Bình', kind: 'COMMUNE', validFrom: '2026-07-01', validTo: null, parent: { code: 'R.D' },
      predecessors: [
        { code: 'R.D.A', validTo: '2026-06-30', successor: { code: 'R.D.AB' } },
        { code: 'R.D.B', validTo: '2026-06-30', successor: { code: 'R.D.AB' } },
      ],
    });
    // Positions: pA1, pA2, pA3 and pB1, pB2, pB3.
    expect(merged.positionsMoved).toBe(6);
    // Restarted (active on 2026-07-01): A1, A2, A4 and A1's concurrent post; B1, B3 and B1's
    // concurrent post = 7. Moved as they are (beginning later): B2 = 1. A3 ended in 2025: history.
    expect(merged.assignmentsMoved).toBe(8);
    // vA (OPEN) and vB (INTERVIEWING); vOld (FILLED) stays where it was filled.
    expect(merged.vacanciesMoved).toBe(2);
  });

  it('gives the old figures the day before and the new ones on the day, counting nothing twice', async () => {
    const dayBefore = await server.gql(GAP, { unit: 'R.D', year: 2026, asOf: '2026-06-30' }, admin);
    expect(dayBefore.data.staffingGap).toEqual(before);

    const onTheDay = await server.gql(GAP, { unit: 'R.D', year: 2026, asOf: '2026-07-01' }, admin);
    // The same totals: Xã An Bình holds the 2026 quotas of both (CS 3 + 2, PE 1, CONTRACT 1 = 7),
    // the five restarted PRIMARY and two concurrent posts, both open vacancies and the four IT seats.
    expect(onTheDay.data.staffingGap).toEqual({
      ...before,
      children: [
        { unit: { code: 'R.D.AB' }, quota: 7, filled: 5, gap: 2, concurrentCoverage: 2, openVacancies: 2, itSeatsPlanned: 4, itSeatsFilled: 1, itSeatsCoveredConcurrently: 2, itGap: 3 },
        before.children[2],
      ],
    });

    // Later in 2026: A2's restarted assignment kept its planned end (2026-09-30) and B2 began in
    // Xã An Bình on 2026-09-01: D1, C1 and A1, A4, B1, B2, B3 = 7.
    const october = await server.gql(GAP, { unit: 'R.D', year: 2026, asOf: '2026-10-01' }, admin);
    expect(october.data.staffingGap).toMatchObject({ quota: 10, filled: 7 });
    expect(october.data.staffingGap.children[0]).toMatchObject({ unit: { code: 'R.D.AB' }, filled: 5 });

    // 2027: R.D 2 + Xã An Bình (CS 4 + 3, PE 1) = 10, as R.D 2 + Xã An 5 + Xã Bình 3 was.
    const y2027Before = await server.gql(GAP, { unit: 'R.D', year: 2027, asOf: '2026-06-30' }, admin);
    const y2027After = await server.gql(GAP, { unit: 'R.D', year: 2027, asOf: '2027-01-01' }, admin);
    expect(y2027Before.data.staffingGap.quota).toBe(10);
    expect(y2027After.data.staffingGap.quota).toBe(10);
  });

  it('sums the merged units\' own quotas from the effective year on, and leaves earlier years with them', async () => {
    const res = await server.gql(
      `{ ab: orgUnit(code: "R.D.AB") { y2025: quotas(year: 2025) { category headcount } y2026: quotas(year: 2026) { category headcount } y2027: quotas(year: 2027) { category headcount } }
         a: orgUnit(code: "R.D.A") { y2025: quotas(year: 2025) { headcount } y2026: quotas(year: 2026) { headcount } } }`,
      {},
      admin,
    );
    expect(res.data.ab).toEqual({
      y2025: [],
      y2026: [{ category: 'CIVIL_SERVANT', headcount: 5 }, { category: 'CONTRACT', headcount: 1 }, { category: 'PUBLIC_EMPLOYEE', headcount: 1 }],
      y2027: [{ category: 'CIVIL_SERVANT', headcount: 7 }, { category: 'PUBLIC_EMPLOYEE', headcount: 1 }],
    });
    expect(res.data.a).toEqual({ y2025: [{ headcount: 3 }], y2026: [{ headcount: 3 }, { headcount: 1 }] });
  });

  it('shows the move in a person\'s assignments: one ended the day before, one started on the day', async () => {
    const res = await server.gql(
      `query($id: ID!) { node(id: $id) { ... on Person { fullName assignments(activeOnly: false) { kind startDate endDate endReason position { title unit { code } } } } } }`,
      { id: toGlobalId('Person', world.person.A2) },
      admin,
    );
    expect(res.data.node).toEqual({
      fullName: 'Lê Văn Hai',
      assignments: [
        { kind: 'PRIMARY', startDate: '2020-01-01', endDate: '2026-06-30', endReason: 'REORGANISATION', position: { title: 'Văn phòng – Thống kê', unit: { code: 'R.D.A' } } },
        { kind: 'PRIMARY', startDate: '2026-07-01', endDate: '2026-09-30', endReason: null, position: { title: 'Văn phòng – Thống kê', unit: { code: 'R.D.AB' } } },
      ],
    });
    const concurrent = await server.sql<{ code: string; kind: string; start_date: string; end_date: string | null }>(
      `select u.code, a.kind, a.start_date::text, a.end_date::text from assignment a join position p on p.id = a.position_id join org_unit u on u.id = p.unit_id
       where a.person_id = ? order by a.start_date, a.kind`,
      [world.person.A1],
    );
    expect(concurrent).toEqual([
      { code: 'R.D.A', kind: 'PRIMARY', start_date: '2018-01-01', end_date: '2026-06-30' },
      { code: 'R.D.A', kind: 'CONCURRENT', start_date: '2024-01-01', end_date: '2026-06-30' },
      { code: 'R.D.AB', kind: 'CONCURRENT', start_date: '2026-07-01', end_date: null },
      { code: 'R.D.AB', kind: 'PRIMARY', start_date: '2026-07-01', end_date: null },
    ]);
    const later = await server.sql<{ code: string; start_date: string }>(
      `select u.code, a.start_date::text from assignment a join position p on p.id = a.position_id join org_unit u on u.id = p.unit_id where a.person_id = ?`,
      [world.person.B2],
    );
    expect(later).toEqual([{ code: 'R.D.AB', start_date: '2026-09-01' }]);
  });

  it('recreates the positions with their requirements, moves live vacancies with their applications, and keeps the filled one', async () => {
    const positions = await server.gql(
      `{ positions(unitCode: "R.D.AB", first: 20) { totalCount edges { node { title category roleFamily seniority payCoefficient headcount isItSpecialist requirements { level competency { code } } } } } }`,
      {},
      admin,
    );
    expect(positions.data.positions.totalCount).toBe(6);
    expect(positions.data.positions.edges.map((e: any) => e.node)).toEqual([
      { title: 'Văn phòng – Thống kê', category: 'CIVIL_SERVANT', roleFamily: 'GENERAL_ADMINISTRATION', seniority: 'JUNIOR', payCoefficient: 2.67, headcount: 3, isItSpecialist: false, requirements: [{ level: 2, competency: { code: 'ADMIN_SKILL' } }] },
      { title: 'Chuyên viên chuyển đổi số', category: 'CIVIL_SERVANT', roleFamily: 'DIGITAL_TRANSFORMATION_OFFICER', seniority: 'JUNIOR', payCoefficient: 2.67, headcount: 2, isItSpecialist: true, requirements: [{ level: 3, competency: { code: 'DATA' } }] },
      {
        title: 'Kỹ sư dữ liệu', category: 'PUBLIC_EMPLOYEE', roleFamily: 'DATA_SCIENTIST', seniority: 'JUNIOR', payCoefficient: 2.67, headcount: 1, isItSpecialist: true,
        requirements: [{ level: 3, competency: { code: 'DATA' } }, { level: 2, competency: { code: 'SEC' } }],
      },
      { title: 'Văn phòng – Thống kê', category: 'CIVIL_SERVANT', roleFamily: 'GENERAL_ADMINISTRATION', seniority: 'JUNIOR', payCoefficient: 2.67, headcount: 2, isItSpecialist: false, requirements: [] },
      { title: 'Hỗ trợ CNTT', category: 'CIVIL_SERVANT', roleFamily: 'IT_SUPPORT', seniority: 'JUNIOR', payCoefficient: 2.67, headcount: 1, isItSpecialist: true, requirements: [] },
      { title: 'Bảo vệ', category: 'CONTRACT', roleFamily: 'GENERAL_ADMINISTRATION', seniority: 'JUNIOR', payCoefficient: 2.67, headcount: 1, isItSpecialist: false, requirements: [] },
    ]);
    const vacancies = await server.sql<{ id: string; code: string; status: string; applications: number }>(
      `select v.id, u.code, v.status, (select count(*)::int from application a where a.vacancy_id = v.id) as applications
       from vacancy v join position p on p.id = v.position_id join org_unit u on u.id = p.unit_id order by v.id`,
    );
    expect(vacancies.map((v) => [String(v.id), v.code, v.status, v.applications])).toEqual([
      [world.vacancy.vA, 'R.D.AB', 'OPEN', 1],
      [world.vacancy.vB, 'R.D.AB', 'INTERVIEWING', 0],
      [world.vacancy.vOld, 'R.D.B', 'FILLED', 0],
    ]);
    // The old positions keep their history in the ended units.
    const old = await server.gql(`{ orgUnit(code: "R.D.A") { validTo positions(first: 10) { totalCount } } }`, {}, admin);
    expect(old.data.orgUnit).toEqual({ validTo: '2026-06-30', positions: { totalCount: 3 } });
  });

  it('keeps every other scoped figure whole across the date', async () => {
    const q = (asOf: string) =>
      server.gql(
        `query($asOf: LocalDate) {
          skillGaps(unitCode: "R.D", asOf: $asOf) { competency { code } seatsRequiring seatsMet gap peopleWithSkill }
          placementFit(unitCode: "R.D", asOf: $asOf) { assignmentsEvaluated fullyQualified }
          workloadNeed(unitCode: "R.D", asOf: $asOf) { category workloadHours actualStaff }
          orgUnits(parentCode: "R.D", activeOn: $asOf) { edges { node { code } } }
        }`,
        { asOf },
        admin,
      );
    const [b, a] = [await q('2026-06-30'), await q('2026-07-01')];
    expect(b.errors).toBeUndefined();
    // ADMIN_SKILL: pA1's 3 seats, met by A1 (level 3 ≥ 2); DATA: pA2 2 + pA3 1 seats, met by A4; SEC: pA3's seat.
    expect(b.data.skillGaps).toEqual([
      { competency: { code: 'ADMIN_SKILL' }, seatsRequiring: 3, seatsMet: 1, gap: 2, peopleWithSkill: 1 },
      { competency: { code: 'DATA' }, seatsRequiring: 3, seatsMet: 1, gap: 2, peopleWithSkill: 1 },
      { competency: { code: 'SEC' }, seatsRequiring: 1, seatsMet: 0, gap: 1, peopleWithSkill: 0 },
    ]);
    expect(a.data.skillGaps).toEqual(b.data.skillGaps);
    // Active PRIMARY: D1, A1, A2, A4, B1, B3, C1; only A2 lacks what pA1 requires.
    expect(b.data.placementFit).toEqual({ assignmentsEvaluated: 7, fullyQualified: 6 });
    expect(a.data.placementFit).toEqual(b.data.placementFit);
    // Tiếp công dân: 1,000 × 30 min + 500 × 60 min = 1,000 hours, before in two communes, after in
    // one component of 1,500 items × 40 min. CS staff: D1, A1, A2, A4, B1, C1; CONTRACT: B3.
    expect(b.data.workloadNeed.map((w: any) => [w.category, w.workloadHours, w.actualStaff])).toEqual([['CIVIL_SERVANT', 1000, 6], ['CONTRACT', 0, 1]]);
    expect(a.data.workloadNeed).toEqual(b.data.workloadNeed);
    expect(b.data.orgUnits.edges.map((e: any) => e.node.code)).toEqual(['R.D.A', 'R.D.B', 'R.D.C']);
    expect(a.data.orgUnits.edges.map((e: any) => e.node.code)).toEqual(['R.D.AB', 'R.D.C']);

    // A period across the date counts vA's application once, in the unit it sits in at the end.
    const funnel = await server.gql(`{ recruitmentFunnel(unitCode: "R.D", from: "2026-01-01", to: "2026-12-31") { applications byStage { stage count } } }`, {}, admin);
    expect(funnel.data.recruitmentFunnel.applications).toBe(1);
    const before = await server.gql(`{ recruitmentFunnel(unitCode: "R.D.A", from: "2026-01-01", to: "2026-06-30") { applications } }`, {}, admin);
    expect(before.data.recruitmentFunnel.applications).toBe(1);
  });

  it('records the reorganisation as one audit event with its counts', async () => {
    const events = await server.sql<{ subject: string; role: string; unit_code: string; target_id: string; changes: any }>(
      `select subject, role, unit_code, target_id, changes from audit_event where operation = 'reorganizeUnits'`,
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ subject: 'admin-all', role: 'ADMIN', unit_code: 'R.D.AB' });
    expect(events[0].changes).toMatchObject({
      mergedUnitCodes: ['R.D.A', 'R.D.B'],
      effectiveOn: '2026-07-01',
      newUnit: { code: 'R.D.AB', name: 'Xã An Bình' },
      counts: {
        positionsMoved: 6, assignmentsMoved: 8, assignmentsRestarted: 7, vacanciesMoved: 2,
        quotasGiven: 5, workloadComponentsGiven: 1, peopleRehomed: 7, candidatesRehomed: 1, unitsEnded: 2, endedUnits: ['R.D.A', 'R.D.B'],
      },
    });
  });

  it('refuses an already-ended merged code, changing nothing', async () => {
    const counts = await tableCounts(server);
    const res = await server.gql(REORGANIZE, { input: { ...MERGER, newUnit: { ...MERGER.newUnit, code: 'R.D.AC' }, mergedUnitCodes: ['R.D.C', 'R.D.A'], effectiveOn: '2026-08-01' } }, admin);
    expect(res.data.reorganizeUnits.orgUnit).toBeNull();
    expect(res.data.reorganizeUnits.userErrors).toEqual([
      { field: ['input', 'mergedUnitCodes', '1'], code: 'INVALID_STATE', message: 'R.D.A has already ended (its last day is 2026-06-30); reorganise its successor instead' },
    ]);
    const dissolved = await server.gql(DISSOLVE, { input: { code: 'R.D.A', effectiveOn: '2026-08-01' } }, admin);
    expect(dissolved.data.dissolveOrgUnit.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE', field: ['input', 'code'] })]);
    expect(await tableCounts(server)).toEqual(counts);
  });

  describe('access for an HR officer whose token names a merged commune', () => {
    let hrA: string;
    beforeAll(async () => {
      hrA = await server.token(Role.HR_OFFICER, 'R.D.A');
    });

    it('reads the successor\'s subtree after the date, and the old one before it', async () => {
      const me = await server.gql(`{ me { unitCode scopeUnitCodes } }`, {}, hrA);
      expect(me.data.me).toEqual({ unitCode: 'R.D.A', scopeUnitCodes: ['R.D.A', 'R.D.AB'] });
      const after = await server.gql(GAP, { unit: 'R.D.AB', year: 2026, asOf: '2026-07-01' }, hrA);
      expect(after.data.staffingGap).toMatchObject({ quota: 7, filled: 5 });
      const old = await server.gql(GAP, { unit: 'R.D.A', year: 2026, asOf: '2026-06-30' }, hrA);
      expect(old.data.staffingGap).toMatchObject({ quota: 4, filled: 3 });
      const people = await server.gql(`{ people(unitCode: "R.D.AB", first: 20) { totalCount edges { node { fullName } } } }`, {}, hrA);
      // Active here today: A1, A4, B1, B2, B3; recorded here (their office's records moved with the
      // merger) with no active post: A2 (ended 2026-09-30) and A3.
      expect(people.data.people.totalCount).toBe(7);
      const listed = await server.gql(`{ orgUnits(first: 20) { edges { node { code } } } }`, {}, hrA);
      expect(listed.data.orgUnits.edges.map((e: any) => e.node.code)).toEqual(['R.D.AB']);
      const a4 = await server.gql(`query($id: ID!) { node(id: $id) { ... on Person { assignments(activeOnly: false) { position { unit { code } } } } } }`, { id: toGlobalId('Person', world.person.A4) }, hrA);
      expect(a4.data.node.assignments.map((x: any) => x.position.unit.code)).toEqual(['R.D.A', 'R.D.AB']);
    });

    it('still sees nothing outside it', async () => {
      for (const code of ['R.D', 'R.D.C', 'R.T']) {
        const res = await server.gql(GAP, { unit: code, year: 2026, asOf: '2026-07-01' }, hrA);
        expect(errorCode(res)).toBe('FORBIDDEN');
      }
      const hrB = await server.token(Role.HR_OFFICER, 'R.D.B');
      const res = await server.gql(`{ orgUnit(code: "R.D.A") { code } }`, {}, hrB);
      expect(errorCode(res)).toBe('FORBIDDEN'); // the sibling commune's past stays its own
    });

    it('writes nothing in the ended commune', async () => {
      const counts = await tableCounts(server);
      const assign = await server.gql(ASSIGN, { input: { personId: toGlobalId('Person', world.person.A3), positionId: toGlobalId('Position', world.position.pA1), kind: 'PRIMARY', startDate: '2026-05-01' } }, hrA);
      expect(assign.data.assignPerson.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE', field: ['input', 'startDate'] })]);
      const vacancy = await server.gql(
        `mutation($input: OpenVacancyInput!) { openVacancy(input: $input) { userErrors { code } } }`,
        { input: { positionId: toGlobalId('Position', world.position.pA3), openedOn: '2026-06-01' } },
        hrA,
      );
      expect(vacancy.data.openVacancy.userErrors).toEqual([{ code: 'INVALID_STATE' }]);
      const position = await server.gql(
        `mutation($input: CreatePositionInput!) { createPosition(input: $input) { userErrors { code } } }`,
        { input: { unitCode: 'R.D.A', title: 'Mới', category: 'CIVIL_SERVANT', roleFamily: 'IT_SUPPORT', seniority: 'JUNIOR', payCoefficient: 2.34, headcount: 1 } },
        hrA,
      );
      expect(position.data.createPosition.userErrors).toEqual([{ code: 'INVALID_STATE' }]);
      const quota = await server.gql(
        `mutation($input: SetQuotaInput!) { setEstablishmentQuota(input: $input) { userErrors { code } } }`,
        { input: { unitCode: 'R.D.A', year: 2026, category: 'CIVIL_SERVANT', headcount: 9 } },
        hrA,
      );
      expect(quota.data.setEstablishmentQuota.userErrors).toEqual([{ code: 'INVALID_STATE' }]);
      const unit = await server.gql(
        `mutation($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { userErrors { code } } }`,
        { input: { code: 'R.D.A.THON', name: 'Thôn', kind: 'COMMUNE', parentCode: 'R.D.A' } },
        hrA,
      );
      expect(unit.data.createOrgUnit.userErrors).toEqual([{ code: 'INVALID_STATE' }]);
      const person = await server.gql(
        `mutation($input: CreatePersonInput!) { createPerson(input: $input) { userErrors { code } } }`,
        { input: { fullName: 'Người Mới', unitCode: 'R.D.A' } },
        hrA,
      );
      expect(person.data.createPerson.userErrors).toEqual([{ code: 'INVALID_STATE' }]);
      expect(await tableCounts(server)).toEqual(counts);
    });

    it('works in the successor, as the office the commune became', async () => {
      const person = await server.gql(`mutation { createPerson(input: { fullName: "Lý Thị Nhàn" }) { person { id } userErrors { code } } }`, {}, hrA);
      expect(person.data.createPerson.userErrors).toEqual([]);
      const [home] = await server.sql<{ code: string }>(`select u.code from person p join org_unit u on u.id = p.home_unit_id where p.full_name = 'Lý Thị Nhàn'`);
      expect(home.code).toBe('R.D.AB'); // the default recording office is the current one
      const [seat] = await server.sql<{ id: string }>(`select p.id from position p join org_unit u on u.id = p.unit_id where u.code = 'R.D.AB' and p.title = 'Hỗ trợ CNTT'`);
      const res = await server.gql(ASSIGN, { input: { personId: person.data.createPerson.person.id, positionId: toGlobalId('Position', seat.id), kind: 'CONCURRENT', startDate: '2026-11-01' } }, hrA);
      expect(res.data.assignPerson.userErrors).toEqual([]);
      expect(res.data.assignPerson.assignment.position.unit.code).toBe('R.D.AB');
    });
  });

  it('moves a unit under a new parent with a single merged code', async () => {
    const res = await server.gql(
      REORGANIZE,
      { input: { newUnit: { code: 'R.T.C', name: 'Xã Cát', kind: 'COMMUNE', parentCode: 'R.T' }, mergedUnitCodes: ['R.D.C'], effectiveOn: '2026-08-01' } },
      admin,
    );
    expect(res.data.reorganizeUnits).toMatchObject({
      orgUnit: { code: 'R.T.C', validFrom: '2026-08-01', parent: { code: 'R.T' }, predecessors: [{ code: 'R.D.C', validTo: '2026-07-31', successor: { code: 'R.T.C' } }] },
      positionsMoved: 1, assignmentsMoved: 1, vacanciesMoved: 0, userErrors: [],
    });
    // R keeps its total; Huyện Đông gives Xã Cát's quota (1) and C1 to Huyện Tây from 2026-08-01.
    const gapOf = async (asOf: string) => (await server.gql(GAP, { unit: 'R', year: 2026, asOf }, admin)).data.staffingGap;
    const [july, august] = [await gapOf('2026-07-31'), await gapOf('2026-08-01')];
    // R: R.D 2 + R.D.AB 7 + R.D.C 1 + R.T 1 = 11 quota; filled D1, AB 5, C1, T1 = 8.
    expect(july).toMatchObject({ quota: 11, filled: 8 });
    expect(august).toMatchObject({ quota: 11, filled: 8 });
    expect(july.children.map((c: any) => [c.unit.code, c.quota, c.filled])).toEqual([['R.D', 10, 7], ['R.T', 1, 1]]);
    expect(august.children.map((c: any) => [c.unit.code, c.quota, c.filled])).toEqual([['R.D', 9, 6], ['R.T', 2, 2]]);
  });

  it('dissolves the district only once nothing is live in it or below it', async () => {
    const refused = await server.gql(DISSOLVE, { input: { code: 'R.D', effectiveOn: '2026-10-01' } }, admin);
    expect(refused.data.dissolveOrgUnit.orgUnit).toBeNull();
    // Live on 2026-10-01: Xã An Bình; D1 in R.D, A1 ×2, A4, B1 ×2, B2, B3 and Lý Thị Nhàn in R.D.AB = 9 (A2 ended 2026-09-30); vA, vB.
    expect(refused.data.dissolveOrgUnit.userErrors).toEqual([
      {
        field: ['input', 'code'],
        code: 'INVALID_STATE',
        message: 'R.D still has, on 2026-10-01 or later: 1 unit (R.D.AB); 9 assignments (in R.D, R.D.AB); 2 open vacancies (in R.D.AB). Reorganise or end them first',
      },
    ]);

    // Xã An Bình moves under Huyện Tây; the district's own officer leaves on 2026-09-30.
    const moved = await server.gql(
      REORGANIZE,
      { input: { newUnit: { code: 'R.T.AB', name: 'Xã An Bình', kind: 'COMMUNE', parentCode: 'R.T' }, mergedUnitCodes: ['R.D.AB'], effectiveOn: '2026-10-01' } },
      admin,
    );
    expect(moved.data.reorganizeUnits).toMatchObject({ positionsMoved: 6, assignmentsMoved: 8, vacanciesMoved: 2, userErrors: [] });
    const [d1] = await server.sql<{ id: string }>(`select a.id from assignment a where a.person_id = ?`, [world.person.D1]);
    const ended = await server.gql(
      `mutation($input: EndAssignmentInput!) { endAssignment(input: $input) { userErrors { code } } }`,
      { input: { assignmentId: toGlobalId('Assignment', d1.id), endDate: '2026-09-30' } },
      admin,
    );
    expect(ended.data.endAssignment.userErrors).toEqual([]);

    const res = await server.gql(DISSOLVE, { input: { code: 'R.D', effectiveOn: '2026-10-01' } }, admin);
    expect(res.data.dissolveOrgUnit).toEqual({ orgUnit: { code: 'R.D', validTo: '2026-09-30', successor: null }, userErrors: [] });
    const events = await server.sql<{ n: number }>(`select count(*)::int as n from audit_event where operation = 'dissolveOrgUnit' and unit_code = 'R.D'`);
    expect(events[0].n).toBe(1);

    // The province's figures: before, R.D with everything; after, Huyện Tây alone.
    const gapOf = async (asOf: string) => (await server.gql(GAP, { unit: 'R', year: 2026, asOf }, admin)).data.staffingGap;
    const [september, october] = [await gapOf('2026-09-30'), await gapOf('2026-10-01')];
    expect(september.children.map((c: any) => c.unit.code)).toEqual(['R.D', 'R.T']);
    expect(october.children.map((c: any) => c.unit.code)).toEqual(['R.T']);
    // On 2026-09-30: quota R.D 2 + R.D.AB 7 + R.T 1 + R.T.C 1 = 11; filled D1, A1, A2, A4, B1, B2,
    // B3, C1, T1 = 9. On 2026-10-01 R.D's own quota ends with it: R.T.AB 7 + R.T 1 + R.T.C 1 = 9;
    // A2's post ended 2026-09-30 and D1 left, so 7.
    expect(september).toMatchObject({ quota: 11, filled: 9 });
    expect(october).toMatchObject({ quota: 9, filled: 7 });

    // The officer of Xã An follows the chain: Xã An → Xã An Bình (R.D.AB) → Xã An Bình (R.T.AB).
    const hrA = await server.token(Role.HR_OFFICER, 'R.D.A');
    const me = await server.gql(`{ me { scopeUnitCodes } orgUnit(code: "R.T.AB") { predecessors { code } } }`, {}, hrA);
    expect(me.data).toEqual({ me: { scopeUnitCodes: ['R.D.A', 'R.D.AB', 'R.T.AB'] }, orgUnit: { predecessors: [{ code: 'R.D.AB' }] } });
  });

  it('serialises with assignPerson: a racing assignment either lands first and is moved, or is refused; never lost', async () => {
    const hr = await server.token(Role.HR_OFFICER, 'R');
    const outcomes: string[] = [];
    for (let i = 1; i <= 8; i++) {
      const x = `R.T.X${i}`;
      const y = `R.T.Y${i}`;
      const [rt] = await server.sql<{ id: string }>(`select id from org_unit where code = 'R.T'`);
      const [ux] = await server.sql<{ id: string }>(`insert into org_unit (code, name, kind, parent_id) values (?, ?, 'COMMUNE', ?) returning id`, [x, `Xã X${i}`, rt.id]);
      const [uy] = await server.sql<{ id: string }>(`insert into org_unit (code, name, kind, parent_id) values (?, ?, 'COMMUNE', ?) returning id`, [y, `Xã Y${i}`, rt.id]);
      await server.sql(`insert into establishment_quota (unit_id, year, category, headcount) values (?, 2026, 'CIVIL_SERVANT', 3), (?, 2026, 'CIVIL_SERVANT', 3)`, [ux.id, uy.id]);
      const [px] = await server.sql<{ id: string }>(
        `insert into position (unit_id, title, category, role_family, seniority, pay_coefficient, headcount) values (?, 'Văn phòng', 'CIVIL_SERVANT', 'GENERAL_ADMINISTRATION', 'JUNIOR', 2.34, 2) returning id`,
        [ux.id],
      );
      const [py] = await server.sql<{ id: string }>(
        `insert into position (unit_id, title, category, role_family, seniority, pay_coefficient, headcount) values (?, 'Văn phòng', 'CIVIL_SERVANT', 'GENERAL_ADMINISTRATION', 'JUNIOR', 2.34, 2) returning id`,
        [uy.id],
      );
      const [holder] = await server.sql<{ id: string }>(`insert into person (full_name, home_unit_id) values (?, ?) returning id`, [`Cán bộ Y${i}`, uy.id]);
      await server.sql(`insert into assignment (person_id, position_id, kind, start_date) values (?, ?, 'PRIMARY', '2020-01-01')`, [holder.id, py.id]);
      const [newcomer] = await server.sql<{ id: string }>(`insert into person (full_name, home_unit_id) values (?, ?) returning id`, [`Người mới ${i}`, ux.id]);
      // Half the runs: the newcomer already covers Y concurrently, so the merger locks them too.
      if (i % 2 === 0) await server.sql(`insert into assignment (person_id, position_id, kind, start_date) values (?, ?, 'CONCURRENT', '2024-01-01')`, [newcomer.id, py.id]);
      const startDate = i % 4 < 2 ? '2026-06-15' : '2026-08-01';

      const [assigned, reorganised] = await Promise.all([
        server.gql(ASSIGN, { input: { personId: toGlobalId('Person', newcomer.id), positionId: toGlobalId('Position', px.id), kind: 'PRIMARY', startDate } }, hr),
        server.gql(REORGANIZE, { input: { newUnit: { code: `R.T.XY${i}`, name: `Xã XY${i}`, kind: 'COMMUNE', parentCode: 'R.T' }, mergedUnitCodes: [x, y], effectiveOn: '2026-07-01' } }, admin),
      ]);
      expect(reorganised.errors).toBeUndefined();
      expect(reorganised.data.reorganizeUnits.userErrors).toEqual([]);
      expect(assigned.errors).toBeUndefined();
      const primaries = await server.sql<{ code: string; start_date: string; end_date: string | null }>(
        `select u.code, a.start_date::text, a.end_date::text from assignment a join position p on p.id = a.position_id join org_unit u on u.id = p.unit_id
         where a.person_id = ? and a.kind = 'PRIMARY' order by a.start_date`,
        [newcomer.id],
      );
      const base = 1 + (i % 2 === 0 ? 1 : 0); // the holder's PRIMARY, and the newcomer's concurrent post
      if (assigned.data.assignPerson.userErrors.length === 0) {
        // Landed first: the merger found it and moved it, so it counts in the new unit.
        outcomes.push('moved');
        expect(reorganised.data.reorganizeUnits.assignmentsMoved).toBe(base + 1);
        expect(primaries).toEqual(
          startDate === '2026-06-15'
            ? [{ code: x, start_date: '2026-06-15', end_date: '2026-06-30' }, { code: `R.T.XY${i}`, start_date: '2026-07-01', end_date: null }]
            : [{ code: `R.T.XY${i}`, start_date: '2026-08-01', end_date: null }],
        );
      } else {
        // Came second: refused, and nothing of it exists.
        outcomes.push('refused');
        expect(assigned.data.assignPerson.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE', field: ['input', 'startDate'] })]);
        expect(reorganised.data.reorganizeUnits.assignmentsMoved).toBe(base);
        expect(primaries).toEqual([]);
      }
    }
    console.log(`assignPerson racing reorganizeUnits, 8 runs: ${outcomes.join(', ')}`);
  });

  it('reorganises a unit of 2,000 people (timed)', async () => {
    const [r] = await server.sql<{ id: string }>(`select id from org_unit where code = 'R'`);
    const [big] = await server.sql<{ id: string }>(`insert into org_unit (code, name, kind, parent_id) values ('R.BIG', 'Phường Lớn', 'WARD', ?) returning id`, [r.id]);
    await server.sql(`insert into establishment_quota (unit_id, year, category, headcount) values (?, 2026, 'CIVIL_SERVANT', 2000), (?, 2027, 'CIVIL_SERVANT', 2000)`, [big.id, big.id]);
    await server.sql(
      `insert into position (unit_id, title, category, role_family, seniority, pay_coefficient, headcount)
       select ?, 'Vị trí ' || i, 'CIVIL_SERVANT', case when i % 4 = 0 then 'IT_SUPPORT' else 'GENERAL_ADMINISTRATION' end, 'JUNIOR', 2.34, 2 from generate_series(1, 1000) i`,
      [big.id],
    );
    await server.sql(`insert into position_requirement (position_id, competency_id, level) select p.id, ?, 2 from position p where p.unit_id = ?`, [world.competency.DATA, big.id]);
    await server.sql(`insert into person (full_name, home_unit_id) select 'Cán bộ lớn ' || i, ? from generate_series(1, 2000) i`, [big.id]);
    await server.sql(
      `insert into assignment (person_id, position_id, kind, start_date)
       select pe.id, p.id, 'PRIMARY', '2020-01-01'
       from (select id, row_number() over (order by id) as n from person where full_name like 'Cán bộ lớn %') pe
       join (select id, row_number() over (order by id) as n from position where unit_id = ?) p on p.n = (pe.n + 1) / 2`,
      [big.id],
    );
    await server.sql(`insert into vacancy (position_id, status, opened_on) select id, 'OPEN', '2026-05-01' from position where unit_id = ? and title like 'Vị trí %0'`, [big.id]);
    await server.sql('analyze');

    const started = performance.now();
    const res = await server.gql(
      REORGANIZE,
      { input: { newUnit: { code: 'R.BIG2', name: 'Phường Lớn Mới', kind: 'WARD', parentCode: 'R' }, mergedUnitCodes: ['R.BIG'], effectiveOn: '2026-07-01' } },
      admin,
    );
    const ms = performance.now() - started;
    expect(res.data.reorganizeUnits).toMatchObject({ positionsMoved: 1000, assignmentsMoved: 2000, vacanciesMoved: 100, userErrors: [] });
    console.log(`reorganizeUnits of a unit of 2,000 people (1,000 positions, 100 open vacancies): ${ms.toFixed(0)} ms over HTTP, ${res.statements} SQL statements`);
    const gap = await server.gql(GAP, { unit: 'R.BIG2', year: 2026, asOf: '2026-07-01' }, admin);
    expect(gap.data.staffingGap).toMatchObject({ quota: 2000, filled: 2000, openVacancies: 100 });
  });
});

/**
 * The README's tour of the demo's 2025 reform: the demo sits on the country's map, its old units
 * keep the history and today's hold the live state; Quận 1 dissolved, its wards merged under the city.
 */
describe('the demo\'s 2025 reform, before and after', () => {
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    server = await startTestServer();
    await seedIfEmpty(server.orm, createLogger('silent'));
    admin = await server.token(Role.ADMIN);
  }, 180_000);
  afterAll(() => server.close());

  it('gives the README\'s figures on the day before and on the day', async () => {
    const q = `query($unit: String!, $asOf: LocalDate) { staffingGap(unitCode: $unit, year: 2025, asOf: $asOf) { quota filled children { unit { code } quota filled } } }`;
    const before = (await server.gql(q, { unit: 'VN.HO_CHI_MINH', asOf: '2025-06-30' }, admin)).data.staffingGap;
    const after = (await server.gql(q, { unit: 'VN.HCM', asOf: '2025-07-01' }, admin)).data.staffingGap;
    const child = (gap: any, code: string) => gap.children.find((c: any) => c.unit.code === code);
    expect(child(before, 'VN.HO_CHI_MINH.Q1')).toMatchObject({ quota: 38, filled: 32 });
    expect(child(after, 'VN.HCM.SAI_GON')).toMatchObject({ quota: 9, filled: 8 });
    expect(child(after, 'VN.HCM.TAN_DINH')).toMatchObject({ quota: 6, filled: 4 });
    expect(child(after, 'VN.HCM.BEN_THANH')).toMatchObject({ quota: 8, filled: 7 });
    // What Quận 1 held itself (a 2025 quota of 15, 13 officers) ended with it; the rest moved whole.
    expect(before.quota - after.quota).toBe(15);
    expect(before.filled - after.filled).toBe(13);
    const nhaBe = child(before, 'VN.HO_CHI_MINH.NHA_BE');
    const [xaNhaBe, hiepPhuoc] = [child(after, 'VN.HCM.NHA_BE'), child(after, 'VN.HCM.HIEP_PHUOC')];
    expect(xaNhaBe.quota + hiepPhuoc.quota).toBe(nhaBe.quota);
    expect(xaNhaBe.filled + hiepPhuoc.filled).toBe(nhaBe.filled);
    for (const code of ['SO_TTTT', 'SO_KHCN', 'SO_NOI_VU']) {
      expect({ ...child(after, `VN.HCM.${code}`), unit: null }).toEqual({ ...child(before, `VN.HO_CHI_MINH.${code}`), unit: null });
    }
  });

  it('links the old wards to the new ones, and lets the old office read its successor', async () => {
    const res = await server.gql(
      `{ saiGon: orgUnit(code: "VN.HCM.SAI_GON") { validFrom predecessors { code validTo } }
         q1: orgUnit(code: "VN.HO_CHI_MINH.Q1") { validTo successor { code } children(includeEnded: true) { edges { node { code successor { code } } } } } }`,
      {},
      admin,
    );
    expect(res.data.saiGon).toEqual({ validFrom: '2025-07-01', predecessors: [{ code: 'VN.HO_CHI_MINH.Q1.BEN_NGHE', validTo: '2025-06-30' }] });
    expect(res.data.q1).toMatchObject({ validTo: '2025-06-30', successor: null });
    const successors = Object.fromEntries(res.data.q1.children.edges.map((e: any) => [e.node.code, e.node.successor.code]));
    expect(successors).toMatchObject({
      'VN.HO_CHI_MINH.Q1.BEN_NGHE': 'VN.HCM.SAI_GON',
      'VN.HO_CHI_MINH.Q1.BEN_THANH': 'VN.HCM.BEN_THANH',
      'VN.HO_CHI_MINH.Q1.DA_KAO': 'VN.HCM.TAN_DINH',
    });
    const hr = await server.token(Role.HR_OFFICER, 'VN.HO_CHI_MINH.Q1.BEN_NGHE');
    const me = await server.gql(`{ me { scopeUnitCodes } staffingGap(unitCode: "VN.HCM.SAI_GON", year: 2025, asOf: "2025-07-01") { quota filled } }`, {}, hr);
    expect(me.data).toEqual({ me: { scopeUnitCodes: ['VN.HO_CHI_MINH.Q1.BEN_NGHE', 'VN.HCM.SAI_GON'] }, staffingGap: { quota: 9, filled: 8 } });
    const audit = await server.sql<{ operation: string; unit_code: string }>(`select operation, unit_code from audit_event where subject = 'demo-seed' order by id`);
    expect(audit.map((e) => e.operation)).toEqual(Array(14).fill('moveIntoSuccessor'));
    expect(audit.map((e) => e.unit_code)).toEqual(expect.arrayContaining(['VN.HCM.NHA_BE', 'VN.HCM.HIEP_PHUOC', 'VN.HCM.SAI_GON', 'VN.HCM.TAN_DINH', 'VN.BNH.TU_SON', 'VN.HCM.SO_TTTT']));
    // Nothing of the old units is live after the reform: their assignments and vacancies moved or ended.
    const [live] = await server.sql<{ assignments: number; vacancies: number }>(
      `select (select count(*)::int from assignment a join position p on p.id = a.position_id join org_unit u on u.id = p.unit_id
                where u.valid_to is not null and (a.end_date is null or a.end_date >= '2025-07-01')) as assignments,
              (select count(*)::int from vacancy v join position p on p.id = v.position_id join org_unit u on u.id = p.unit_id
                where u.valid_to is not null and (v.opened_on >= '2025-07-01' or coalesce(v.closed_on, v.filled_on) >= '2025-07-01'
                      or v.status in ('OPEN', 'INTERVIEWING', 'OFFERED'))) as vacancies`,
    );
    expect(live).toEqual({ assignments: 0, vacancies: 0 });
  });

  it('keeps the live state on today\'s real units, and the history on the old ones, closed on 2025-06-30 with successors', async () => {
    const country = new Map(buildCountry().units.map((u) => [u.code, u]));
    const held = await server.sql<{ code: string; kind: string; gso_code: string | null; valid_from: string | null; valid_to: string | null; parent: string }>(
      `select distinct u.code, u.kind, u.gso_code, u.valid_from::text, u.valid_to::text, pu.code as parent
       from assignment a join position p on p.id = a.position_id join org_unit u on u.id = p.unit_id join org_unit pu on pu.id = u.parent_id
       where a.end_date is null or a.end_date >= ?::date order by u.code`,
      [AS_OF],
    );
    expect(held.length).toBeGreaterThan(10);
    for (const u of held) {
      expect({ code: u.code, validFrom: u.valid_from, validTo: u.valid_to }).toEqual({ code: u.code, validFrom: '2025-07-01', validTo: null });
      if (u.kind === 'DEPARTMENT' || u.kind === 'PUBLIC_SERVICE_UNIT') {
        expect(['VN.HCM', 'VN.BNH', 'VN.HCM.SO_TTTT']).toContain(u.parent);
      } else {
        // A commune or ward of today's map, with the GSO code the package gives it.
        expect(u.gso_code).toMatch(/^[0-9]{5}$/);
        expect(u.gso_code).toBe(country.get(u.code)?.gsoCode);
      }
    }
    expect(held.map((u) => u.code)).toEqual(expect.arrayContaining(['VN.HCM.NHA_BE', 'VN.HCM.HIEP_PHUOC', 'VN.BNH.TU_SON', 'VN.HCM.SO_TTTT.TT_CDS']));
    const old = await server.sql<{ code: string; kind: string; valid_to: string | null; successor: string | null }>(
      `select distinct u.code, u.kind, u.valid_to::text, s.code as successor
       from position p join org_unit u on u.id = p.unit_id left join org_unit s on s.id = u.successor_id
       where u.valid_from is distinct from '2025-07-01' order by u.code`,
    );
    expect(old.length).toBeGreaterThan(20);
    for (const u of old) {
      expect({ code: u.code, validTo: u.valid_to }).toEqual({ code: u.code, validTo: '2025-06-30' });
      // Districts were abolished (no successor on the map); every commune, ward and department has one.
      if (u.kind !== 'DISTRICT') expect({ code: u.code, successor: u.successor }).toEqual({ code: u.code, successor: expect.stringMatching(/^VN\.(HCM|BNH)\./) });
      if (country.has(u.code)) expect(u.successor).toBe(country.get(u.code)!.successorCode);
    }
  });
});
