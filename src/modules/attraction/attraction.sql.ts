import type { SqlRunner } from '../../db/sql-runner';
import { NATION_CODE } from '../../shared/region';
import { fragment, spliced } from '../../shared/sql';
import { packageValidOn } from './package-dates.sql';

/** Set-based reads and upserts of the attraction tables: benchmarks, packages, base salaries. */

export interface SalaryBenchmarkRow {
  id: string;
  role_family: string;
  seniority: string;
  sector: string;
  region: string;
  p25: string | null;
  p50: string;
  p75: string | null;
  source: string;
  as_of: string;
}

const BENCHMARK_COLUMNS = 'b.id, b.role_family, b.seniority, b.sector, b.region, b.p25, b.p50, b.p75, b.source, b.as_of';

export async function benchmarksByIds(run: SqlRunner, ids: readonly string[]): Promise<SalaryBenchmarkRow[]> {
  return run<SalaryBenchmarkRow>(`select ${BENCHMARK_COLUMNS} from salary_benchmark b where b.id = any(?::bigint[])`, [ids]);
}

export interface BenchmarkFilter {
  roleFamily?: string | null;
  seniority?: string | null;
  sector?: string | null;
  region?: string | null;
}

export async function benchmarkList(run: SqlRunner, filter: BenchmarkFilter): Promise<SalaryBenchmarkRow[]> {
  const where: string[] = ['true'];
  const params: unknown[] = [];
  for (const [column, value] of [
    ['role_family', filter.roleFamily],
    ['seniority', filter.seniority],
    ['sector', filter.sector],
    ['region', filter.region],
  ] as const) {
    if (value != null) {
      where.push(`b.${column} = ?`);
      params.push(value);
    }
  }
  return run<SalaryBenchmarkRow>(
    `select ${BENCHMARK_COLUMNS} from salary_benchmark b where ${where.join(' and ')}
     order by b.region, b.sector, b.role_family, b.seniority, b.as_of desc, b.id`,
    params,
  );
}

export interface BenchmarkValues {
  roleFamily: string;
  seniority: string;
  sector: string;
  region: string;
  p25: number | null;
  p50: number;
  p75: number | null;
  source: string;
  asOf: string;
}

/** Upsert on (roleFamily, seniority, sector, region, asOf); `inserted` tells which it was. */
export async function upsertBenchmark(run: SqlRunner, v: BenchmarkValues): Promise<SalaryBenchmarkRow & { inserted: boolean }> {
  const [row] = await run<SalaryBenchmarkRow & { inserted: boolean }>(
    `insert into salary_benchmark as b (role_family, seniority, sector, region, p25, p50, p75, source, as_of)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?::date)
     on conflict (role_family, seniority, sector, region, as_of)
     do update set p25 = excluded.p25, p50 = excluded.p50, p75 = excluded.p75, source = excluded.source
     returning ${BENCHMARK_COLUMNS}, (xmax = 0) as inserted`,
    [v.roleFamily, v.seniority, v.sector, v.region, v.p25, v.p50, v.p75, v.source, v.asOf],
  );
  return row;
}

/** True when `code` is the pay region of some province (regionOfCode in shared/region.ts): a top-level unit, or one right below the nation ("HCM" for "VN.HCM"). */
export async function isProvinceRegion(run: SqlRunner, code: string): Promise<boolean> {
  const rows = await run(
    `select 1 from org_unit u left join org_unit parent on parent.id = u.parent_id
     where (u.code = ? and u.parent_id is null) or (u.code = ? || '.' || ? and parent.code = ?)`,
    [code, NATION_CODE, code, NATION_CODE],
  );
  return rows.length > 0;
}

export const PACKAGE_COLUMNS =
  'k.id, k.name, k.legal_basis, k.monthly_allowance, k.salary_percent_allowance, k.signing_bonus, k.min_service_years, k.eligible_role_families, k.valid_from, k.valid_to';

/** Packages, all of them or those valid on `activeOn`. */
export async function packageList(run: SqlRunner, activeOn: string | null): Promise<Array<Record<string, unknown>>> {
  if (activeOn === null) return run(`select ${PACKAGE_COLUMNS} from incentive_package k order by k.valid_from, k.id`);
  const query = spliced`select ${fragment(PACKAGE_COLUMNS)} from incentive_package k where ${packageValidOn('k', activeOn)} order by k.valid_from, k.id`;
  return run(query.text, query.values);
}

export interface BaseSalaryRow {
  id: string;
  effective_from: string;
  monthly_amount: string;
  legal_basis: string | null;
}

export async function baseSalaryList(run: SqlRunner): Promise<BaseSalaryRow[]> {
  return run<BaseSalaryRow>(`select id, effective_from, monthly_amount, legal_basis from base_salary order by effective_from`);
}

/** Upsert on effectiveFrom. */
export async function upsertBaseSalary(run: SqlRunner, effectiveFrom: string, monthlyAmount: number, legalBasis: string | null): Promise<BaseSalaryRow & { inserted: boolean }> {
  const [row] = await run<BaseSalaryRow & { inserted: boolean }>(
    `insert into base_salary as s (effective_from, monthly_amount, legal_basis) values (?::date, ?, ?)
     on conflict (effective_from) do update set monthly_amount = excluded.monthly_amount, legal_basis = excluded.legal_basis
     returning s.id, s.effective_from, s.monthly_amount, s.legal_basis, (xmax = 0) as inserted`,
    [effectiveFrom, monthlyAmount, legalBasis],
  );
  return row;
}
