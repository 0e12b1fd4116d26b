import { Role } from '../src/graphql/enums';
import { reductionToMeetQuota, wisnFigures } from '../src/modules/workload/workload-need';
import { errorCode, startTestServer, TestServer } from './helpers/harness';
import { insertId } from './helpers/recruitment-world';

describe('workload-based staffing need (WISN)', () => {
  let server: TestServer;
  let hr: string;

  beforeAll(async () => {
    server = await startTestServer();
    hr = await server.token(Role.HR_OFFICER, 'WL');
    const run = server.sql;
    const root = await insertId(run, `insert into org_unit (code, name, kind) values ('WL', 'Tỉnh WL', 'PROVINCE')`, []);
    const w1 = await insertId(run, `insert into org_unit (code, name, kind, parent_id) values ('WL.W1', 'Phường Một', 'WARD', ?)`, [root]);
    const w2 = await insertId(run, `insert into org_unit (code, name, kind, parent_id, valid_to) values ('WL.W2', 'Phường Hai (đã sáp nhập)', 'WARD', ?, '2025-06-30')`, [root]);
    await run(`insert into establishment_quota (unit_id, year, category, headcount) values (?, 2026, 'CIVIL_SERVANT', 1)`, [w1]);
    const component = (unit: string, name: string, category: string, volume: number, minutes: number, digitisable: boolean) =>
      run(`insert into workload_component (unit_id, name, category, annual_volume, minutes_per_item, digitisable) values (?, ?, ?, ?, ?, ?)`, [unit, name, category, volume, minutes, digitisable]);
    await component(w1, 'Văn bản', 'CIVIL_SERVANT', 700, 30, true); // 350 h
    await component(w1, 'Quyết định', 'CIVIL_SERVANT', 1500, 60, true); // 1,500 h
    await component(w1, 'Họp', 'CIVIL_SERVANT', 312, 90, false); // 468 h
    await component(root, 'Trung tâm', 'PUBLIC_EMPLOYEE', 100, 60, false); // 100 h
    await component(w2, 'Văn bản cũ', 'CIVIL_SERVANT', 1000, 60, true); // 1,000 h while W2 existed
    const staff = async (unit: string, category: string) => {
      const position = await insertId(run, `insert into position (unit_id, title, category, role_family, seniority, pay_coefficient, headcount) values (?, 'CV', ?, 'GENERAL_ADMINISTRATION', 'JUNIOR', 2.34, 1)`, [unit, category]);
      const person = await insertId(run, `insert into person (full_name) values ('Cán bộ')`, []);
      await run(`insert into assignment (person_id, position_id, kind, start_date) values (?, ?, 'PRIMARY', '2020-01-01')`, [person, position]);
    };
    await staff(w1, 'CIVIL_SERVANT');
    await staff(w1, 'CONTRACT');
  });
  afterAll(() => server.close());

  const NEED = `query($r: Float, $asOf: LocalDate, $hours: Float, $support: Float) {
    workloadNeed(unitCode: "WL", digitisationReduction: $r, asOf: $asOf, availableHoursPerYear: $hours, supportShare: $support) {
      category workloadHours requiredStaff actualStaff difference wisnRatio quota reductionToMeetQuota reductionToMeetQuotaExplanation
    }
  }`;

  it('computes the contract\'s figures per category, on hand-worked numbers', async () => {
    const res = await server.gql(NEED, { asOf: '2026-06-01' }, hr);
    expect(res.errors).toBeUndefined();
    const [cs, pe, contract] = res.data.workloadNeed;
    // CS: 350 + 1,500 + 468 = 2,318 h (W2 has ended); required = 2,318 / 1,760 / 0.85 = 1.549465…
    expect(cs.category).toBe('CIVIL_SERVANT');
    expect(cs.workloadHours).toBeCloseTo(2318, 9);
    expect(cs.requiredStaff).toBeCloseTo(2318 / 1760 / 0.85, 12);
    expect(cs.requiredStaff).toBeCloseTo(1.5494652406, 9);
    expect(cs.actualStaff).toBe(1);
    expect(cs.difference).toBeCloseTo(1 - 1.5494652406, 9);
    expect(cs.wisnRatio).toBeCloseTo(1 / 1.5494652406, 9);
    // Quota 1 covers 1 × 1,760 × 0.85 = 1,496 h; r = 1 − (1,496 − 468) / 1,850 = 0.444324…
    expect(cs.quota).toBe(1);
    expect(cs.reductionToMeetQuota).toBeCloseTo(1 - 1028 / 1850, 12);
    expect(cs.reductionToMeetQuotaExplanation).toMatch(/44\.4 %/);
    // PE: 100 h of work digitisation cannot touch, and no quota: no reduction is enough.
    expect(pe).toMatchObject({ category: 'PUBLIC_EMPLOYEE', workloadHours: 100, actualStaff: 0, quota: 0, reductionToMeetQuota: null, wisnRatio: 0 });
    expect(pe.reductionToMeetQuotaExplanation).toMatch(/No reduction is enough/);
    // CONTRACT: staff but no workload: nothing required, no ratio, nothing needed.
    expect(contract).toMatchObject({ category: 'CONTRACT', workloadHours: 0, requiredStaff: 0, actualStaff: 1, difference: 1, wisnRatio: null, reductionToMeetQuota: null });
    expect(contract.reductionToMeetQuotaExplanation).toMatch(/No reduction is needed/);
  });

  it('applies the digitisation reduction to digitisable work only', async () => {
    const res = await server.gql(NEED, { asOf: '2026-06-01', r: 0.5 }, hr);
    // 468 + (350 + 1,500) × 0.5 = 1,393 h; PE's 100 h are not digitisable.
    expect(res.data.workloadNeed[0].workloadHours).toBeCloseTo(1393, 9);
    expect(res.data.workloadNeed[1].workloadHours).toBeCloseTo(100, 9);
    // At the reduction it reports, the need equals the quota.
    const r = res.data.workloadNeed[0].reductionToMeetQuota;
    const atR = await server.gql(NEED, { asOf: '2026-06-01', r }, hr);
    expect(atR.data.workloadNeed[0].requiredStaff).toBeCloseTo(1, 9);
  });

  it('takes the parameters, and counts a unit only while it exists', async () => {
    const res = await server.gql(NEED, { asOf: '2026-06-01', hours: 1000, support: 0 }, hr);
    expect(res.data.workloadNeed[0].requiredStaff).toBeCloseTo(2.318, 12);
    const before = await server.gql(NEED, { asOf: '2025-01-01' }, hr);
    expect(before.data.workloadNeed[0].workloadHours).toBeCloseTo(3318, 9); // W2's 1,000 h count while it existed
    expect(before.data.workloadNeed[0].quota).toBe(0); // no 2025 quota
  });

  it('refuses parameters outside their ranges with BAD_USER_INPUT', async () => {
    for (const vars of [{ r: 1.5 }, { r: -0.1 }, { support: 1 }, { support: -0.2 }, { hours: 0 }, { hours: -5 }]) {
      expect({ vars, code: errorCode(await server.gql(NEED, vars, hr)) }).toEqual({ vars, code: 'BAD_USER_INPUT' });
    }
  });

  it('upserts components by unit and name, with validation and scope', async () => {
    const SET = `mutation($input: SetWorkloadComponentInput!) { setWorkloadComponent(input: $input) { workloadComponent { id name annualVolume minutesPerItem digitisable unit { code } } userErrors { code field } } }`;
    const input = { unitCode: 'WL.W1', name: 'Hồ sơ trực tuyến', category: 'CIVIL_SERVANT', annualVolume: 1715, minutesPerItem: 15, digitisable: true };
    const first = await server.gql(SET, { input }, hr);
    expect(first.data.setWorkloadComponent.userErrors).toEqual([]);
    const second = await server.gql(SET, { input: { ...input, annualVolume: 2000 } }, hr);
    expect(second.data.setWorkloadComponent.workloadComponent).toMatchObject({ id: first.data.setWorkloadComponent.workloadComponent.id, annualVolume: 2000, unit: { code: 'WL.W1' } });
    const bad = await server.gql(SET, { input: { ...input, name: ' ', annualVolume: -1, minutesPerItem: 1e12 } }, hr);
    expect(bad.data.setWorkloadComponent.userErrors.map((e: any) => e.field.join('.'))).toEqual(['input.name', 'input.annualVolume', 'input.minutesPerItem']);
    const list = await server.gql(`{ workloadComponents(unitCode: "WL.W1") { name annualVolume } }`, {}, hr);
    expect(list.data.workloadComponents).toHaveLength(4);
    const other = await server.token(Role.HR_OFFICER, 'ELSEWHERE');
    expect(errorCode(await server.gql(SET, { input }, other))).toBe('UNAUTHENTICATED'); // a unit that does not exist
    const analyst = await server.token(Role.ANALYST, 'WL');
    expect(errorCode(await server.gql(SET, { input }, analyst))).toBe('FORBIDDEN');
    expect((await server.gql(`{ workloadNeed(unitCode: "WL") { category } }`, {}, analyst)).errors).toBeUndefined();
    const [audit] = await server.sql<{ n: number }>(`select count(*)::int as n from audit_event where operation = 'setWorkloadComponent'`);
    expect(audit.n).toBe(2);
  });
});

describe('the WISN formulas, on their own', () => {
  it('match hand-worked numbers', () => {
    const figures = wisnFigures({ digitisableHours: 1000, otherHours: 760, actualStaff: 2 }, { digitisationReduction: 0.25, availableHoursPerYear: 1760, supportShare: 0.2 });
    // 760 + 750 = 1,510 h; 1,510 / 1,760 / 0.8 = 1.072443…
    expect(figures.workloadHours).toBe(1510);
    expect(figures.requiredStaff).toBeCloseTo(1.0724431818, 9);
    expect(figures.wisnRatio).toBeCloseTo(2 / 1.0724431818, 9);
    const answer = reductionToMeetQuota({ digitisableHours: 1000, otherHours: 760, actualStaff: 2 }, 1, { availableHoursPerYear: 1760, supportShare: 0.2 });
    // quota covers 1,408 h: r = 1 − (1,408 − 760) / 1,000 = 0.352
    expect(answer.reduction).toBeCloseTo(0.352, 12);
  });
});
