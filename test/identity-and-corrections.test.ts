import { Role } from '../src/graphql/enums';
import { toGlobalId } from '../src/graphql/global-id';
import { today } from '../src/shared/today';
import { errorCode, startTestServer, TestServer } from './helpers/harness';
import { buildWorld, World } from './helpers/world';

/**
 * Contract v2, "identity and corrections": nationalId, sex, birthDate and retirementDate;
 * updatePerson; recordCompetency and its history. Through GraphQL with real tokens, on the
 * hand-built world of test/helpers/world.ts.
 */
const CREATE = `mutation($input: CreatePersonInput!) {
  createPerson(input: $input) { person { id fullName birthYear birthDate sex nationalId retirementDate } userErrors { field code message } }
}`;
const UPDATE = `mutation($input: UpdatePersonInput!) {
  updatePerson(input: $input) { person { id fullName birthYear birthDate sex nationalId retirementDate } userErrors { field code message } }
}`;
const RECORD = `mutation($input: RecordCompetencyInput!) {
  recordCompetency(input: $input) {
    person { competencies { level competency { code } } competencyHistory { level recordedOn source note competency { code } } }
    userErrors { field code message }
  }
}`;
const tomorrow = () => {
  const d = new Date(`${today()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

describe('records that stay true: identity, corrections, competency history', () => {
  let server: TestServer;
  let world: World;
  let hr: string;
  const person = (key: string) => toGlobalId('Person', world.person[key]);

  beforeAll(async () => {
    server = await startTestServer();
    world = await buildWorld(server.sql);
    hr = await server.token(Role.HR_OFFICER, 'PROV');
  });
  afterAll(() => server.close());

  it('records a CCCD, sex and birth date; birthYear follows the date; the retirement date comes from the SQL function', async () => {
    const res = await server.gql(CREATE, { input: { fullName: 'Lý Văn Mười', unitCode: 'PROV.D1', nationalId: '001064000123', sex: 'MALE', birthDate: '1964-03-15' } }, hr);
    expect(res.data.createPerson.userErrors).toEqual([]);
    // The contract's example: a man born 1964-03-15 retires on 2025-07-01.
    expect(res.data.createPerson.person).toMatchObject({ birthYear: 1964, birthDate: '1964-03-15', sex: 'MALE', nationalId: '001064000123', retirementDate: '2025-07-01' });
    const [row] = await server.sql<{ d: string }>(`select retirement_date('MALE', '1964-03-15', 1964)::text as d`);
    expect(row.d).toBe('2025-07-01');
  });

  it('gives a birthYear-only person July of that year, and no date without a recorded sex', async () => {
    const woman = await server.gql(CREATE, { input: { fullName: 'Tạ Thị Năm', unitCode: 'PROV.D1', sex: 'FEMALE', birthYear: 1975 } }, hr);
    const [expected] = await server.sql<{ d: string }>(`select retirement_date('FEMALE', null, 1975)::text as d`);
    expect(woman.data.createPerson.person.retirementDate).toBe(expected.d);
    // Taken as born July 1975: 2034's age (716 months) would fall in 2035-03, outside 2034; 2035's
    // (720 months, 60 years) falls in 2035-07, so she retires on 2035-08-01.
    expect(expected.d).toBe('2035-08-01');
    const unknownSex = await server.gql(CREATE, { input: { fullName: 'Không Rõ', unitCode: 'PROV.D1', birthYear: 1970 } }, hr);
    expect(unknownSex.data.createPerson.person.retirementDate).toBeNull();
    const noBirth = await server.gql(CREATE, { input: { fullName: 'Không Tuổi', unitCode: 'PROV.D1', sex: 'MALE' } }, hr);
    expect(noBirth.data.createPerson.person.retirementDate).toBeNull();
  });

  it('refuses a second person with the same nationalId (CONFLICT) and a malformed one, and changes nothing', async () => {
    const before = await server.sql<{ n: number }>('select count(*)::int as n from person');
    const dup = await server.gql(CREATE, { input: { fullName: 'Trùng Số', unitCode: 'PROV.D1', nationalId: '001064000123' } }, hr);
    expect(dup.data.createPerson.userErrors).toEqual([expect.objectContaining({ code: 'CONFLICT', field: ['input', 'nationalId'] })]);
    for (const bad of ['12345678901', '0010640001234', '00106400012a', ' 001064000124']) {
      const res = await server.gql(CREATE, { input: { fullName: 'Sai Số', unitCode: 'PROV.D1', nationalId: bad } }, hr);
      expect(res.data.createPerson.userErrors).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'nationalId'] })]);
    }
    const after = await server.sql<{ n: number }>('select count(*)::int as n from person');
    expect(after[0].n).toBe(before[0].n);
  });

  it('refuses a birthDate in the future, and a birthDate and birthYear that disagree', async () => {
    const future = await server.gql(CREATE, { input: { fullName: 'Tương Lai', unitCode: 'PROV.D1', birthDate: tomorrow() } }, hr);
    expect(future.data.createPerson.userErrors).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'birthDate'] })]);
    const disagree = await server.gql(CREATE, { input: { fullName: 'Lệch Năm', unitCode: 'PROV.D1', birthDate: '1990-05-01', birthYear: 1991 } }, hr);
    expect(disagree.data.createPerson.userErrors).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'birthYear'] })]);
    const [n] = await server.sql<{ n: number }>(`select count(*)::int as n from person where full_name in ('Tương Lai', 'Lệch Năm')`);
    expect(n.n).toBe(0);
  });

  it('finds a person by nationalId in people(search:), and by a name without diacritics', async () => {
    const q = `query($s: String!) { people(unitCode: "PROV", search: $s) { totalCount edges { node { fullName nationalId } } } }`;
    const byId = await server.gql(q, { s: '001064000123' }, hr);
    expect(byId.data.people.edges.map((e: any) => e.node.fullName)).toEqual(['Lý Văn Mười']);
    const byName = await server.gql(q, { s: 'ly van muoi' }, hr);
    expect(byName.data.people.edges.map((e: any) => e.node.nationalId)).toEqual(['001064000123']);
    const partialId = await server.gql(q, { s: '00106400' }, hr);
    expect(partialId.data.people.totalCount).toBe(0);
  });

  describe('the role matrix for the new personal data', () => {
    const fields = ['nationalId', 'sex', 'birthDate', 'retirementDate', 'competencyHistory { level }'];
    let personId: string;
    beforeAll(async () => {
      const [row] = await server.sql<{ id: string }>(`select id from person where national_id = '001064000123'`);
      personId = toGlobalId('Person', row.id);
      // Hold a seat in PROV.D1 so that the person lies in PROV.D1's subtree by assignment too.
      await server.sql(`insert into assignment (person_id, position_id, kind, start_date) values (?, ?, 'CONCURRENT', '2020-01-01')`, [row.id, world.position.pD1b]);
    });

    it.each(fields)('%s: ADMIN and HR_OFFICER of the subtree read it, by node and through the seat list', async (field) => {
      for (const token of [await server.token(Role.ADMIN), hr, await server.token(Role.HR_OFFICER, 'PROV.D1')]) {
        const byNode = await server.gql(`query($id: ID!) { node(id: $id) { ... on Person { ${field} } } }`, { id: personId }, token);
        expect(byNode.errors).toBeUndefined();
        const viaSeats = await server.gql(`{ positions(unitCode: "PROV.D1") { edges { node { assignments { person { fullName ${field} } } } } } }`, {}, token);
        expect(viaSeats.errors).toBeUndefined();
      }
      const byNode = await server.gql(`query($id: ID!) { node(id: $id) { ... on Person { nationalId } } }`, { id: personId }, hr);
      expect(byNode.data.node.nationalId).toBe('001064000123');
    });

    it.each(fields)('%s: POLICYMAKER and ANALYST get FORBIDDEN and no value', async (field) => {
      for (const role of [Role.POLICYMAKER, Role.ANALYST]) {
        const token = await server.token(role, 'PROV');
        const res = await server.gql(`query($id: ID!) { node(id: $id) { ... on Person { ${field} } } }`, { id: personId }, token);
        expect(errorCode(res)).toBe('FORBIDDEN');
        expect(JSON.stringify(res.data ?? null)).not.toContain('001064000123');
        const viaSeats = await server.gql(`{ positions(unitCode: "PROV.D1") { edges { node { assignments { person { ${field} } } } } } }`, {}, token);
        expect(errorCode(viaSeats)).toBe('FORBIDDEN');
      }
    });

    it.each(fields)('%s: an HR_OFFICER of another subtree cannot reach the person', async (field) => {
      const outsider = await server.token(Role.HR_OFFICER, 'OTHER');
      const res = await server.gql(`query($id: ID!) { node(id: $id) { ... on Person { ${field} } } }`, { id: personId }, outsider);
      expect(errorCode(res)).toBe('FORBIDDEN');
      const search = await server.gql(`{ people(unitCode: "OTHER", search: "001064000123") { totalCount } }`, {}, outsider);
      expect(search.data.people.totalCount).toBe(0);
    });

    it('the seat list reads the new fields of its holders from the records (not the thin holder)', async () => {
      const res = await server.gql(`{ positions(unitCode: "PROV.D1") { edges { node { assignments { person { fullName nationalId sex birthDate retirementDate } } } } } }`, {}, hr);
      const holders = res.data.positions.edges.flatMap((e: any) => e.node.assignments.map((a: any) => a.person));
      expect(holders).toContainEqual({ fullName: 'Lý Văn Mười', nationalId: '001064000123', sex: 'MALE', birthDate: '1964-03-15', retirementDate: '2025-07-01' });
    });
  });

  describe('corrections: updatePerson', () => {
    it('changes only the fields given and audits them before and after', async () => {
      const res = await server.gql(UPDATE, { input: { id: person('A'), nationalId: '079190000001', sex: 'MALE' } }, hr);
      expect(res.data.updatePerson.userErrors).toEqual([]);
      expect(res.data.updatePerson.person).toMatchObject({ fullName: 'Nguyễn Văn An', birthYear: 1990, nationalId: '079190000001', sex: 'MALE', birthDate: null });
      const [audit] = await server.sql<{ changes: any; unit_code: string }>(`select changes, unit_code from audit_event where operation = 'updatePerson' order by id desc limit 1`);
      expect(audit.changes).toEqual({ before: { nationalId: null, sex: null }, after: { nationalId: '079190000001', sex: 'MALE' } });
      expect(audit.unit_code).toBe('PROV.D1');
    });

    it('sets birthYear from birthDate, and null clears a nullable field', async () => {
      const dated = await server.gql(UPDATE, { input: { id: person('A'), birthDate: '1989-11-30' } }, hr);
      expect(dated.data.updatePerson.person).toMatchObject({ birthYear: 1989, birthDate: '1989-11-30' });
      const cleared = await server.gql(UPDATE, { input: { id: person('A'), birthDate: null, sex: null } }, hr);
      expect(cleared.data.updatePerson.userErrors).toEqual([]);
      expect(cleared.data.updatePerson.person).toMatchObject({ birthYear: 1989, birthDate: null, sex: null, nationalId: '079190000001', retirementDate: null });
      const [audit] = await server.sql<{ changes: any }>(`select changes from audit_event where operation = 'updatePerson' order by id desc limit 1`);
      expect(audit.changes).toEqual({ before: { birthDate: '1989-11-30', sex: 'MALE' }, after: { birthDate: null, sex: null } });
    });

    it('refuses bad corrections with their field paths, and changes nothing', async () => {
      await server.gql(UPDATE, { input: { id: person('B'), birthDate: '1990-02-02' } }, hr);
      const cases: Array<[Record<string, unknown>, string[]]> = [
        [{ nationalId: '12-34' }, ['input', 'nationalId']],
        [{ birthDate: tomorrow() }, ['input', 'birthDate']],
        [{ birthYear: 1991 }, ['input', 'birthYear']],
        [{ birthYear: null }, ['input', 'birthYear']],
        [{ birthDate: '1985-01-01', birthYear: 1986 }, ['input', 'birthYear']],
        [{ fullName: null }, ['input', 'fullName']],
        [{ nationalId: '079190000001' }, ['input', 'nationalId']],
      ];
      const [before] = await server.sql(`select full_name, birth_year, birth_date::text, sex, national_id from person where id = ?`, [world.person.B]);
      const audits = await server.sql<{ n: number }>(`select count(*)::int as n from audit_event`);
      for (const [change, field] of cases) {
        const res = await server.gql(UPDATE, { input: { id: person('B'), ...change } }, hr);
        expect(res.data.updatePerson.userErrors).toEqual([expect.objectContaining({ field })]);
        expect(['BAD_USER_INPUT', 'CONFLICT']).toContain(res.data.updatePerson.userErrors[0].code);
      }
      const [after] = await server.sql(`select full_name, birth_year, birth_date::text, sex, national_id from person where id = ?`, [world.person.B]);
      expect(after).toEqual(before);
      expect((await server.sql<{ n: number }>(`select count(*)::int as n from audit_event`))[0].n).toBe(audits[0].n);
    });

    it('is for HR of the person\'s subtree and ADMIN only', async () => {
      const outsider = await server.gql(UPDATE, { input: { id: person('A'), fullName: 'X' } }, await server.token(Role.HR_OFFICER, 'OTHER'));
      expect(errorCode(outsider)).toBe('FORBIDDEN');
      for (const role of [Role.POLICYMAKER, Role.ANALYST]) {
        const res = await server.gql(UPDATE, { input: { id: person('A'), fullName: 'X' } }, await server.token(role, 'PROV'));
        expect(errorCode(res)).toBe('FORBIDDEN');
      }
      const admin = await server.gql(UPDATE, { input: { id: person('X'), fullName: 'Ngô Thị Xuân Mai' } }, await server.token(Role.ADMIN));
      expect(admin.data.updatePerson.person.fullName).toBe('Ngô Thị Xuân Mai');
    });
  });

  describe('competency history: recordCompetency', () => {
    it('keeps every record, newest first; the current level is the latest record; level 0 removes it', async () => {
      const trained = await server.gql(RECORD, { input: { personId: person('C'), competencyCode: 'DATA', level: 2, recordedOn: '2025-06-01', source: 'TRAINING', note: 'Lớp kỹ năng số 2025' } }, hr);
      expect(trained.data.recordCompetency.userErrors).toEqual([]);
      const certified = await server.gql(RECORD, { input: { personId: person('C'), competencyCode: 'DATA', level: 3, recordedOn: '2026-01-15', source: 'CERTIFICATE' } }, hr);
      expect(certified.data.recordCompetency.person.competencies).toContainEqual({ level: 3, competency: { code: 'DATA' } });
      // A record dated earlier than the latest is history, not the current level.
      const late = await server.gql(RECORD, { input: { personId: person('C'), competencyCode: 'DATA', level: 1, recordedOn: '2024-01-01', source: 'ASSESSMENT' } }, hr);
      const p = late.data.recordCompetency.person;
      expect(p.competencies).toContainEqual({ level: 3, competency: { code: 'DATA' } });
      expect(p.competencyHistory.filter((r: any) => r.competency.code === 'DATA').map((r: any) => [r.level, r.recordedOn, r.source])).toEqual([
        [3, '2026-01-15', 'CERTIFICATE'],
        [2, '2025-06-01', 'TRAINING'],
        [1, '2024-01-01', 'ASSESSMENT'],
      ]);
      const removed = await server.gql(RECORD, { input: { personId: person('C'), competencyCode: 'DATA', level: 0, recordedOn: today(), source: 'ASSESSMENT' } }, hr);
      expect(removed.data.recordCompetency.person.competencies.map((c: any) => c.competency.code)).toEqual(['ADMIN_SKILL']);
      const [audit] = await server.sql<{ changes: any }>(`select changes from audit_event where operation = 'recordCompetency' order by id desc limit 1`);
      expect(audit.changes).toMatchObject({ before: { DATA: 3 }, after: { DATA: 0 } });
    });

    it('the analytics read the current levels: a lower level recorded makes E a mismatch in placementFit and skillGaps', async () => {
      const fit = async () => (await server.gql(`{ placementFit(unitCode: "PROV.D1.W1") { assignmentsEvaluated mismatched } }`, {}, hr)).data.placementFit;
      const metAdmin = async () =>
        (await server.gql(`{ skillGaps(unitCode: "PROV.D1.W1") { competency { code } seatsMet } }`, {}, hr)).data.skillGaps.find((g: any) => g.competency.code === 'ADMIN_SKILL').seatsMet;
      const before = await fit();
      const metBefore = await metAdmin();
      // E holds pW1a (requires ADMIN_SKILL 2) with level 3; a reassessment at 1 is the current level from now on.
      await server.gql(RECORD, { input: { personId: person('E'), competencyCode: 'ADMIN_SKILL', level: 1, recordedOn: today(), source: 'ASSESSMENT' } }, hr);
      const after = await fit();
      expect(after.assignmentsEvaluated).toBe(before.assignmentsEvaluated);
      expect(after.mismatched).toBe(before.mismatched + 1);
      expect(await metAdmin()).toBe(metBefore - 1);
    });

    it('refuses a level outside 0..5, a recordedOn before birth or in the future, and an unknown code; nothing changes', async () => {
      await server.gql(UPDATE, { input: { id: person('B'), birthDate: '1990-04-10' } }, hr);
      const count = async () => (await server.sql<{ n: number }>('select count(*)::int as n from competency_record'))[0].n;
      const before = await count();
      const cases: Array<[Record<string, unknown>, string[], string]> = [
        [{ level: 6 }, ['input', 'level'], 'BAD_USER_INPUT'],
        [{ level: -1 }, ['input', 'level'], 'BAD_USER_INPUT'],
        [{ recordedOn: '1990-04-09' }, ['input', 'recordedOn'], 'BAD_USER_INPUT'],
        [{ recordedOn: tomorrow() }, ['input', 'recordedOn'], 'BAD_USER_INPUT'],
        [{ competencyCode: 'NOPE' }, ['input', 'competencyCode'], 'NOT_FOUND'],
      ];
      for (const [change, field, code] of cases) {
        const res = await server.gql(RECORD, { input: { personId: person('B'), competencyCode: 'SEC', level: 2, recordedOn: '2025-01-01', source: 'TRAINING', ...change } }, hr);
        expect(res.data.recordCompetency.userErrors).toEqual([expect.objectContaining({ field, code })]);
      }
      expect(await count()).toBe(before);
    });

    it('records hires with source HIRE (checked in recruitment tests) and createPerson with ASSESSMENT', async () => {
      const res = await server.gql(CREATE, { input: { fullName: 'Mới Vào', unitCode: 'PROV.D1', competencies: [{ competencyCode: 'SEC', level: 2 }] } }, hr);
      const id = res.data.createPerson.person.id;
      const history = await server.gql(`query($id: ID!) { node(id: $id) { ... on Person { competencyHistory { level source recordedOn } } } }`, { id }, hr);
      expect(history.data.node.competencyHistory).toEqual([{ level: 2, source: 'ASSESSMENT', recordedOn: today() }]);
    });
  });

  describe('corrections: updatePosition', () => {
    const UPDATE_POSITION = `mutation($input: UpdatePositionInput!) {
      updatePosition(input: $input) { position { title headcount payCoefficient seniority category roleFamily requirements { level competency { code } } } userErrors { field code message } }
    }`;
    const position = (key: string) => toGlobalId('Position', world.position[key]);

    it('changes the fields given; requirements given replace the whole list; audited before and after', async () => {
      const res = await server.gql(UPDATE_POSITION, { input: { id: position('pD1a'), title: 'Chuyên viên dữ liệu', requirements: [{ competencyCode: 'SEC', level: 2 }] } }, hr);
      expect(res.data.updatePosition.userErrors).toEqual([]);
      expect(res.data.updatePosition.position).toMatchObject({
        title: 'Chuyên viên dữ liệu', headcount: 2, payCoefficient: 2.67, category: 'CIVIL_SERVANT', roleFamily: 'SOFTWARE_ENGINEER',
        requirements: [{ level: 2, competency: { code: 'SEC' } }],
      });
      const [audit] = await server.sql<{ changes: any }>(`select changes from audit_event where operation = 'updatePosition' order by id desc limit 1`);
      expect(audit.changes).toEqual({
        before: { title: 'Chuyên viên CNTT', requirements: [{ competencyCode: 'DATA', level: 3 }] },
        after: { title: 'Chuyên viên dữ liệu', requirements: [{ competencyCode: 'SEC', level: 2 }] },
      });
      const cleared = await server.gql(UPDATE_POSITION, { input: { id: position('pD1a'), requirements: null } }, hr);
      expect(cleared.data.updatePosition.position.requirements).toEqual([]);
      const untouched = await server.gql(UPDATE_POSITION, { input: { id: position('pD1a'), seniority: 'SENIOR' } }, hr);
      expect(untouched.data.updatePosition.position).toMatchObject({ title: 'Chuyên viên dữ liệu', seniority: 'SENIOR', requirements: [] });
    });

    it('refuses a headcount below today\'s active PRIMARY holders (INVALID_STATE), and allows it down to them', async () => {
      // pD1a: A holds it since 2020; B's assignment ended 2026-03-31.
      const below = await server.gql(UPDATE_POSITION, { input: { id: position('pD1a'), headcount: 0, title: 'Không đổi' } }, hr);
      expect(below.data.updatePosition.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE', field: ['input', 'headcount'] })]);
      const [row] = await server.sql<{ headcount: number; title: string }>('select headcount, title from position where id = ?', [world.position.pD1a]);
      expect(row).toEqual({ headcount: 2, title: 'Chuyên viên dữ liệu' });
      // v2 (INTERVIEWING) stands for the free seat: headcount 1 would leave it no seat.
      const vacancyLeftOver = await server.gql(UPDATE_POSITION, { input: { id: position('pD1a'), headcount: 1 } }, hr);
      expect(vacancyLeftOver.data.updatePosition.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE', field: ['input', 'headcount'] })]);
      await server.sql(`update vacancy set status = 'CANCELLED', closed_on = current_date where id = ?`, [world.vacancy.v2]);
      const down = await server.gql(UPDATE_POSITION, { input: { id: position('pD1a'), headcount: 1 } }, hr);
      expect(down.data.updatePosition.position.headcount).toBe(1);
    });

    it('has no way to change unit, category or role family, and is for HR of the subtree', async () => {
      const res = await server.gql(UPDATE_POSITION, { input: { id: position('pD1a'), category: 'CONTRACT' } }, hr);
      expect(res.status).toBe(400);
      const outsider = await server.gql(UPDATE_POSITION, { input: { id: position('pD1a'), title: 'X' } }, await server.token(Role.HR_OFFICER, 'OTHER'));
      expect(errorCode(outsider)).toBe('FORBIDDEN');
      const analyst = await server.gql(UPDATE_POSITION, { input: { id: position('pD1a'), title: 'X' } }, await server.token(Role.ANALYST, 'PROV'));
      expect(errorCode(analyst)).toBe('FORBIDDEN');
      const bad = await server.gql(UPDATE_POSITION, { input: { id: position('pD1a'), payCoefficient: 0, title: null } }, hr);
      expect(bad.data.updatePosition.userErrors.map((e: any) => e.field)).toEqual([['input', 'title'], ['input', 'payCoefficient']]);
    });
  });
});
