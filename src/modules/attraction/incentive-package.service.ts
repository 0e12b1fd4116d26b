import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer';
import { RoleFamily } from '../../graphql/enums';
import { keyOfGlobalId } from '../../graphql/global-id';
import { DomainError, DomainErrors, inputField } from '../../shared/domain-error';
import { newEntity } from '../../db/new-entity';
import { recordAudit } from '../audit';
import * as sql from './attraction.sql';
import { MAX_AMOUNT } from './benchmark.service';
import { IncentivePackage } from './incentive-package.entity';
import { readModel } from '../../db/read-model';
import { byKey } from '../../graphql/loaders';
import type { Deps } from '../../edge/deps';

/** One loader for packages, shared with Vacancy.incentivePackage, Offer.incentivePackage and node(id). */
export function incentivePackageById(deps: Deps, id: string): Promise<IncentivePackage | null> {
  return deps.loaders
    .get<string, IncentivePackage | null>('incentivePackage.byId', async (ids) => {
      const rows = await deps.sql<Record<string, unknown>>(
        `select id, name, legal_basis, monthly_allowance, salary_percent_allowance, signing_bonus, min_service_years,
                eligible_role_families, valid_from, valid_to from incentive_package where id = any(?::bigint[])`,
        [ids],
      );
      return byKey(ids, rows, (r) => String(r.id), (r) => readModel(deps.em, IncentivePackage, r), null);
    })
    .load(id);
}

/** Upper bound of salaryPercentAllowance (+10,000 % of coefficient pay): beyond it a figure is a typing error. */
export const MAX_SALARY_PERCENT = 100;
/** Upper bound of a service commitment, in years. */
export const MAX_SERVICE_YEARS = 50;

/** Packages valid on `activeOn` (validFrom <= d <= validTo, open end), or all of them; oldest first. */
export async function listIncentivePackages(deps: Deps, activeOn: string | null): Promise<IncentivePackage[]> {
  return (await sql.packageList(deps.sql, activeOn)).map((r) => readModel(deps.em, IncentivePackage, r));
}

export interface PackageValues {
  name: string;
  legalBasis: string | null;
  monthlyAllowance: number;
  salaryPercentAllowance: number;
  signingBonus: number;
  minServiceYears: number;
  eligibleRoleFamilies: RoleFamily[];
  validFrom: string;
  validTo: string | null;
}

/** Every problem of a package's values, each on its input field. */
export function packageProblems(v: PackageValues): DomainError[] {
  const problems: DomainError[] = [];
  const bad = (field: string, message: string) => problems.push(new DomainError('BAD_USER_INPUT', message, inputField(field)));
  if (v.name.length < 1 || v.name.length > 300) bad('name', 'name must have 1 to 300 characters');
  if (v.legalBasis !== null && v.legalBasis.length > 500) bad('legalBasis', 'legalBasis may have at most 500 characters');
  for (const field of ['monthlyAllowance', 'signingBonus'] as const) {
    const value = v[field];
    if (!Number.isSafeInteger(value) || value < 0) bad(field, `${field} may not be negative`);
    else if (value > MAX_AMOUNT) bad(field, `${field} may be at most ${MAX_AMOUNT} VND`);
  }
  if (!Number.isFinite(v.salaryPercentAllowance) || v.salaryPercentAllowance < 0) {
    bad('salaryPercentAllowance', 'salaryPercentAllowance must be a finite number, 0 or more (0.5 means +50 %)');
  } else if (v.salaryPercentAllowance > MAX_SALARY_PERCENT) {
    bad('salaryPercentAllowance', `salaryPercentAllowance may be at most ${MAX_SALARY_PERCENT} (+${MAX_SALARY_PERCENT * 100} %)`);
  }
  if (!Number.isInteger(v.minServiceYears) || v.minServiceYears < 0 || v.minServiceYears > MAX_SERVICE_YEARS) {
    bad('minServiceYears', `minServiceYears must be a whole number from 0 to ${MAX_SERVICE_YEARS}`);
  } else if (v.signingBonus > 0 && v.minServiceYears < 1) {
    bad('minServiceYears', 'minServiceYears must be at least 1 when there is a signing bonus');
  }
  if (v.eligibleRoleFamilies.length === 0) bad('eligibleRoleFamilies', 'eligibleRoleFamilies must name at least one role family');
  if (v.validTo !== null && v.validTo < v.validFrom) bad('validTo', 'validTo may not be before validFrom');
  return problems;
}

function distinct<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** A new package's values as given: the legal basis and the end may be left out. */
export type CreateIncentivePackageCommand = Omit<PackageValues, 'legalBasis' | 'validTo'> & Partial<Pick<PackageValues, 'legalBasis' | 'validTo'>>;

export async function createIncentivePackage(em: EntityManager, viewer: Viewer, input: CreateIncentivePackageCommand): Promise<IncentivePackage> {
  const values: PackageValues = {
    name: input.name?.trim() ?? '',
    legalBasis: input.legalBasis?.trim() || null,
    monthlyAllowance: input.monthlyAllowance,
    salaryPercentAllowance: input.salaryPercentAllowance,
    signingBonus: input.signingBonus,
    minServiceYears: input.minServiceYears,
    eligibleRoleFamilies: distinct(input.eligibleRoleFamilies ?? []),
    validFrom: input.validFrom,
    validTo: input.validTo ?? null,
  };
  const problems = packageProblems(values);
  if (problems.length) throw new DomainErrors(problems);
  const pkg = newEntity(em, IncentivePackage, values);
  await em.flush();
  recordAudit(em, viewer, { operation: 'createIncentivePackage', targetId: pkg.globalId, changes: input });
  return pkg;
}

export interface UpdateIncentivePackageCommand {
  id: string;
  name?: string | null;
  legalBasis?: string | null;
  monthlyAllowance?: number | null;
  salaryPercentAllowance?: number | null;
  signingBonus?: number | null;
  minServiceYears?: number | null;
  eligibleRoleFamilies?: RoleFamily[] | null;
  validFrom?: string | null;
  validTo?: string | null;
}

/**
 * Changes the fields given. Absent fields keep their value; so does null on a field that
 * cannot be empty, while null clears legalBasis and validTo (open end). The result is
 * validated as a whole, like a new package.
 */
export async function updateIncentivePackage(em: EntityManager, viewer: Viewer, input: UpdateIncentivePackageCommand): Promise<IncentivePackage> {
  const id = keyOfGlobalId(input.id, 'IncentivePackage', inputField('id'));
  const pkg = await em.findOne(IncentivePackage, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!pkg) throw new DomainError('NOT_FOUND', 'No incentive package has that ID', inputField('id'));
  const given = <K extends keyof UpdateIncentivePackageCommand>(key: K) => input[key] !== undefined && input[key] !== null;
  const values: PackageValues = {
    name: given('name') ? input.name!.trim() : pkg.name,
    legalBasis: input.legalBasis !== undefined ? input.legalBasis?.trim() || null : pkg.legalBasis ?? null,
    monthlyAllowance: given('monthlyAllowance') ? input.monthlyAllowance! : pkg.monthlyAllowance,
    salaryPercentAllowance: given('salaryPercentAllowance') ? input.salaryPercentAllowance! : pkg.salaryPercentAllowance,
    signingBonus: given('signingBonus') ? input.signingBonus! : pkg.signingBonus,
    minServiceYears: given('minServiceYears') ? input.minServiceYears! : pkg.minServiceYears,
    eligibleRoleFamilies: given('eligibleRoleFamilies') ? distinct(input.eligibleRoleFamilies!) : pkg.eligibleRoleFamilies,
    validFrom: given('validFrom') ? input.validFrom! : pkg.validFrom,
    validTo: input.validTo !== undefined ? input.validTo ?? null : pkg.validTo ?? null,
  };
  const problems = packageProblems(values);
  if (problems.length) throw new DomainErrors(problems);
  Object.assign(pkg, values);
  await em.flush();
  recordAudit(em, viewer, { operation: 'updateIncentivePackage', targetId: pkg.globalId, changes: input });
  return pkg;
}
