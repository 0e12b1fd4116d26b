import { unitInScope } from '../../auth/scope';
import { badUserInput, forbidden, notFound } from '../../shared/domain-error';
import { fromGlobalId } from '../../graphql/global-id';
import { unitById } from '../org';
import { positionById } from '../staffing';
import { baseSalaryOn, privateMediansFor } from './benchmark.sql';
import { IncentivePackage } from './incentive-package.entity';
import { incentivePackageById } from './incentive-package.service';
import { coefficientPay, packageApplies, payRatio, publicMonthly } from './pay-formula';
import { regionOfCode } from '../../shared/region';
import type { Deps } from '../../edge/deps';

/** The figures of a PayComparison, computed as the contract states them. */
export interface PayComparisonResult {
  positionId: string;
  asOf: string;
  baseSalary: number;
  coefficientPay: number;
  publicMonthly: number;
  privateMedian: number | null;
  ratio: number | null;
  benchmarkId: string | null;
  region: string;
  /** The package asked for, when it counts for the position on the date; else null. */
  appliedPackageId: string | null;
  /** The package asked for, whether it counts or not. */
  requestedPackageId: string | null;
}

/** Decodes an ID argument of a query: BAD_USER_INPUT unless it is a global ID of `type`. */
export function queryKeyOf(globalId: string, type: string, argument: string): string {
  const decoded = fromGlobalId(globalId);
  if (!decoded || decoded.type !== type) throw badUserInput(`${argument} is not a ${type} ID`, argument);
  return decoded.key;
}

/**
 * payGap: public monthly pay of a position under an optional package (it counts only while
 * the date is within its validity and the position's role family is eligible; otherwise the
 * position is taken as having none), against the private median for its family, seniority and
 * region on the date.
 */
export async function payGap(deps: Deps, args: { positionId: string; incentivePackageId?: string | null; asOf?: string | null }): Promise<PayComparisonResult> {
  const positionKey = queryKeyOf(args.positionId, 'Position', 'positionId');
  const packageKey = args.incentivePackageId ? queryKeyOf(args.incentivePackageId, 'IncentivePackage', 'incentivePackageId') : null;
  const date = args.asOf ?? deps.clock.today();
  const position = await positionById(deps, positionKey);
  if (!position) throw notFound('No position has that ID');
  const unit = await unitById(deps, position.unit.id);
  if (!unit || !unitInScope(deps.viewer, unit.code)) throw forbidden(`The position's unit is outside your scope`);
  let pkg: IncentivePackage | null = null;
  if (packageKey) {
    pkg = await incentivePackageById(deps, packageKey);
    if (!pkg) throw notFound('No incentive package has that ID');
  }
  const base = await baseSalaryOn(deps.sql, date);
  const [median] = await privateMediansFor(deps.sql, [positionKey], date);
  if (base === null) throw badUserInput(`No base salary is in force on ${date}`, 'asOf');
  const applied = pkg && packageApplies(pkg, position.roleFamily, date) ? pkg : null;
  const monthly = publicMonthly(base, position.payCoefficient, applied);
  const privateMedian = median?.p50 ?? null;
  return {
    positionId: positionKey,
    asOf: date,
    baseSalary: base,
    coefficientPay: coefficientPay(base, position.payCoefficient),
    publicMonthly: monthly,
    privateMedian,
    ratio: payRatio(monthly, privateMedian),
    benchmarkId: median?.benchmark_id != null ? String(median.benchmark_id) : null,
    region: median?.region ?? regionOfCode(unit.code),
    appliedPackageId: applied ? applied.id : null,
    requestedPackageId: pkg ? pkg.id : null,
  };
}
