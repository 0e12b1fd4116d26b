import type { EntityManager } from '@mikro-orm/postgresql';
import { assertUnitInScope } from '../../auth/scope';
import { currentUnitOf, Viewer } from '../../auth/viewer';
import { sqlRunnerFor } from '../../db/sql-runner';
import { DomainError, DomainErrors, inputField } from '../../shared/domain-error';
import { yearOf } from '../../shared/today';
import { clockOf } from '../../edge/deps';
import { Sex } from '../../graphql/enums';
import { isLocalDate } from '../../graphql/scalars';
import type { SqlRunner } from '../../db/sql-runner';
import { OrgUnit, openEndedRefusal } from '../org';
import { collectCompetencyLevels, ResolvedLevel } from './competency.service';
import { echo } from '../../shared/echo';

/** What HR records about someone, staff or candidate: a name, maybe a birth year, competencies, and the recording office. */
export interface ProfileInput {
  fullName: string;
  birthYear?: number | null;
  competencies?: Array<{ competencyCode: string; level: number }> | null;
  /** The recording HR office; default the caller's own unit (its successor once it has ended). */
  unitCode?: string | null;
}

export interface CheckedProfile {
  fullName: string;
  levels: ResolvedLevel[];
  homeUnit: OrgUnit | null;
  homeUnitCode: string | null;
}

/** Checks a name and birth year (not after `today`'s year); the roster import reports these per row too. */
export function profileProblems(input: { fullName: string; birthYear?: number | null }, today: string): DomainError[] {
  const problems: DomainError[] = [];
  const name = input.fullName?.trim() ?? '';
  if (name.length < 1 || name.length > 200) problems.push(new DomainError('BAD_USER_INPUT', 'fullName must have 1 to 200 characters', inputField('fullName')));
  const thisYear = yearOf(today);
  if (input.birthYear != null && (!Number.isInteger(input.birthYear) || input.birthYear < 1900 || input.birthYear > thisYear)) {
    problems.push(new DomainError('BAD_USER_INPUT', `birthYear must be from 1900 to ${thisYear}`, inputField('birthYear')));
  }
  return problems;
}

/** What identifies a member of staff beyond their name (personal data, Decree 13/2023). */
export interface IdentityInput {
  nationalId?: string | null;
  sex?: Sex | null;
  birthDate?: string | null;
  birthYear?: number | null;
}

export const NATIONAL_ID_PATTERN = /^[0-9]{12}$/;

/**
 * Checks a CCCD number and a birth date against today and against the birth year; createPerson,
 * updatePerson and the roster import report these (the import per row and column).
 */
export function identityProblems(input: IdentityInput, today: string): DomainError[] {
  const problems: DomainError[] = [];
  if (input.nationalId != null && !NATIONAL_ID_PATTERN.test(input.nationalId)) {
    problems.push(new DomainError('BAD_USER_INPUT', 'nationalId (CCCD) must be exactly 12 digits', inputField('nationalId')));
  }
  if (input.sex != null && input.sex !== Sex.MALE && input.sex !== Sex.FEMALE) {
    problems.push(new DomainError('BAD_USER_INPUT', 'sex must be MALE or FEMALE', inputField('sex')));
  }
  if (input.birthDate != null) {
    if (!isLocalDate(input.birthDate)) problems.push(new DomainError('BAD_USER_INPUT', 'birthDate must be a date written YYYY-MM-DD', inputField('birthDate')));
    else if (input.birthDate > today) problems.push(new DomainError('BAD_USER_INPUT', 'birthDate cannot be in the future', inputField('birthDate')));
    else if (input.birthDate < '1900-01-01') problems.push(new DomainError('BAD_USER_INPUT', 'birthDate cannot be before 1900', inputField('birthDate')));
    else if (input.birthYear != null && input.birthYear !== yearOf(input.birthDate)) {
      problems.push(new DomainError('BAD_USER_INPUT', `birthYear ${input.birthYear} disagrees with birthDate ${input.birthDate}`, inputField('birthYear')));
    }
  }
  return problems;
}

/** The birth year a record keeps: the birth date's year when there is one. */
export function birthYearOf(input: IdentityInput): number | null {
  return input.birthDate ? yearOf(input.birthDate) : (input.birthYear ?? null);
}

/** Throws CONFLICT when another person already has this CCCD number. */
export async function assertNationalIdFree(run: SqlRunner, nationalId: string | null | undefined, exceptPersonId: string | null = null): Promise<void> {
  if (!nationalId) return;
  const taken = await run('select 1 from person where national_id = ? and id is distinct from ?::bigint', [nationalId, exceptPersonId]);
  if (taken.length) throw new DomainError('CONFLICT', 'Another person already has that nationalId', inputField('nationalId'));
}

/**
 * Validates a profile (every problem at once), resolves competency codes, and resolves the
 * recording unit, which must lie in the caller's subtree. Shared by createPerson and createCandidate.
 */
export async function checkProfile(em: EntityManager, viewer: Viewer, input: ProfileInput, moreProblems: readonly DomainError[] = []): Promise<CheckedProfile> {
  const homeUnitCode = input.unitCode ?? currentUnitOf(viewer);
  if (homeUnitCode) assertUnitInScope(viewer, homeUnitCode);
  const today = clockOf(em).today();
  const problems = [...profileProblems(input, today), ...moreProblems];
  const levels = await collectCompetencyLevels(em, input.competencies, 'competencies', problems);
  if (problems.length) throw new DomainErrors(problems);
  let homeUnit: OrgUnit | null = null;
  if (homeUnitCode) {
    const [row] = await sqlRunnerFor(em)<{ id: string; code: string; valid_from: string | null; valid_to: string | null }>(
      'select id, code, valid_from, valid_to from org_unit where code = ?',
      [homeUnitCode],
    );
    if (!row) throw new DomainError('NOT_FOUND', `No org unit has the code ${echo(homeUnitCode)}`, inputField('unitCode'));
    // An office that has ended (or is set to end) records no one; one yet to begin may.
    const refusal = row.valid_to !== null ? openEndedRefusal(row, today) : null;
    if (refusal) throw new DomainError('INVALID_STATE', refusal, inputField('unitCode'));
    homeUnit = em.getReference(OrgUnit, String(row.id));
  }
  return { fullName: input.fullName.trim(), levels, homeUnit, homeUnitCode };
}
