import { Role } from '../src/graphql/enums';
import type { SqlRunner } from '../src/db/sql-runner';
import { startTestServer, TestServer } from './helpers/harness';

/**
 * Builds ROOT → districts → wards, each unit with two positions held by people with
 * competencies, so that every nested list has something to batch.
 */
async function buildTree(run: SqlRunner, root: string, districts: number, wardsPerDistrict: number): Promise<number> {
  const [skill] = await run<{ id: string }>(`insert into competency (code, name, is_digital) values (?, 'Kỹ năng', true) returning id`, [`SKILL_${root}`]);
  const [top] = await run<{ id: string }>(`insert into org_unit (code, name, kind) values (?, ?, 'PROVINCE') returning id`, [root, `Tỉnh ${root}`]);
  let units = 1;
  const addStaffedUnit = async (code: string, kind: string, parentId: string) => {
    const [unit] = await run<{ id: string }>(`insert into org_unit (code, name, kind, parent_id) values (?, ?, ?, ?) returning id`, [code, `Đơn vị ${code}`, kind, parentId]);
    await run(`insert into establishment_quota (unit_id, year, category, headcount) values (?, 2026, 'CIVIL_SERVANT', 5)`, [unit.id]);
    for (const family of ['IT_SUPPORT', 'GENERAL_ADMINISTRATION']) {
      const [position] = await run<{ id: string }>(
        `insert into position (unit_id, title, category, role_family, seniority, pay_coefficient, headcount) values (?, ?, 'CIVIL_SERVANT', ?, 'JUNIOR', 2.34, 2) returning id`,
        [unit.id, `Vị trí ${family}`, family],
      );
      await run(`insert into position_requirement (position_id, competency_id, level) values (?, ?, 2)`, [position.id, skill.id]);
      const [person] = await run<{ id: string }>(`insert into person (full_name, home_unit_id) values (?, ?) returning id`, [`Cán bộ ${code} ${family}`, unit.id]);
      await run(`insert into person_competency (person_id, competency_id, level) values (?, ?, 3)`, [person.id, skill.id]);
      await run(`insert into competency_record (person_id, competency_id, level, recorded_on, source) values (?, ?, 2, '2024-01-01', 'TRAINING'), (?, ?, 3, '2025-01-01', 'CERTIFICATE')`, [person.id, skill.id, person.id, skill.id]);
      await run(`insert into assignment (person_id, position_id, kind, start_date) values (?, ?, 'PRIMARY', '2020-01-01')`, [person.id, position.id]);
    }
    units += 1;
    return unit.id;
  };
  for (let d = 1; d <= districts; d++) {
    const district = await addStaffedUnit(`${root}.D${d}`, 'DISTRICT', top.id);
    for (let w = 1; w <= wardsPerDistrict; w++) await addStaffedUnit(`${root}.D${d}.W${w}`, 'WARD', district);
  }
  return units;
}

const NESTED_LIST = `query Tree($code: String!) {
  orgUnit(code: $code) {
    code
    children(first: 10) { totalCount edges { node {
      code parent { code }
      positions(first: 10) { totalCount edges { node { title requirements { level competency { code } }
        assignments { kind person { fullName competencies { level } } } } } }
      children(first: 10) { totalCount edges { node {
        code
        quotas(year: 2026) { headcount }
        positions(first: 10) { edges { node { title assignments { person { fullName } } } } }
      } } }
    } } }
  }
}`;

/** The benchmark's nested-list case: provinces → children → positions → active assignments → person. */
const BENCH_NESTED_LIST = `{ orgUnits(kind: PROVINCE, first: 20) { edges { node { code name
  children(first: 20) { edges { node { code name
    positions(first: 20) { edges { node { title headcount
      assignments(activeOnly: true, first: 20) { kind startDate person { fullName } } } } } } } } } } } }`;

const GAP_TREE = `query Gap($code: String!) {
  staffingGap(unitCode: $code, year: 2026) { quota filled unit { code } children { quota filled unit { code } children { quota filled unit { name } children { quota } } } }
}`;

/** ROOT with `vacancies` vacancies, each with two applications that carry an offer and a history. */
async function buildRecruitment(run: SqlRunner, root: string, vacancies: number): Promise<void> {
  const [skill] = await run<{ id: string }>(`insert into competency (code, name, is_digital) values (?, 'Kỹ năng', true) returning id`, [`RSKILL_${root}`]);
  const [unit] = await run<{ id: string }>(`insert into org_unit (code, name, kind) values (?, ?, 'PROVINCE') returning id`, [root, `Tỉnh ${root}`]);
  const [pkg] = await run<{ id: string }>(
    `insert into incentive_package (name, monthly_allowance, salary_percent_allowance, signing_bonus, min_service_years, eligible_role_families, valid_from)
     values ('Gói', 1000000, 0, 0, 0, '{IT_SUPPORT}', '2020-01-01') returning id`,
  );
  const [position] = await run<{ id: string }>(
    `insert into position (unit_id, title, category, role_family, seniority, pay_coefficient, headcount) values (?, 'IT', 'CIVIL_SERVANT', 'IT_SUPPORT', 'JUNIOR', 2.34, 1) returning id`,
    [unit.id],
  );
  for (let v = 0; v < vacancies; v++) {
    const [vacancy] = await run<{ id: string }>(`insert into vacancy (position_id, status, opened_on, incentive_package_id) values (?, 'OFFERED', '2026-01-01', ?) returning id`, [position.id, pkg.id]);
    for (let a = 0; a < 2; a++) {
      const [candidate] = await run<{ id: string }>(`insert into candidate (full_name, home_unit_id) values (?, ?) returning id`, [`Ứng viên ${root} ${v} ${a}`, unit.id]);
      await run(`insert into candidate_competency (candidate_id, competency_id, level) values (?, ?, 3)`, [candidate.id, skill.id]);
      const [application] = await run<{ id: string }>(`insert into application (candidate_id, vacancy_id, stage, applied_on) values (?, ?, 'OFFER', '2026-01-02') returning id`, [candidate.id, vacancy.id]);
      await run(`insert into application_stage_change (application_id, from_stage, to_stage) values (?, null, 'APPLIED'), (?, 'APPLIED', 'OFFER')`, [application.id, application.id]);
      await run(`insert into offer (application_id, monthly_pay, incentive_package_id, status, offered_on) values (?, 9000000, ?, 'PENDING', '2026-01-03')`, [application.id, pkg.id]);
    }
  }
}

const RECRUITMENT_LIST = `query Vacancies($code: String!) {
  vacancies(unitCode: $code, first: 100) { totalCount edges { node {
    status daysOpen incentivePackage { name } position { title unit { name } }
    applications { stage history { toStage } candidate { fullName competencies { level competency { code } } } offers { status incentivePackage { name } } }
  } } }
}`;

describe('statement count does not grow with the size of the result', () => {
  let server: TestServer;
  let admin: string;
  let smallUnits: number;
  let largeUnits: number;

  beforeAll(async () => {
    server = await startTestServer();
    smallUnits = await buildTree(server.sql, 'SMALL', 2, 1); // 1 + 2 + 2 = 5 units
    largeUnits = await buildTree(server.sql, 'LARGE', 7, 6); // 1 + 7 + 42 = 50 units
    admin = await server.token(Role.ADMIN);
  });
  afterAll(() => server.close());

  it('builds trees of 5 and 50 units', () => {
    expect([smallUnits, largeUnits]).toEqual([5, 50]);
  });

  it('costs the same statements for people with their competency history and identity, 8 or 98 of them', async () => {
    const query = `query($code: String!) { people(unitCode: $code, first: 100) { edges { node { fullName nationalId retirementDate
      competencyHistory { level recordedOn competency { code } } } } } }`;
    const small = await server.gql(query, { code: 'SMALL' }, admin);
    const large = await server.gql(query, { code: 'LARGE' }, admin);
    expect(small.errors).toBeUndefined();
    expect(small.data.people.edges).toHaveLength(8);
    expect(large.data.people.edges).toHaveLength(98);
    expect(large.data.people.edges[0].node.competencyHistory.map((r: any) => r.level)).toEqual([3, 2]);
    const seats = `query($code: String!) { orgUnit(code: $code) { children(first: 10) { edges { node { positions(first: 10) { edges { node {
      assignments { person { fullName sex competencyHistory { level } } } } } } } } } } }`;
    const smallSeats = await server.gql(seats, { code: 'SMALL' }, admin);
    const largeSeats = await server.gql(seats, { code: 'LARGE' }, admin);
    expect(largeSeats.errors).toBeUndefined();
    console.log(`competency history statements: people 8 → ${small.statements}, 98 → ${large.statements}; seats ${smallSeats.statements} → ${largeSeats.statements}`);
    expect(large.statements).toBe(small.statements);
    expect(largeSeats.statements).toBe(smallSeats.statements);
  });

  it('costs the same statements for a 3-level nested list over 50 units as over 5', async () => {
    const small = await server.gql(NESTED_LIST, { code: 'SMALL' }, admin);
    const large = await server.gql(NESTED_LIST, { code: 'LARGE' }, admin);
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(large.data.orgUnit.children.edges).toHaveLength(7);
    expect(large.data.orgUnit.children.edges[0].node.children.edges).toHaveLength(6);
    expect(large.data.orgUnit.children.edges[6].node.children.edges[5].node.positions.edges[1].node.assignments[0].person.fullName).toBe(
      'Cán bộ LARGE.D7.W6 GENERAL_ADMINISTRATION',
    );
    console.log(`nested list statements: 5 units → ${small.statements}, 50 units → ${large.statements}`);
    expect(small.statements).toBeGreaterThan(0);
    expect(large.statements).toBe(small.statements);
  });

  it('answers the benchmark\'s nested list in at most 6 statements, one per level, whatever its size', async () => {
    const both = await server.gql(BENCH_NESTED_LIST, {}, admin);
    expect(both.errors).toBeUndefined();
    const codes = both.data.orgUnits.edges.map((e: any) => e.node.code);
    expect(codes).toEqual(expect.arrayContaining(['SMALL', 'LARGE']));
    const large = both.data.orgUnits.edges.find((e: any) => e.node.code === 'LARGE').node;
    expect(large.children.edges).toHaveLength(7);
    expect(large.children.edges[6].node.positions.edges[1].node.assignments[0].person.fullName).toBe('Cán bộ LARGE.D7 GENERAL_ADMINISTRATION');
    const people = both.data.orgUnits.edges.flatMap((p: any) => p.node.children.edges.flatMap((c: any) => c.node.positions.edges.flatMap((q: any) => q.node.assignments)));
    expect(people).toHaveLength(2 * 2 + 7 * 2);
    console.log(`bench nested list: ${people.length} people in ${both.statements} statements`);
    expect(both.statements).toBeLessThanOrEqual(6);
    // The same shape over one small province costs no more.
    const one = await server.gql(BENCH_NESTED_LIST.replace('first: 20) { edges { node { code name\n', 'first: 1) { edges { node { code name\n'), {}, admin);
    expect(one.errors).toBeUndefined();
    expect(both.statements).toBe(one.statements);
  });

  it('fetches with the seats only the columns each selection asks for, and each gets all of its own', async () => {
    const res = await server.gql(
      `{ orgUnit(code: "LARGE.D7") { positions(first: 5) { edges { node {
          full: assignments(first: 20) { id kind startDate endDate person { id fullName birthYear competencies { level } } }
          thin: assignments(first: 20) { kind person { fullName } }
          plain: assignments(first: 20) { id kind startDate endDate person { id } } } } } } }`,
      {},
      admin,
    );
    expect(res.errors).toBeUndefined();
    const positions = res.data.orgUnit.positions.edges.map((e: any) => e.node);
    expect(positions.length).toBeGreaterThan(0);
    for (const { full, thin, plain } of positions) {
      expect(full.length).toBeGreaterThan(0);
      expect(full.map((a: any) => ({ id: a.id, kind: a.kind, startDate: a.startDate, endDate: a.endDate, person: { id: a.person.id } }))).toEqual(plain);
      expect(full.map((a: any) => ({ kind: a.kind, person: { fullName: a.person.fullName } }))).toEqual(thin);
      for (const a of full) {
        expect(a.person.id).toMatch(/\S/);
        expect(a.person.competencies).toEqual([{ level: 3 }]);
      }
    }
  });

  it('costs the same statements for vacancies with their applications, candidates and offers, 5 or 50 of them', async () => {
    await buildRecruitment(server.sql, 'RSMALL', 5);
    await buildRecruitment(server.sql, 'RLARGE', 50);
    const small = await server.gql(RECRUITMENT_LIST, { code: 'RSMALL' }, admin);
    const large = await server.gql(RECRUITMENT_LIST, { code: 'RLARGE' }, admin);
    expect(large.errors).toBeUndefined();
    expect(large.data.vacancies.totalCount).toBe(50);
    expect(large.data.vacancies.edges[49].node.applications[1].offers[0].incentivePackage.name).toBe('Gói');
    console.log(`recruitment list statements: 5 vacancies → ${small.statements}, 50 vacancies → ${large.statements}`);
    expect(large.statements).toBe(small.statements);
  });

  it('costs the same statements for a 3-level staffing-gap tree over 50 units as over 5', async () => {
    const small = await server.gql(GAP_TREE, { code: 'SMALL' }, admin);
    const large = await server.gql(GAP_TREE, { code: 'LARGE' }, admin);
    expect(large.errors).toBeUndefined();
    expect(large.data.staffingGap).toMatchObject({ quota: 245, filled: 98 }); // 49 staffed units × 5 quota, × 2 PRIMARY
    expect(large.data.staffingGap.children).toHaveLength(7);
    console.log(`staffing-gap tree statements: 5 units → ${small.statements}, 50 units → ${large.statements}`);
    expect(large.statements).toBe(small.statements);
  });
});
