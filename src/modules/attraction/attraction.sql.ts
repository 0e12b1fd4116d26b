import type { SqlRunner } from '../../db/sql-runner';
import { provinceCodesOfRegion } from '../../shared/region';
import { allOf, fragment, spliced } from '../../shared/sql';
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
  const given = [
    ['role_family', filter.roleFamily],
    ['seniority', filter.seniority],
    ['sector', filter.sector],
    ['region', filter.region],
  ] as const;
  const where = given.filter(([, value]) => value != null).map(([column, value]) => spliced`${fragment(`b.${column}`)} = ${value}`);
  const query = spliced`select ${fragment(BENCHMARK_COLUMNS)} from salary_benchmark b where ${allOf(where)}
     order by b.region, b.sector, b.role_family, b.seniority, b.as_of desc, b.id`;
  return run<SalaryBenchmarkRow>(query.text, query.values);
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
  const query = spliced`insert into salary_benchmark as b (role_family, seniority, sector, region, p25, p50, p75, source, as_of)
     values (${v.roleFamily}, ${v.seniority}, ${v.sector}, ${v.region}, ${v.p25}, ${v.p50}, ${v.p75}, ${v.source}, ${v.asOf}::date)
     on conflict (role_family, seniority, sector, region, as_of)
     do update set p25 = excluded.p25, p50 = excluded.p50, p75 = excluded.p75, source = excluded.source
     returning ${fragment(BENCHMARK_COLUMNS)}, (xmax = 0) as inserted`;
  const [row] = await run<SalaryBenchmarkRow & { inserted: boolean }>(query.text, query.values);
  return row;
}

/** True when `region` is the pay region of some province that exists (shared/region.ts's rule). */
export async function isProvinceRegion(run: SqlRunner, region: string): Promise<boolean> {
  const query = spliced`select 1 from org_unit u where u.code = any(${provinceCodesOfRegion(region)}::text[]) limit 1`;
  return (await run(query.text, query.values)).length > 0;
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
  const query = spliced`insert into base_salary as s (effective_from, monthly_amount, legal_basis) values (${effectiveFrom}::date, ${monthlyAmount}, ${legalBasis})
     on conflict (effective_from) do update set monthly_amount = excluded.monthly_amount, legal_basis = excluded.legal_basis
     returning s.id, s.effective_from, s.monthly_amount, s.legal_basis, (xmax = 0) as inserted`;
  const [row] = await run<BaseSalaryRow & { inserted: boolean }>(query.text, query.values);
  return row;
}
