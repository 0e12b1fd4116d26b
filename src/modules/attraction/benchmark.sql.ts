import { runQuery, type SqlRunner } from '../../db/sql-runner';
import { NATIONAL_REGION, regionOf } from '../../shared/region';
import { fragment, spliced } from '../../shared/sql';

/**
 * The contract's private median of a position on a date: p50 of the PRIVATE benchmark for the
 * position's roleFamily and seniority in the unit's pay region (shared/region.ts), the latest
 * with asOf <= the date, falling back to the national region. One statement for any number of
 * positions.
 */
export interface PrivateMedianRow {
  position_id: string;
  benchmark_id: string | null;
  p50: number | null;
  region: string;
}

export async function privateMediansFor(run: SqlRunner, positionIds: readonly string[], date: string): Promise<PrivateMedianRow[]> {
  const region = fragment(regionOf('u.code'));
  return runQuery<PrivateMedianRow>(run, spliced`select p.id as position_id, b.id as benchmark_id, b.p50::float8 as p50, ${region} as region
     from position p
     join org_unit u on u.id = p.unit_id
     left join lateral (
       select sb.id, sb.p50 from salary_benchmark sb
       where sb.sector = 'PRIVATE' and sb.role_family = p.role_family and sb.seniority = p.seniority
         and sb.region in (${region}, ${NATIONAL_REGION}::text) and sb.as_of <= ${date}::date
       order by (sb.region = ${region}) desc, sb.as_of desc
       limit 1
     ) b on true
     where p.id = any(${positionIds}::bigint[])`);
}

/** The base salary (lương cơ sở) in force on a date, or null before the first one. */
export async function baseSalaryOn(run: SqlRunner, date: string): Promise<number | null> {
  const [row] = await run<{ amount: number }>(
    `select monthly_amount::float8 as amount from base_salary where effective_from <= ?::date order by effective_from desc limit 1`,
    [date],
  );
  return row ? row.amount : null;
}
