import { RECONCILE_VACANCIES_SQL } from '../migrations/Migration20261203000000_records_stay_true';
import { seedIfEmpty } from '../src/app/seed';
import { Role } from '../src/graphql/enums';
import { toGlobalId } from '../src/graphql/global-id';
import { createLogger } from '../src/logger';
import { dayBefore, today } from '../src/shared/today';
import { errorCode, startTestServer, TestServer } from './helpers/harness';
import { buildWorld, World } from './helpers/world';

/**
 * Contract v2: separations (endAssignment's reason), transferPerson through the one take-a-seat
 * command, and vacancies that match seats on every PRIMARY path. Real tokens, real HTTP.
 */
const PAYLOAD = `assignment { id kind startDate endDate endReason destinationSector person { fullName } position { title } }
  filledVacancy { id status filledOn filledBy { id } }
  userErrors { field code message }`;
const TRANSFER = `mutation($input: TransferPersonInput!) { transferPerson(input: $input) { ${PAYLOAD} } }`;
const ASSIGN = `mutation($input: AssignPersonInput!) { assignPerson(input: $input) { ${PAYLOAD} } }`;
const END = `mutation($input: EndAssignmentInput!) { endAssignment(input: $input) { ${PAYLOAD} } }`;
const OPEN = `mutation($input: OpenVacancyInput!) { openVacancy(input: $input) { vacancy { id status } userErrors { field code message } } }`;

async function insertId(server: TestServer, sql: string, params: unknown[]): Promise<string> {
  const [row] = await server.sql<{ id: string }>(`${sql} returning id`, params);
  return String(row.id);
}

describe('separations, transfers and vacancies that match seats', () => {
  let server: TestServer;
  let world: World;
  let hr: string;
  const person = (key: string) => toGlobalId('Person', world.person[key]);
  const position = (key: string) => toGlobalId('Position', world.position[key]);
  const primaryOf = async (personId: string) =>
    server.sql<{ id: string; position_id: string; start_date: string; end_date: string | null; end_reason: string | null }>(
      `select id, position_id, start_date::text, end_date::text, end_reason from assignment where person_id = ? and kind = 'PRIMARY' order by start_date`,
      [personId],
    );

  beforeAll(async () => {
    server = await startTestServer();
    world = await buildWorld(server.sql);
    hr = await server.token(Role.HR_OFFICER, 'PROV');
  });
  afterAll(() => server.close());

  describe('endAssignment: the reason and where a leaver went', () => {
    it('records reason and destinationSector, and Assignment shows them, in lists too', async () => {
      const [g] = await primaryOf(world.person.G);
      const res = await server.gql(END, { input: { assignmentId: toGlobalId('Assignment', g.id), endDate: '2026-11-30', reason: 'RESIGNATION', destinationSector: 'PRIVATE' } }, hr);
      expect(res.data.endAssignment.userErrors).toEqual([]);
      expect(res.data.endAssignment.assignment).toMatchObject({ endDate: '2026-11-30', endReason: 'RESIGNATION', destinationSector: 'PRIVATE' });
      const [audit] = await server.sql<{ changes: any }>(`select changes from audit_event where operation = 'endAssignment' order by id desc limit 1`);
      expect(audit.changes).toEqual({
        before: { endDate: null, endReason: null, destinationSector: null },
        after: { endDate: '2026-11-30', endReason: 'RESIGNATION', destinationSector: 'PRIVATE' },
      });
      const list = await server.gql(`{ positions(unitCode: "PROV.D1.W2") { edges { node { assignments(activeOnly: false) { endReason destinationSector person { fullName } } } } } }`, {}, hr);
      const seats = list.data.positions.edges.flatMap((e: any) => e.node.assignments);
      expect(seats).toContainEqual({ endReason: 'RESIGNATION', destinationSector: 'PRIVATE', person: { fullName: 'Đặng Thị Giang' } });
    });

    it('refuses a reason for an assignment already ended (its field path), and changes nothing', async () => {
      const [g] = await primaryOf(world.person.G);
      const res = await server.gql(END, { input: { assignmentId: toGlobalId('Assignment', g.id), endDate: '2026-12-01', reason: 'RETIREMENT' } }, hr);
      expect(res.data.endAssignment.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE', field: ['input', 'reason'] })]);
      expect((await primaryOf(world.person.G))[0]).toMatchObject({ end_date: '2026-11-30', end_reason: 'RESIGNATION' });
    });
  });

  describe('transferPerson', () => {
    let applicationId: string;
    beforeAll(async () => {
      // v2 (INTERVIEWING, pD1a) has a live application, which a seat filling v2 must close.
      const candidate = await insertId(server, `insert into candidate (full_name, current_sector, home_unit_id) values ('Ứng Viên Một', 'PRIVATE', ?)`, [world.unit['PROV.D1']]);
      applicationId = await insertId(server, `insert into application (candidate_id, vacancy_id, stage, applied_on) values (?, ?, 'INTERVIEW', '2025-11-10')`, [candidate, world.vacancy.v2]);
    });

    it('ends the old PRIMARY the day before (TRANSFER), starts the new one, and fills the vacancy the seat stood for', async () => {
      // H holds pD2a in PROV.D2; pD1a (headcount 2) has A and one free seat, which v2 stands for.
      const res = await server.gql(TRANSFER, { input: { personId: person('H'), toPositionId: position('pD1a'), effectiveOn: today() } }, hr);
      const payload = res.data.transferPerson;
      expect(payload.userErrors).toEqual([]);
      expect(payload.assignment).toMatchObject({ kind: 'PRIMARY', startDate: today(), endDate: null, person: { fullName: 'Vũ Văn Hùng' }, position: { title: 'Chuyên viên CNTT' } });
      expect(payload.filledVacancy).toEqual({ id: toGlobalId('Vacancy', world.vacancy.v2), status: 'FILLED', filledOn: today(), filledBy: { id: payload.assignment.id } });
      const [old, now] = await primaryOf(world.person.H);
      expect(old).toMatchObject({ position_id: world.position.pD2a, end_date: dayBefore(today()), end_reason: 'TRANSFER' });
      expect(now).toMatchObject({ position_id: world.position.pD1a, end_date: null });
      const app = await server.gql(`query($id: ID!) { node(id: $id) { ... on Application { stage history { toStage note } } } }`, { id: toGlobalId('Application', applicationId) }, hr);
      expect(app.data.node.stage).toBe('REJECTED');
      expect(app.data.node.history.at(-1)).toEqual({ toStage: 'REJECTED', note: expect.stringContaining('filled') });
      const [audit] = await server.sql<{ changes: any }>(`select changes from audit_event where operation = 'transferPerson' order by id desc limit 1`);
      expect(audit.changes.before).toMatchObject({ endDate: null, endReason: null });
      expect(audit.changes.after).toMatchObject({ endDate: dayBefore(today()), endReason: 'TRANSFER' });
    });

    it('refuses bad transfers with their field paths and changes nothing', async () => {
      const before = await primaryOf(world.person.A);
      const cases: Array<[Record<string, unknown>, string, string[]]> = [
        [{ personId: person('A'), toPositionId: position('pD1a'), effectiveOn: today() }, 'BAD_USER_INPUT', ['input', 'toPositionId']],
        [{ personId: person('A'), toPositionId: position('pD1b'), effectiveOn: '2020-01-01' }, 'BAD_USER_INPUT', ['input', 'effectiveOn']],
        [{ personId: person('A'), toPositionId: position('pD1b'), effectiveOn: '2019-06-01' }, 'INVALID_STATE', ['input', 'effectiveOn']],
        [{ personId: person('FREE'), toPositionId: position('pD1b'), effectiveOn: today() }, 'INVALID_STATE', ['input', 'effectiveOn']],
      ];
      for (const [input, code, field] of cases) {
        const res = await server.gql(TRANSFER, { input }, hr);
        expect(res.data.transferPerson.userErrors).toEqual([expect.objectContaining({ code, field })]);
      }
      expect(await primaryOf(world.person.A)).toEqual(before);
    });

    it('needs both positions in the caller\'s subtree', async () => {
      const d1 = await server.token(Role.HR_OFFICER, 'PROV.D1');
      const res = await server.gql(TRANSFER, { input: { personId: person('C'), toPositionId: position('pD2a'), effectiveOn: today() } }, d1);
      expect(errorCode(res)).toBe('FORBIDDEN');
      const analyst = await server.gql(TRANSFER, { input: { personId: person('C'), toPositionId: position('pD2a'), effectiveOn: today() } }, await server.token(Role.ANALYST, 'PROV'));
      expect(errorCode(analyst)).toBe('FORBIDDEN');
    });

    it('five concurrent transfers into the last seat: exactly one wins; the losers keep their old assignments untouched', async () => {
      const race = await insertId(server, `insert into org_unit (code, name, kind, parent_id) values ('PROV.RACE', 'Đích', 'DEPARTMENT', ?)`, [world.unit.PROV]);
      const source = await insertId(server, `insert into org_unit (code, name, kind, parent_id) values ('PROV.SRC', 'Nguồn', 'DEPARTMENT', ?)`, [world.unit.PROV]);
      await server.sql(`insert into establishment_quota (unit_id, year, category, headcount) values (?, 2026, 'CIVIL_SERVANT', 1), (?, 2026, 'CIVIL_SERVANT', 5)`, [race, source]);
      const target = await insertId(server, `insert into position (unit_id, title, category, role_family, seniority, pay_coefficient, headcount) values (?, 'Đích', 'CIVIL_SERVANT', 'IT_SUPPORT', 'JUNIOR', 2.34, 5)`, [race]);
      const from = await insertId(server, `insert into position (unit_id, title, category, role_family, seniority, pay_coefficient, headcount) values (?, 'Nguồn', 'CIVIL_SERVANT', 'IT_SUPPORT', 'JUNIOR', 2.34, 5)`, [source]);
      const people: string[] = [];
      for (let i = 0; i < 5; i++) {
        const id = await insertId(server, `insert into person (full_name, home_unit_id) values (?, ?)`, [`Người Đua ${i}`, source]);
        await server.sql(`insert into assignment (person_id, position_id, kind, start_date) values (?, ?, 'PRIMARY', '2020-01-01')`, [id, from]);
        people.push(id);
      }
      const snapshot = () => server.sql(`select id, person_id, position_id, start_date::text, end_date::text, end_reason from assignment where person_id = any(?::bigint[]) order by id`, [people]);
      const before = await snapshot();
      const results = await Promise.all(people.map((id) => server.gql(TRANSFER, { input: { personId: toGlobalId('Person', id), toPositionId: toGlobalId('Position', target), effectiveOn: today() } }, hr)));
      const codes = results.map((r) => r.data.transferPerson.userErrors[0]?.code ?? 'OK').sort();
      expect(codes).toEqual(['OK', 'QUOTA_EXCEEDED', 'QUOTA_EXCEEDED', 'QUOTA_EXCEEDED', 'QUOTA_EXCEEDED']);
      const winner = people[results.findIndex((r) => r.data.transferPerson.userErrors.length === 0)];
      const after = await snapshot();
      expect(after.filter((a: any) => String(a.person_id) !== winner)).toEqual(before.filter((a: any) => String(a.person_id) !== winner));
      expect(after.filter((a: any) => String(a.person_id) === winner).map((a: any) => [String(a.position_id), a.end_reason])).toEqual([[from, 'TRANSFER'], [target, null]]);
    });
  });

  describe('openVacancy and the fill rule on every PRIMARY path', () => {
    it('refuses a second vacancy on a one-seat position whose vacancy is open (the issue\'s Open 2 against Gap 1)', async () => {
      // pW1b: headcount 1, held only concurrently (E), v1 OPEN.
      const res = await server.gql(OPEN, { input: { positionId: position('pW1b'), openedOn: today() } }, hr);
      expect(res.data.openVacancy.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE', field: ['input', 'positionId'] })]);
      const [n] = await server.sql<{ n: number }>(`select count(*)::int as n from vacancy where position_id = ?`, [world.position.pW1b]);
      expect(n.n).toBe(1);
    });

    it('counts a holder whose end date is set as a free seat, so recruiting may start ahead of time', async () => {
      // pD1b: headcount 1, C holds it; no vacancy may open until C's end is known.
      const refused = await server.gql(OPEN, { input: { positionId: position('pD1b'), openedOn: today() } }, hr);
      expect(refused.data.openVacancy.userErrors[0].code).toBe('INVALID_STATE');
      const [c] = await primaryOf(world.person.C);
      await server.gql(END, { input: { assignmentId: toGlobalId('Assignment', c.id), endDate: '2027-06-30', reason: 'RETIREMENT' } }, hr);
      const opened = await server.gql(OPEN, { input: { positionId: position('pD1b'), openedOn: today() } }, hr);
      expect(opened.data.openVacancy.userErrors).toEqual([]);
    });

    it('assignPerson of a PRIMARY holder fills the oldest live vacancy; a CONCURRENT one does not', async () => {
      await server.sql(`update establishment_quota set headcount = 3 where unit_id = ? and year = 2026`, [world.unit['PROV.D1.W1']]);
      const concurrent = await server.gql(ASSIGN, { input: { personId: person('F'), positionId: position('pW1b'), kind: 'CONCURRENT', startDate: today() } }, hr);
      expect(concurrent.data.assignPerson.filledVacancy).toBeNull();
      const res = await server.gql(ASSIGN, { input: { personId: person('FREE'), positionId: position('pW1b'), kind: 'PRIMARY', startDate: today() } }, hr);
      expect(res.data.assignPerson.userErrors).toEqual([]);
      expect(res.data.assignPerson.filledVacancy).toEqual({ id: toGlobalId('Vacancy', world.vacancy.v1), status: 'FILLED', filledOn: today(), filledBy: { id: res.data.assignPerson.assignment.id } });
      const vacancy = await server.gql(`query($id: ID!) { node(id: $id) { ... on Vacancy { status filledBy { person { fullName } } } } }`, { id: toGlobalId('Vacancy', world.vacancy.v1) }, hr);
      expect(vacancy.data.node).toEqual({ status: 'FILLED', filledBy: { person: { fullName: 'Dương Văn Tự' } } });
    });

    it('a refused seat fills nothing', async () => {
      const [v] = await server.sql<{ id: string }>(`select id from vacancy where position_id = ? and status = 'OPEN'`, [world.position.pD1b]);
      // D1's quota (3) is used up by A, C and H.
      const res = await server.gql(ASSIGN, { input: { personId: person('B'), positionId: position('pD1b'), kind: 'PRIMARY', startDate: today() } }, hr);
      expect(res.data.assignPerson.userErrors[0].code).toBe('QUOTA_EXCEEDED');
      const [after] = await server.sql<{ status: string }>(`select status from vacancy where id = ?`, [v.id]);
      expect(after.status).toBe('OPEN');
    });
  });

  describe('the migration\'s reconciliation of rows that break the rule', () => {
    it('fills the oldest surplus vacancy with a holder, cancels the surplus it cannot pair, closes their applications, and audits each', async () => {
      const unit = await insertId(server, `insert into org_unit (code, name, kind, parent_id) values ('PROV.OLD', 'Cũ', 'DEPARTMENT', ?)`, [world.unit.PROV]);
      const post = await insertId(server, `insert into position (unit_id, title, category, role_family, seniority, pay_coefficient, headcount) values (?, 'Một ghế', 'CIVIL_SERVANT', 'IT_SUPPORT', 'JUNIOR', 2.34, 1)`, [unit]);
      const holder = await insertId(server, `insert into person (full_name, home_unit_id) values ('Người Giữ Ghế', ?)`, [unit]);
      const seat = await insertId(server, `insert into assignment (person_id, position_id, kind, start_date) values (?, ?, 'PRIMARY', '2024-03-01')`, [holder, post]);
      const older = await insertId(server, `insert into vacancy (position_id, status, opened_on) values (?, 'OPEN', '2024-01-01')`, [post]);
      const newer = await insertId(server, `insert into vacancy (position_id, status, opened_on) values (?, 'INTERVIEWING', '2024-02-01')`, [post]);
      const candidate = await insertId(server, `insert into candidate (full_name, current_sector, home_unit_id) values ('Ứng Viên Hai', 'PRIVATE', ?)`, [unit]);
      const application = await insertId(server, `insert into application (candidate_id, vacancy_id, stage, applied_on) values (?, ?, 'INTERVIEW', '2024-02-10')`, [candidate, newer]);
      await server.sql(RECONCILE_VACANCIES_SQL);
      const rows = await server.sql<{ id: string; status: string; filled_by_assignment_id: string | null; filled_on: string | null }>(
        `select id, status, filled_by_assignment_id, filled_on::text from vacancy where position_id = ? order by id`, [post],
      );
      expect(rows).toEqual([
        { id: older, status: 'FILLED', filled_by_assignment_id: seat, filled_on: '2024-03-01' },
        { id: newer, status: 'CANCELLED', filled_by_assignment_id: null, filled_on: null },
      ]);
      const [app] = await server.sql<{ stage: string }>('select stage from application where id = ?', [application]);
      expect(app.stage).toBe('REJECTED');
      const audits = await server.sql<{ target_id: string; changes: any }>(`select target_id, changes from audit_event where operation = 'reconcileVacancies' and unit_code = 'PROV.OLD' order by target_id`);
      expect(audits.map((a) => a.target_id).sort()).toEqual([toGlobalId('Vacancy', older), toGlobalId('Vacancy', newer)].sort());
      expect(audits.find((a) => a.target_id === toGlobalId('Vacancy', older))!.changes.after).toMatchObject({ status: 'FILLED', filledBy: toGlobalId('Assignment', seat) });
      // Nothing else in the world broke the rule, so nothing else changed.
      const [others] = await server.sql<{ n: number }>(`select count(*)::int as n from audit_event where operation = 'reconcileVacancies' and unit_code <> 'PROV.OLD'`);
      expect(others.n).toBe(0);
    });
  });
});

describe('the demo city satisfies the vacancy rule after seeding', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    await seedIfEmpty(server.orm, createLogger('silent'));
  }, 180_000);
  afterAll(() => server.close());

  it('has no position with more live vacancies than free seats today', async () => {
    const rows = await server.sql(
      `select p.id, p.headcount,
              (select count(*) from vacancy v where v.position_id = p.id and v.status in ('OPEN','INTERVIEWING','OFFERED'))::int as live,
              (select count(*) from assignment a where a.position_id = p.id and a.kind = 'PRIMARY' and a.start_date <= current_date and a.end_date is null)::int as held
       from position p`,
    );
    expect(rows.length).toBeGreaterThan(50);
    expect(rows.filter((r: any) => r.live > Math.max(r.headcount - r.held, 0))).toEqual([]);
  });

  it('gives every ended PRIMARY assignment a reason', async () => {
    const [row] = await server.sql<{ ended: number; without: number; private_it: number; private_other: number }>(
      `select count(*)::int as ended, count(*) filter (where a.end_reason is null)::int as without
       from assignment a where a.kind = 'PRIMARY' and a.end_date is not null and a.end_date < current_date`,
    );
    expect(row.ended).toBeGreaterThan(10);
    expect(row.without).toBe(0);
    // The illustrative mix sends IT leavers to the private sector more often than others.
    const shares = await server.sql<{ it: boolean; to_private: number }>(
      `select p.is_it_specialist as it, avg((a.destination_sector = 'PRIVATE')::int)::float as to_private
       from assignment a join position p on p.id = a.position_id where a.end_reason = 'RESIGNATION' group by p.is_it_specialist`,
    );
    const share = (it: boolean) => shares.find((s) => s.it === it)!.to_private;
    expect(share(true)).toBeGreaterThan(share(false));
  });
});
