import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer';
import { sqlRunnerFor } from '../../db/sql-runner';
import { DomainError, DomainErrors, inputField } from '../../shared/domain-error';
import { recordAudit } from '../audit';
import * as sql from './attraction.sql';
import { BaseSalary } from './base-salary.entity';
import { MAX_AMOUNT } from './benchmark.service';
import type { Deps } from '../../edge/deps';

function fromRow(em: EntityManager, row: sql.BaseSalaryRow): BaseSalary {
  return em.map(BaseSalary, row as unknown as Record<string, unknown>);
}

/** Every base salary, oldest first. */
export async function listBaseSalaries(deps: Deps): Promise<BaseSalary[]> {
  return (await sql.baseSalaryList(deps.sql)).map((r) => fromRow(deps.em, r));
}

export interface SetBaseSalaryCommand {
  effectiveFrom: string;
  monthlyAmount: number;
  legalBasis?: string | null;
}

/** Adds a base salary from a date, or replaces the one starting that day. */
export async function setBaseSalary(em: EntityManager, viewer: Viewer, input: SetBaseSalaryCommand): Promise<BaseSalary> {
  const problems: DomainError[] = [];
  if (!(input.monthlyAmount > 0) || input.monthlyAmount > MAX_AMOUNT) {
    problems.push(new DomainError('BAD_USER_INPUT', `monthlyAmount must be above 0 and at most ${MAX_AMOUNT} VND`, inputField('monthlyAmount')));
  }
  const legalBasis = input.legalBasis?.trim() || null;
  if (legalBasis !== null && legalBasis.length > 500) problems.push(new DomainError('BAD_USER_INPUT', 'legalBasis may have at most 500 characters', inputField('legalBasis')));
  if (problems.length) throw new DomainErrors(problems);
  const row = await sql.upsertBaseSalary(sqlRunnerFor(em), input.effectiveFrom, input.monthlyAmount, legalBasis);
  const { inserted, ...values } = row;
  recordAudit(em, viewer, { operation: 'setBaseSalary', targetId: null, changes: { ...input, created: inserted } });
  return fromRow(em, values);
}
