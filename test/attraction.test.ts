import { Role } from '../src/graphql/enums';
import { toGlobalId } from '../src/graphql/global-id';
import { errorCode, startTestServer, TestServer } from './helpers/harness';
import { AttractionWorld, buildAttractionWorld } from './helpers/attraction-world';

/** Pay gaps, benchmarks, packages and base salaries on test/helpers/attraction-world.ts, figures by hand. */
describe('talent attraction', () => {
  let server: TestServer;
  let w: AttractionWorld;
  let admin: string;
  let policymaker: string;
  const positionId = (key: string) => toGlobalId('Position', w.position[key]);
  const pkgId = (key: string) => toGlobalId('IncentivePackage', w.pkg[key]);

  beforeAll(async () => {
    server = await startTestServer();
    w = await buildAttractionWorld(server.sql);
    admin = await server.token(Role.ADMIN);
    policymaker = await server.token(Role.POLICYMAKER, 'REG', { sub: 'pm-reg' });
  });
  afterAll(() => server.close());

  const PAY_GAP = `query PayGap($position: ID!, $pkg: ID, $asOf: LocalDate) {
    payGap(positionId: $position, incentivePackageId: $pkg, asOf: $asOf) {
      publicMonthly privateMedian ratio asOf baseSalary coefficientPay region
      benchmark { id region sector asOf p50 } incentivePackage { name } position { title }
    }
  }`;
  async function payGap(position: string, pkg: string | null, asOf: string | null, token = admin) {
    const res = await server.gql(PAY_GAP, { position: positionId(position), pkg: pkg ? pkgId(pkg) : null, asOf }, token);
    expect(res.errors).toBeUndefined();
    return res.data.payGap;
  }

  describe('payGap', () => {
    it('adds a fixed allowance to coefficient pay and compares with the region\'s latest private median', async () => {
      const gap = await payGap('pA_se', 'D179', '2026-06-01');
      // base 2,340,000 × 2.34 = 5,475,600; + 5,000,000 = 10,475,600.
      // SOFTWARE_ENGINEER JUNIOR in REG: the 2026-01-01 benchmark, 12,000,000 (the newer national one does not count).
      expect(gap).toMatchObject({
        publicMonthly: 10_475_600, privateMedian: 12_000_000, baseSalary: 2_340_000, coefficientPay: 5_475_600, region: 'REG', asOf: '2026-06-01',
        benchmark: { region: 'REG', sector: 'PRIVATE', asOf: '2026-01-01', p50: 12_000_000 }, incentivePackage: { name: 'Gói D179' },
      });
      expect(gap.ratio).toBeCloseTo(10_475_600 / 12_000_000, 12); // 0.8729667
    });

    it('applies a percentage once on coefficient pay and amortises the signing bonus', async () => {
      const gap = await payGap('pW1_se', 'TALENT', '2026-01-15');
      // 2,340,000 × 2.67 = 6,247,800; round(6,247,800 × 1.5) = 9,371,700; + 1,000,000;
      // + round(36,000,000 / (12 × 3)) = 1,000,000 → 11,371,700; / 12,000,000 = 0.9476417.
      expect(gap).toMatchObject({ publicMonthly: 11_371_700, privateMedian: 12_000_000, coefficientPay: 6_247_800, incentivePackage: { name: 'Gói TALENT' } });
      expect(gap.ratio).toBeCloseTo(0.94764166667, 10);
    });

    it('counts a package on the last day of its validity, not after it nor before it', async () => {
      expect((await payGap('pW1_se', 'TALENT', '2026-03-31')).publicMonthly).toBe(11_371_700);
      const after = await payGap('pW1_se', 'TALENT', '2026-04-01');
      expect(after).toMatchObject({ publicMonthly: 6_247_800, incentivePackage: null });
      // D179 starts 2025-08-15: on 2025-08-14 coefficient pay alone, 5,475,600 against REG's 2025 median 10,000,000.
      const before = await payGap('pA_se', 'D179', '2025-08-14');
      expect(before).toMatchObject({ publicMonthly: 5_475_600, privateMedian: 10_000_000, incentivePackage: null });
      expect(before.ratio).toBeCloseTo(0.54756, 12);
      expect((await payGap('pA_se', 'D179', '2025-08-15')).publicMonthly).toBe(10_475_600);
    });

    it('ignores a package the role family is not eligible for, and falls back to the national benchmark', async () => {
      const gap = await payGap('pB_ds', 'TALENT', '2026-01-15');
      // TALENT is for software engineers only: 2,340,000 × 3.00 = 7,020,000. REG has no DATA_SCIENTIST MID benchmark: VN's 20,000,000.
      expect(gap).toMatchObject({ publicMonthly: 7_020_000, privateMedian: 20_000_000, region: 'REG', benchmark: { region: 'VN' }, incentivePackage: null });
      expect(gap.ratio).toBeCloseTo(0.351, 12);
    });

    it('uses the base salary and the benchmarks in force on the date', async () => {
      const gap = await payGap('pA_se', null, '2024-03-01');
      // base 1,800,000 × 2.34 = 4,212,000; REG has no benchmark yet, VN's 2023-01-01 one: 7,000,000 → 0.6017143.
      expect(gap).toMatchObject({ publicMonthly: 4_212_000, baseSalary: 1_800_000, privateMedian: 7_000_000, benchmark: { region: 'VN', asOf: '2023-01-01' } });
      expect(gap.ratio).toBeCloseTo(4_212_000 / 7_000_000, 12);
    });

    it('has no ratio without a private benchmark (a public one never counts)', async () => {
      const gap = await payGap('pB_sec', 'D179', '2026-06-01');
      expect(gap).toMatchObject({ publicMonthly: 10_475_600, privateMedian: null, ratio: null, benchmark: null });
    });

    it('defaults to today', async () => {
      const gap = await payGap('pA_se', null, null);
      expect(gap.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(gap.coefficientPay).toBe(5_475_600);
    });

    it('refuses bad IDs and dates without a base salary', async () => {
      const run = (vars: Record<string, unknown>) => server.gql(PAY_GAP, { position: positionId('pA_se'), ...vars }, admin);
      expect(errorCode(await run({ position: 'junk' }))).toBe('BAD_USER_INPUT');
      expect(errorCode(await run({ position: pkgId('D179') }))).toBe('BAD_USER_INPUT');
      expect(errorCode(await run({ position: toGlobalId('Position', '999999') }))).toBe('NOT_FOUND');
      expect(errorCode(await run({ pkg: positionId('pA_se') }))).toBe('BAD_USER_INPUT');
      expect(errorCode(await run({ pkg: toGlobalId('IncentivePackage', '999999') }))).toBe('NOT_FOUND');
      expect(errorCode(await run({ asOf: '2019-06-30' }))).toBe('BAD_USER_INPUT'); // before the first base salary (2019-07-01)
    });

    it('is open to every role in its subtree; the position itself stays a model reader\'s', async () => {
      const analyst = await server.token(Role.ANALYST, 'REG.A');
      const hr = await server.token(Role.HR_OFFICER, 'REG.A');
      const figures = `query($p: ID!) { payGap(positionId: $p, asOf: "2026-06-01") { publicMonthly ratio benchmark { p50 } } }`;
      expect((await server.gql(figures, { p: positionId('pA_se') }, analyst)).data.payGap).toMatchObject({ publicMonthly: 5_475_600, benchmark: { p50: 12_000_000 } });
      expect((await server.gql(figures, { p: positionId('pW1_se') }, hr)).data.payGap.publicMonthly).toBe(6_247_800);
      expect(errorCode(await server.gql(`query($p: ID!) { payGap(positionId: $p) { position { title } } }`, { p: positionId('pA_se') }, analyst))).toBe('FORBIDDEN');
      expect((await server.gql(`query($p: ID!) { payGap(positionId: $p) { position { title } } }`, { p: positionId('pA_se') }, policymaker)).errors).toBeUndefined();
      for (const token of [analyst, hr]) {
        expect(errorCode(await server.gql(figures, { p: positionId('pB_ds') }, token))).toBe('FORBIDDEN');
        expect(errorCode(await server.gql(figures, { p: positionId('pO_se') }, token))).toBe('FORBIDDEN');
      }
    });
  });

  describe('salary benchmarks', () => {
    const UPSERT = `mutation($input: SalaryBenchmarkInput!) { upsertSalaryBenchmark(input: $input) { salaryBenchmark { id roleFamily seniority sector region p25 p50 p75 source asOf } userErrors { field message code } } }`;
    const base = { roleFamily: 'AI_ENGINEER', seniority: 'SENIOR', sector: 'PRIVATE', region: 'REG', p25: 30_000_000, p50: 40_000_000, p75: 50_000_000, source: 'Survey', asOf: '2026-01-01' };

    it('upserts on (roleFamily, seniority, sector, region, asOf), with an audit event each time', async () => {
      const first = await server.gql(UPSERT, { input: base }, policymaker);
      expect(first.data.upsertSalaryBenchmark).toMatchObject({ salaryBenchmark: { ...base }, userErrors: [] });
      const second = await server.gql(UPSERT, { input: { ...base, p50: 42_000_000, p25: null, source: 'Survey, revised' } }, policymaker);
      expect(second.data.upsertSalaryBenchmark.salaryBenchmark).toMatchObject({ id: first.data.upsertSalaryBenchmark.salaryBenchmark.id, p50: 42_000_000, p25: null, source: 'Survey, revised' });
      const national = await server.gql(UPSERT, { input: { ...base, region: 'VN' } }, admin);
      expect(national.data.upsertSalaryBenchmark.salaryBenchmark.id).not.toBe(first.data.upsertSalaryBenchmark.salaryBenchmark.id);
      const rows = await server.sql<{ n: number }>(`select count(*)::int as n from salary_benchmark where role_family = 'AI_ENGINEER'`);
      expect(rows[0].n).toBe(2);
      const audit = await server.sql<{ subject: string; unit_code: string | null }>(`select subject, unit_code from audit_event where operation = 'upsertSalaryBenchmark' order by id`);
      expect(audit).toEqual([{ subject: 'pm-reg', unit_code: 'REG' }, { subject: 'pm-reg', unit_code: 'REG' }, { subject: 'admin-all', unit_code: null }]);
      // node(id) finds it
      const node = await server.gql(`query($id: ID!) { node(id: $id) { ... on SalaryBenchmark { p50 } } }`, { id: first.data.upsertSalaryBenchmark.salaryBenchmark.id }, policymaker);
      expect(node.data.node).toEqual({ p50: 42_000_000 });
    });

    it('validates amounts, order of the percentiles and the region', async () => {
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ p50: 0 }, 'p50'],
        [{ p50: -1, p25: null, p75: null }, 'p50'],
        [{ p25: 45_000_000 }, 'p25'],
        [{ p25: -5 }, 'p25'],
        [{ p75: 35_000_000 }, 'p75'],
        [{ region: 'NOWHERE' }, 'region'],
        [{ region: 'REG.A' }, 'region'],
        [{ region: '' }, 'region'],
        [{ source: '  ' }, 'source'],
      ];
      for (const [change, field] of cases) {
        const res = await server.gql(UPSERT, { input: { ...base, asOf: '2027-01-01', ...change } }, policymaker);
        expect({ change, result: res.data.upsertSalaryBenchmark.salaryBenchmark }).toEqual({ change, result: null });
        expect(res.data.upsertSalaryBenchmark.userErrors.map((e: any) => e.field)).toContainEqual(['input', field]);
        expect(res.data.upsertSalaryBenchmark.userErrors[0].code).toBe('BAD_USER_INPUT');
      }
      expect((await server.sql<{ n: number }>(`select count(*)::int as n from salary_benchmark where as_of = '2027-01-01'`))[0].n).toBe(0);
      // the bounds themselves are fine: p25 = p50 = p75
      const equal = await server.gql(UPSERT, { input: { ...base, asOf: '2027-01-01', p25: 40_000_000, p75: 40_000_000 } }, policymaker);
      expect(equal.data.upsertSalaryBenchmark.userErrors).toEqual([]);
    });

    it('lists with every filter', async () => {
      const res = await server.gql(`{ salaryBenchmarks(roleFamily: SOFTWARE_ENGINEER, seniority: JUNIOR, sector: PRIVATE, region: "REG") { p50 asOf } }`, {}, policymaker);
      expect(res.data.salaryBenchmarks).toEqual([{ p50: 12_000_000, asOf: '2026-01-01' }, { p50: 10_000_000, asOf: '2025-01-01' }]);
      const vn = await server.gql(`{ salaryBenchmarks(roleFamily: SOFTWARE_ENGINEER, region: "VN") { p50 } }`, {}, policymaker);
      expect(vn.data.salaryBenchmarks.map((b: any) => b.p50)).toEqual([9_000_000, 7_000_000]);
      const publicOnes = await server.gql(`{ salaryBenchmarks(sector: PUBLIC) { roleFamily } }`, {}, policymaker);
      expect(publicOnes.data.salaryBenchmarks).toEqual([{ roleFamily: 'INFORMATION_SECURITY' }]);
    });

    it('is written by admins and policymakers, read by model readers', async () => {
      const hr = await server.token(Role.HR_OFFICER, 'REG');
      const analyst = await server.token(Role.ANALYST, 'REG');
      expect(errorCode(await server.gql(UPSERT, { input: base }, hr))).toBe('FORBIDDEN');
      expect(errorCode(await server.gql(UPSERT, { input: base }, analyst))).toBe('FORBIDDEN');
      expect((await server.gql(`{ salaryBenchmarks { p50 } }`, {}, hr)).errors).toBeUndefined();
      expect(errorCode(await server.gql(`{ salaryBenchmarks { p50 } }`, {}, analyst))).toBe('FORBIDDEN');
    });
  });

  describe('incentive packages', () => {
    const CREATE = `mutation($input: CreateIncentivePackageInput!) { createIncentivePackage(input: $input) {
      incentivePackage { id name legalBasis monthlyAllowance salaryPercentAllowance signingBonus minServiceYears eligibleRoleFamilies validFrom validTo }
      userErrors { field message code } } }`;
    const UPDATE = `mutation($input: UpdateIncentivePackageInput!) { updateIncentivePackage(input: $input) {
      incentivePackage { id name legalBasis monthlyAllowance salaryPercentAllowance signingBonus minServiceYears eligibleRoleFamilies validFrom validTo }
      userErrors { field message code } } }`;
    const valid = {
      name: 'Thu hút chuyên gia dữ liệu', legalBasis: 'Nghị quyết thử', monthlyAllowance: 3_000_000, salaryPercentAllowance: 0.2,
      signingBonus: 24_000_000, minServiceYears: 2, eligibleRoleFamilies: ['DATA_SCIENTIST', 'AI_ENGINEER'], validFrom: '2026-01-01', validTo: '2027-12-31',
    };
    let created: string;

    it('creates a package, and payGap prices it in', async () => {
      const res = await server.gql(CREATE, { input: valid }, policymaker);
      expect(res.data.createIncentivePackage).toMatchObject({ incentivePackage: valid, userErrors: [] });
      created = res.data.createIncentivePackage.incentivePackage.id;
      const gap = await server.gql(PAY_GAP, { position: positionId('pB_ds'), pkg: created, asOf: '2026-06-01' }, policymaker);
      // round(7,020,000 × 1.2) = 8,424,000 + 3,000,000 + round(24,000,000 / 24) = 1,000,000 → 12,424,000
      expect(gap.data.payGap.publicMonthly).toBe(12_424_000);
      const [audit] = await server.sql(`select operation, subject from audit_event where target_id = ?`, [created]);
      expect(audit).toEqual({ operation: 'createIncentivePackage', subject: 'pm-reg' });
    });

    it('validates every field and reports each problem on its path, creating nothing', async () => {
      const count = async () => (await server.sql<{ n: number }>(`select count(*)::int as n from incentive_package`))[0].n;
      const before = await count();
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ monthlyAllowance: -1 }, 'monthlyAllowance'],
        [{ signingBonus: -100 }, 'signingBonus'],
        [{ salaryPercentAllowance: -0.1 }, 'salaryPercentAllowance'],
        [{ signingBonus: 12_000_000, minServiceYears: 0 }, 'minServiceYears'],
        [{ minServiceYears: -1 }, 'minServiceYears'],
        [{ validFrom: '2026-01-01', validTo: '2025-12-31' }, 'validTo'],
        [{ eligibleRoleFamilies: [] }, 'eligibleRoleFamilies'],
        [{ name: '   ' }, 'name'],
        [{ name: 'x'.repeat(301) }, 'name'],
      ];
      for (const [change, field] of cases) {
        const res = await server.gql(CREATE, { input: { ...valid, ...change } }, policymaker);
        expect({ change, pkg: res.data.createIncentivePackage.incentivePackage }).toEqual({ change, pkg: null });
        expect(res.data.createIncentivePackage.userErrors).toContainEqual(expect.objectContaining({ field: ['input', field], code: 'BAD_USER_INPUT' }));
      }
      const many = await server.gql(CREATE, { input: { ...valid, monthlyAllowance: -1, validTo: '2020-01-01', eligibleRoleFamilies: [] } }, policymaker);
      expect(many.data.createIncentivePackage.userErrors.map((e: any) => e.field[1]).sort()).toEqual(['eligibleRoleFamilies', 'monthlyAllowance', 'validTo']);
      expect(await count()).toBe(before);
      // no signing bonus: no service commitment needed; validTo = validFrom is a one-day package
      const ok = await server.gql(CREATE, { input: { ...valid, name: 'Một ngày', signingBonus: 0, minServiceYears: 0, validTo: '2026-01-01' } }, admin);
      expect(ok.data.createIncentivePackage.userErrors).toEqual([]);
    });

    it('updates the fields given, validates the result as a whole', async () => {
      const res = await server.gql(UPDATE, { input: { id: created, monthlyAllowance: 4_000_000, validTo: null, legalBasis: null } }, policymaker);
      expect(res.data.updateIncentivePackage).toMatchObject({
        incentivePackage: { ...valid, monthlyAllowance: 4_000_000, validTo: null, legalBasis: null },
        userErrors: [],
      });
      const gap = await server.gql(PAY_GAP, { position: positionId('pB_ds'), pkg: created, asOf: '2030-01-01' }, policymaker);
      expect(gap.data.payGap.publicMonthly).toBe(8_424_000 + 4_000_000 + 1_000_000);

      const bad = await server.gql(UPDATE, { input: { id: created, minServiceYears: 0 } }, policymaker); // signing bonus 24,000,000 stays
      expect(bad.data.updateIncentivePackage).toEqual({ incentivePackage: null, userErrors: [expect.objectContaining({ field: ['input', 'minServiceYears'], code: 'BAD_USER_INPUT' })] });
      const badDates = await server.gql(UPDATE, { input: { id: created, validTo: '2025-01-01' } }, policymaker);
      expect(badDates.data.updateIncentivePackage.userErrors[0].field).toEqual(['input', 'validTo']);
      const unknown = await server.gql(UPDATE, { input: { id: toGlobalId('IncentivePackage', '999999'), name: 'x' } }, policymaker);
      expect(unknown.data.updateIncentivePackage.userErrors).toEqual([expect.objectContaining({ field: ['input', 'id'], code: 'NOT_FOUND' })]);
      const wrongType = await server.gql(UPDATE, { input: { id: positionId('pA_se'), name: 'x' } }, policymaker);
      expect(wrongType.data.updateIncentivePackage.userErrors[0]).toMatchObject({ field: ['input', 'id'], code: 'BAD_USER_INPUT' });
      const [pkg] = await server.sql<{ min_service_years: number; valid_to: string | null }>(`select min_service_years, valid_to from incentive_package where name = ?`, [valid.name]);
      expect(pkg).toEqual({ min_service_years: 2, valid_to: null });
    });

    it('lists the packages valid on a date, or all', async () => {
      const names = async (activeOn: string | null) =>
        (await server.gql(`query($d: LocalDate) { incentivePackages(activeOn: $d) { name } }`, { d: activeOn }, policymaker)).data.incentivePackages.map((p: any) => p.name);
      expect(await names('2026-06-01')).toEqual(['Gói DSONLY', 'Gói D179', valid.name]); // TALENT ended 2026-03-31, 'Một ngày' on 2026-01-01
      expect(await names('2026-03-31')).toEqual(['Gói TALENT', 'Gói DSONLY', 'Gói D179', valid.name]);
      expect(await names('2025-01-01')).toEqual(['Gói TALENT', 'Gói DSONLY']);
      expect(await names(null)).toHaveLength(5);
    });

    it('is managed by admins and policymakers only', async () => {
      for (const token of [await server.token(Role.HR_OFFICER, 'REG'), await server.token(Role.ANALYST, 'REG')]) {
        expect(errorCode(await server.gql(CREATE, { input: valid }, token))).toBe('FORBIDDEN');
        expect(errorCode(await server.gql(UPDATE, { input: { id: created, name: 'x' } }, token))).toBe('FORBIDDEN');
      }
      expect(errorCode(await server.gql(`{ incentivePackages { name } }`, {}, await server.token(Role.ANALYST, 'REG')))).toBe('FORBIDDEN');
    });
  });

  describe('base salary', () => {
    const SET = `mutation($input: SetBaseSalaryInput!) { setBaseSalary(input: $input) { baseSalary { effectiveFrom monthlyAmount legalBasis } userErrors { field code } } }`;

    it('is added by an admin, upserted on its date, and used from that date on', async () => {
      const first = await server.gql(SET, { input: { effectiveFrom: '2027-01-01', monthlyAmount: 2_530_000, legalBasis: 'Dự thảo' } }, admin);
      expect(first.data.setBaseSalary).toEqual({ baseSalary: { effectiveFrom: '2027-01-01', monthlyAmount: 2_530_000, legalBasis: 'Dự thảo' }, userErrors: [] });
      const again = await server.gql(SET, { input: { effectiveFrom: '2027-01-01', monthlyAmount: 2_600_000 } }, admin);
      expect(again.data.setBaseSalary.baseSalary).toEqual({ effectiveFrom: '2027-01-01', monthlyAmount: 2_600_000, legalBasis: null });
      const list = await server.gql(`{ baseSalaries { effectiveFrom monthlyAmount } }`, {}, policymaker);
      expect(list.data.baseSalaries).toEqual([
        { effectiveFrom: '2019-07-01', monthlyAmount: 1_490_000 }, // from the migration
        { effectiveFrom: '2023-07-01', monthlyAmount: 1_800_000 },
        { effectiveFrom: '2024-07-01', monthlyAmount: 2_340_000 },
        { effectiveFrom: '2027-01-01', monthlyAmount: 2_600_000 },
      ]);
      // 2,600,000 × 2.34 = 6,084,000 from 2027-01-01; the day before still 5,475,600.
      expect((await payGap('pA_se', null, '2027-01-01')).publicMonthly).toBe(6_084_000);
      expect((await payGap('pA_se', null, '2026-12-31')).publicMonthly).toBe(5_475_600);
      expect((await server.sql(`select operation from audit_event where operation = 'setBaseSalary'`)).length).toBe(2);
    });

    it('refuses amounts that are not positive, and every role but ADMIN', async () => {
      const zero = await server.gql(SET, { input: { effectiveFrom: '2028-01-01', monthlyAmount: 0 } }, admin);
      expect(zero.data.setBaseSalary).toEqual({ baseSalary: null, userErrors: [{ field: ['input', 'monthlyAmount'], code: 'BAD_USER_INPUT' }] });
      expect(errorCode(await server.gql(SET, { input: { effectiveFrom: '2028-01-01', monthlyAmount: 3_000_000 } }, policymaker))).toBe('FORBIDDEN');
      expect(errorCode(await server.gql(`{ baseSalaries { monthlyAmount } }`, {}, await server.token(Role.ANALYST, 'REG')))).toBe('FORBIDDEN');
    });
  });
});
