import type { SqlRunner } from '../../src/db/sql-runner';

/**
 * A small world for pay gaps and policy simulation, every figure hand-worked in
 * test/attraction.test.ts and test/simulation.test.ts.
 *
 *   REG (PROVINCE)                region "REG"
 *   ├── REG.A (DISTRICT)          pA_se   SOFTWARE_ENGINEER JUNIOR 2.34
 *   │   └── REG.A.W1 (WARD)       pW1_se  SOFTWARE_ENGINEER JUNIOR 2.67
 *   ├── REG.B (DISTRICT)          pB_ds   DATA_SCIENTIST MID 3.00; pB_sec INFORMATION_SECURITY JUNIOR 2.34 (no private benchmark);
 *   │                             pB_admin GENERAL_ADMINISTRATION JUNIOR 2.34 (not IT)
 *   └── REG.C (DISTRICT)          ended 2025-06-30; pC_se SOFTWARE_ENGINEER JUNIOR 2.34
 *   OUT (PROVINCE)                pO_se SOFTWARE_ENGINEER JUNIOR 2.34; outside every REG token's scope
 *
 * Base salary: 1,800,000 from 2023-07-01; 2,340,000 from 2024-07-01.
 *
 * PRIVATE benchmarks (p50):
 *   SOFTWARE_ENGINEER JUNIOR  REG 2025-01-01 10,000,000 · REG 2026-01-01 12,000,000
 *                             VN  2023-01-01  7,000,000 · VN  2026-03-01  9,000,000 (REG's own win over it)
 *   DATA_SCIENTIST MID        VN  2025-01-01 20,000,000 (REG has none: the national one holds)
 *   GENERAL_ADMINISTRATION JUNIOR VN 2025-01-01 7,000,000 (a non-IT position is still never simulated)
 * PUBLIC benchmark (never a private median): INFORMATION_SECURITY JUNIOR REG 2025-01-01 9,000,000.
 *
 * Packages:
 *   D179    5,000,000/month, every IT family, 2025-08-15 → open
 *   TALENT  1,000,000/month + 50 % + 36,000,000 signing over 3 years, SOFTWARE_ENGINEER only, 2024-01-01 → 2026-03-31
 *   DSONLY  2,000,000/month, DATA_SCIENTIST only, 2024-01-01 → open
 *
 * Vacancies (status, package):
 *   v1 pA_se OPEN D179 · v2 pA_se INTERVIEWING TALENT · v3 pW1_se OFFERED none
 *   v4 pB_ds OPEN D179 · v5 pB_ds OPEN DSONLY
 *   v6 pB_sec OPEN D179 (no private benchmark) · v7 pB_admin OPEN (not IT)
 *   v8 pA_se FILLED · v9 pA_se CANCELLED · v10 pC_se OPEN (unit ended) · v11 pO_se OPEN D179 (outside)
 *   v12 pW1_se OPEN DSONLY (not eligible for a software engineer: taken as no package)
 */
export interface AttractionWorld {
  unit: Record<string, string>;
  position: Record<string, string>;
  pkg: Record<string, string>;
  vacancy: Record<string, string>;
}

async function insertId(run: SqlRunner, sql: string, params: unknown[]): Promise<string> {
  const [row] = await run<{ id: string }>(`${sql} returning id`, params);
  return String(row.id);
}

export const IT_FAMILIES = [
  'SOFTWARE_ENGINEER', 'DATA_SCIENTIST', 'AI_ENGINEER', 'INFORMATION_SECURITY', 'NETWORK_ENGINEER',
  'SYSTEM_ADMINISTRATOR', 'IT_SUPPORT', 'DIGITAL_TRANSFORMATION_OFFICER',
];

export async function buildAttractionWorld(run: SqlRunner): Promise<AttractionWorld> {
  const unit: Record<string, string> = {};
  const addUnit = async (code: string, name: string, kind: string, parent: string | null, validTo: string | null = null) => {
    unit[code] = await insertId(run, 'insert into org_unit (code, name, kind, parent_id, valid_to) values (?, ?, ?, ?, ?)', [code, name, kind, parent ? unit[parent] : null, validTo]);
  };
  await addUnit('REG', 'Tỉnh Vùng', 'PROVINCE', null);
  await addUnit('REG.A', 'Huyện A', 'DISTRICT', 'REG');
  await addUnit('REG.A.W1', 'Phường Một', 'WARD', 'REG.A');
  await addUnit('REG.B', 'Huyện B', 'DISTRICT', 'REG');
  await addUnit('REG.C', 'Huyện C (đã giải thể)', 'DISTRICT', 'REG', '2025-06-30');
  await addUnit('OUT', 'Tỉnh Ngoài', 'PROVINCE', null);

  await run(`insert into base_salary (effective_from, monthly_amount, legal_basis) values ('2023-07-01', 1800000, 'Decree 24/2023/NĐ-CP'), ('2024-07-01', 2340000, 'Decree 73/2024/NĐ-CP') on conflict (effective_from) do nothing`);

  const benchmarks: Array<[string, string, string, string, number, string]> = [
    ['SOFTWARE_ENGINEER', 'JUNIOR', 'PRIVATE', 'REG', 10_000_000, '2025-01-01'],
    ['SOFTWARE_ENGINEER', 'JUNIOR', 'PRIVATE', 'REG', 12_000_000, '2026-01-01'],
    ['SOFTWARE_ENGINEER', 'JUNIOR', 'PRIVATE', 'VN', 7_000_000, '2023-01-01'],
    ['SOFTWARE_ENGINEER', 'JUNIOR', 'PRIVATE', 'VN', 9_000_000, '2026-03-01'],
    ['DATA_SCIENTIST', 'MID', 'PRIVATE', 'VN', 20_000_000, '2025-01-01'],
    ['GENERAL_ADMINISTRATION', 'JUNIOR', 'PRIVATE', 'VN', 7_000_000, '2025-01-01'],
    ['INFORMATION_SECURITY', 'JUNIOR', 'PUBLIC', 'REG', 9_000_000, '2025-01-01'],
  ];
  for (const [family, seniority, sector, region, p50, asOf] of benchmarks) {
    await run(`insert into salary_benchmark (role_family, seniority, sector, region, p25, p50, p75, source, as_of) values (?, ?, ?, ?, ?, ?, ?, 'test fixture', ?)`, [
      family, seniority, sector, region, Math.round(p50 * 0.8), p50, Math.round(p50 * 1.25), asOf,
    ]);
  }

  const pkg: Record<string, string> = {};
  const addPackage = async (key: string, allowance: number, percent: number, bonus: number, years: number, families: string[], from: string, to: string | null) => {
    pkg[key] = await insertId(
      run,
      `insert into incentive_package (name, legal_basis, monthly_allowance, salary_percent_allowance, signing_bonus, min_service_years, eligible_role_families, valid_from, valid_to)
       values (?, 'test', ?, ?, ?, ?, ?::text[], ?, ?)`,
      [`Gói ${key}`, allowance, percent, bonus, years, families, from, to],
    );
  };
  await addPackage('D179', 5_000_000, 0, 0, 0, IT_FAMILIES, '2025-08-15', null);
  await addPackage('TALENT', 1_000_000, 0.5, 36_000_000, 3, ['SOFTWARE_ENGINEER'], '2024-01-01', '2026-03-31');
  await addPackage('DSONLY', 2_000_000, 0, 0, 0, ['DATA_SCIENTIST'], '2024-01-01', null);

  const position: Record<string, string> = {};
  const addPosition = async (key: string, code: string, family: string, seniority: string, coefficient: number) => {
    position[key] = await insertId(
      run,
      `insert into position (unit_id, title, category, role_family, seniority, pay_coefficient, headcount) values (?, ?, 'CIVIL_SERVANT', ?, ?, ?, 1)`,
      [unit[code], `Vị trí ${key}`, family, seniority, coefficient],
    );
  };
  await addPosition('pA_se', 'REG.A', 'SOFTWARE_ENGINEER', 'JUNIOR', 2.34);
  await addPosition('pW1_se', 'REG.A.W1', 'SOFTWARE_ENGINEER', 'JUNIOR', 2.67);
  await addPosition('pB_ds', 'REG.B', 'DATA_SCIENTIST', 'MID', 3.0);
  await addPosition('pB_sec', 'REG.B', 'INFORMATION_SECURITY', 'JUNIOR', 2.34);
  await addPosition('pB_admin', 'REG.B', 'GENERAL_ADMINISTRATION', 'JUNIOR', 2.34);
  await addPosition('pC_se', 'REG.C', 'SOFTWARE_ENGINEER', 'JUNIOR', 2.34);
  await addPosition('pO_se', 'OUT', 'SOFTWARE_ENGINEER', 'JUNIOR', 2.34);

  const vacancy: Record<string, string> = {};
  const vacancies: Array<[string, string, string, string | null]> = [
    ['v1', 'pA_se', 'OPEN', 'D179'],
    ['v2', 'pA_se', 'INTERVIEWING', 'TALENT'],
    ['v3', 'pW1_se', 'OFFERED', null],
    ['v4', 'pB_ds', 'OPEN', 'D179'],
    ['v5', 'pB_ds', 'OPEN', 'DSONLY'],
    ['v6', 'pB_sec', 'OPEN', 'D179'],
    ['v7', 'pB_admin', 'OPEN', null],
    ['v8', 'pA_se', 'FILLED', null],
    ['v9', 'pA_se', 'CANCELLED', null],
    ['v10', 'pC_se', 'OPEN', null],
    ['v11', 'pO_se', 'OPEN', 'D179'],
    ['v12', 'pW1_se', 'OPEN', 'DSONLY'],
  ];
  for (const [key, where, status, packageKey] of vacancies) {
    vacancy[key] = await insertId(
      run,
      `insert into vacancy (position_id, status, opened_on, filled_on, incentive_package_id) values (?, ?, '2025-01-10', ?, ?)`,
      [position[where], status, status === 'FILLED' ? '2025-06-01' : null, packageKey ? pkg[packageKey] : null],
    );
  }
  return { unit, position, pkg, vacancy };
}

/**
 * Decided (or pending) offers on a vacancy, one candidate and application each, with the given
 * pay ratios: what the acceptance model is fitted on.
 */
export async function addOffers(
  run: SqlRunner,
  vacancyId: string,
  offers: Array<{ ratio: number | null; status: 'ACCEPTED' | 'DECLINED' | 'PENDING' }>,
): Promise<void> {
  for (const [i, o] of offers.entries()) {
    const candidate = await insertId(run, `insert into candidate (full_name, current_sector) values (?, 'PRIVATE')`, [`Ứng viên ${vacancyId}-${i}-${Math.random().toString(36).slice(2, 8)}`]);
    const application = await insertId(run, `insert into application (candidate_id, vacancy_id, stage, applied_on) values (?, ?, 'OFFER', '2025-02-01')`, [candidate, vacancyId]);
    await run(
      `insert into offer (application_id, monthly_pay, status, decline_reason, pay_ratio, offered_on, decided_on) values (?, 10000000, ?, ?, ?, '2025-03-01', ?)`,
      [application, o.status, o.status === 'DECLINED' ? 'PAY' : null, o.ratio, o.status === 'PENDING' ? null : '2025-03-10'],
    );
  }
}
