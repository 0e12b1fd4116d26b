import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer';
import { sqlRunnerFor } from '../../db/sql-runner';
import { RoleFamily, Sector, Seniority } from '../../graphql/enums';
import { DomainError, DomainErrors, inputField } from '../../shared/domain-error';
import { recordAudit } from '../audit';
import * as sql from './attraction.sql';
import { SalaryBenchmark } from './salary-benchmark.entity';
import { NATIONAL_REGION } from '../../shared/region';
import { echo } from '../../shared/echo';
import { loadById, type Deps } from '../../edge/deps';

/** Upper bound of any amount of money the API accepts (a thousand billion VND). */
export const MAX_AMOUNT = 1_000_000_000_000;

export function benchmarkFromRow(em: EntityManager, row: sql.SalaryBenchmarkRow): SalaryBenchmark {
  return em.map(SalaryBenchmark, row as unknown as Record<string, unknown>);
}

export function benchmarkById(deps: Deps, id: string): Promise<SalaryBenchmark | null> {
  return loadById(deps, 'salaryBenchmark.byId', id, (ids) => sql.benchmarksByIds(deps.sql, ids), (r) => benchmarkFromRow(deps.em, r));
}

/** Every benchmark matching the filters (any asOf), by region, sector, family, seniority, newest first. */
export async function listSalaryBenchmarks(deps: Deps, filter: sql.BenchmarkFilter): Promise<SalaryBenchmark[]> {
  return (await sql.benchmarkList(deps.sql, filter)).map((r) => benchmarkFromRow(deps.em, r));
}

export interface SalaryBenchmarkCommand {
  roleFamily: RoleFamily;
  seniority: Seniority;
  sector: Sector;
  region: string;
  p25?: number | null;
  p50: number;
  p75?: number | null;
  source: string;
  asOf: string;
}

export async function upsertSalaryBenchmark(em: EntityManager, viewer: Viewer, input: SalaryBenchmarkCommand): Promise<SalaryBenchmark> {
  const run = sqlRunnerFor(em);
  const problems: DomainError[] = [];
  const region = input.region?.trim() ?? '';
  const source = input.source?.trim() ?? '';
  const p25 = input.p25 ?? null;
  const p75 = input.p75 ?? null;
  for (const [name, value] of [['p25', p25], ['p50', input.p50], ['p75', p75]] as const) {
    if (value !== null && (value < 0 || value > MAX_AMOUNT)) {
      problems.push(new DomainError('BAD_USER_INPUT', `${echo(name)} must be from 0 to ${MAX_AMOUNT} VND`, inputField(name)));
    }
  }
  if (!(input.p50 > 0)) problems.push(new DomainError('BAD_USER_INPUT', 'p50 must be above 0', inputField('p50')));
  if (p25 !== null && p25 > input.p50) problems.push(new DomainError('BAD_USER_INPUT', 'p25 may not exceed p50', inputField('p25')));
  if (p75 !== null && p75 < input.p50) problems.push(new DomainError('BAD_USER_INPUT', 'p75 may not be below p50', inputField('p75')));
  if (source.length < 1 || source.length > 500) problems.push(new DomainError('BAD_USER_INPUT', 'source must have 1 to 500 characters', inputField('source')));
  if (region !== NATIONAL_REGION && !(region && (await sql.isProvinceRegion(run, region)))) {
    problems.push(new DomainError('BAD_USER_INPUT', `region must be "${NATIONAL_REGION}" or the code of a top-level unit, e.g. "HCM"`, inputField('region')));
  }
  if (problems.length) throw new DomainErrors(problems);

  const row = await sql.upsertBenchmark(run, {
    roleFamily: input.roleFamily, seniority: input.seniority, sector: input.sector, region,
    p25, p50: input.p50, p75, source, asOf: input.asOf,
  });
  const { inserted, ...values } = row;
  const benchmark = benchmarkFromRow(em, values);
  recordAudit(em, viewer, {
    operation: 'upsertSalaryBenchmark',
    unitCode: region === NATIONAL_REGION ? null : region,
    targetId: benchmark.globalId,
    changes: { ...input, created: inserted },
  });
  return benchmark;
}
