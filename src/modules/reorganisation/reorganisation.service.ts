import type { EntityManager } from '@mikro-orm/postgresql';
import { assertRole, unitWithin } from '../../auth/scope';
import type { Viewer } from '../../auth/viewer';
import { sqlRunnerFor } from '../../db/sql-runner';
import { Role } from '../../graphql/enums';
import { isLocalDate } from '../../graphql/scalars';
import { DomainError, DomainErrors, inputField } from '../../shared/domain-error';
import { dayBefore } from '../../shared/today';
import { recordAudit } from '../audit';
import { OrgUnit, checkNewOrgUnit, CreateOrgUnitCommand, insertOrgUnit, orgUnitsByIds } from '../org';
import * as sql from './reorganisation.sql';
import { echo } from '../../shared/echo';

/**
 * Reorganisation (the contract's "Reorganisation" section): a unit is never moved or renamed in
 * place; a reform ends units and creates their successor, and history stays readable.
 *
 * reorganizeUnits, in the caller's one transaction:
 * - creates newUnit (createOrgUnit's rules) with validFrom = effectiveOn;
 * - ends each merged unit and every unit below it that has not ended yet (validTo = effectiveOn
 *   - 1 day); the merged units get successor = newUnit;
 * - recreates in newUnit every position of those units (title, category, roleFamily, seniority,
 *   payCoefficient, headcount, requirements), the positions of units below the merged ones
 *   included, so the people below move up into newUnit;
 * - ends each assignment active on effectiveOn the day before and starts one of the same kind
 *   (and the same planned end) on the recreated position on effectiveOn, without re-checking the
 *   establishment rule; an assignment that begins on or after effectiveOn moves to the recreated
 *   position as it is (it belongs to the new unit's time);
 * - moves every OPEN, INTERVIEWING or OFFERED vacancy to the recreated position (applications and
 *   offers follow) and records the move, so figures as of an earlier day still find it;
 * - gives newUnit, for each year from effectiveOn's year and each category, the sum of the merged
 *   units' own quotas (units below them give none; the merged units keep theirs, and scope rules
 *   keep the two from being counted twice);
 * - gives newUnit the workload components of the ended units, and makes it the recording office
 *   (home unit) of the people and candidates the ended offices recorded;
 * - records one audit event with the counts.
 * An unknown merged code, or one that has already ended (or is set to end), is a userError and
 * nothing changes. A single merged code moves a unit under a new parent, under a new code.
 *
 * Locks, in the order the other writers take them: the people whose assignments restart (as
 * assignPerson locks its person first), the live vacancies (as hireCandidate does), then every
 * unit of the merged subtrees and newUnit's parent, in code order. An assignPerson, hireCandidate
 * or openVacancy racing a reorganisation so either commits first, and is moved, or waits and finds
 * its unit ended, and is refused (INVALID_STATE).
 */
export interface ReorganizeUnitsCommand {
  newUnit: CreateOrgUnitCommand;
  mergedUnitCodes: string[];
  effectiveOn: string;
}

export interface ReorganisationResult {
  orgUnit: OrgUnit;
  positionsMoved: number;
  assignmentsMoved: number;
  vacanciesMoved: number;
}

export const MAX_MERGED_UNITS = 200;

function checkEffectiveOn(date: string, path: string[]): void {
  if (!isLocalDate(date) || Number(date.slice(0, 4)) < 1901 || Number(date.slice(0, 4)) > 2200) {
    throw new DomainError('BAD_USER_INPUT', 'effectiveOn must be a date from 1901 to 2200, written YYYY-MM-DD', path);
  }
}

export async function reorganizeUnits(em: EntityManager, viewer: Viewer, input: ReorganizeUnitsCommand): Promise<ReorganisationResult> {
  assertRole(viewer, 'reorganizeUnits', Role.ADMIN);
  const effectiveOn = input.effectiveOn;
  checkEffectiveOn(effectiveOn, inputField('effectiveOn'));
  const before = dayBefore(effectiveOn);
  const codes = (input.mergedUnitCodes ?? []).map((c) => c.trim());
  const problems: DomainError[] = [];
  if (codes.length === 0) problems.push(new DomainError('BAD_USER_INPUT', 'mergedUnitCodes names no unit', inputField('mergedUnitCodes')));
  if (codes.length > MAX_MERGED_UNITS) problems.push(new DomainError('BAD_USER_INPUT', `At most ${MAX_MERGED_UNITS} units merge at once`, inputField('mergedUnitCodes')));
  codes.forEach((code, i) => {
    if (codes.indexOf(code) !== i) problems.push(new DomainError('BAD_USER_INPUT', `${echo(code)} is listed twice`, inputField('mergedUnitCodes', String(i))));
    const above = codes.find((other) => other !== code && unitWithin(code, other));
    if (above) problems.push(new DomainError('BAD_USER_INPUT', `${echo(code)} lies under ${above}, which is merged too: list ${above} alone`, inputField('mergedUnitCodes', String(i))));
  });
  if (input.newUnit.validFrom != null && input.newUnit.validFrom !== effectiveOn) {
    problems.push(new DomainError('BAD_USER_INPUT', 'newUnit.validFrom is effectiveOn; leave it out or give the same date', inputField('newUnit', 'validFrom')));
  }
  const parentCode = input.newUnit.parentCode ?? null;
  const mergedParent = parentCode ? codes.find((code) => unitWithin(parentCode, code)) : undefined;
  if (parentCode && mergedParent) {
    problems.push(new DomainError('INVALID_STATE', `newUnit's parent ${echo(parentCode)} ends with ${mergedParent}, which this reorganisation merges`, inputField('newUnit', 'parentCode')));
  }
  if (problems.length) throw new DomainErrors(problems);

  const run = sqlRunnerFor(em);
  const found = new Map((await sql.unitsByCodes(run, codes)).map((u) => [u.code, u]));
  const unknown = codes.flatMap((code, i) => (found.has(code) ? [] : [new DomainError('NOT_FOUND', `No org unit has the code ${echo(code)}`, inputField('mergedUnitCodes', String(i)))]));
  if (unknown.length) throw new DomainErrors(unknown);

  // Locks: people, then vacancies, then units in code order (see above).
  await sql.lockPeopleToRestart(run, codes, effectiveOn);
  await sql.lockLiveVacancies(run, codes);
  const units = await sql.lockUnits(run, codes, parentCode);

  const states: DomainError[] = [];
  const subtreeUnits = units.filter((u) => codes.some((code) => unitWithin(u.code, code)));
  codes.forEach((code, i) => {
    const unit = subtreeUnits.find((u) => u.code === code);
    const at = inputField('mergedUnitCodes', String(i));
    if (!unit) states.push(new DomainError('NOT_FOUND', `No org unit has the code ${echo(code)}`, at));
    else if (unit.valid_to !== null) states.push(new DomainError('INVALID_STATE', `${echo(code)} has already ended (its last day is ${unit.valid_to}); reorganise its successor instead`, at));
    else if (unit.valid_from !== null && unit.valid_from >= effectiveOn) states.push(new DomainError('INVALID_STATE', `${echo(code)} begins on ${unit.valid_from}: it does not exist the day before ${effectiveOn}`, at));
  });
  const live = subtreeUnits.filter((u) => u.valid_to === null);
  for (const unit of subtreeUnits) {
    if (codes.includes(unit.code)) continue;
    if (unit.valid_to !== null && unit.valid_to >= effectiveOn) {
      states.push(new DomainError('INVALID_STATE', `${echo(unit.code)}, below a merged unit, is already set to end on ${unit.valid_to}`, inputField('mergedUnitCodes')));
    } else if (unit.valid_to === null && unit.valid_from !== null && unit.valid_from >= effectiveOn) {
      states.push(new DomainError('INVALID_STATE', `${echo(unit.code)}, below a merged unit, begins on ${unit.valid_from}, not before ${effectiveOn}`, inputField('mergedUnitCodes')));
    }
  }
  if (states.length) throw new DomainErrors(states);

  const checked = await checkNewOrgUnit(em, viewer, { ...input.newUnit, validFrom: effectiveOn }, effectiveOn, (name) => inputField('newUnit', name));
  const orgUnit = await insertOrgUnit(em, checked);
  const mergedIds = codes.map((code) => String(subtreeUnits.find((u) => u.code === code)!.id));
  const liveIds = live.map((u) => String(u.id));
  const counts = await sql.moveIntoUnit(run, { newUnitId: orgUnit.id, liveUnitIds: liveIds, mergedUnitIds: mergedIds, effectiveOn, dayBefore: before });
  await sql.endUnits(run, { liveUnitIds: liveIds, mergedUnitIds: mergedIds, successorId: orgUnit.id, dayBefore: before });

  recordAudit(em, viewer, {
    operation: 'reorganizeUnits',
    unitCode: orgUnit.code,
    targetId: orgUnit.globalId,
    changes: { ...input, counts: { ...counts, unitsEnded: liveIds.length, endedUnits: live.map((u) => u.code) } },
  });
  return { orgUnit, positionsMoved: counts.positionsMoved, assignmentsMoved: counts.assignmentsMoved, vacanciesMoved: counts.vacanciesMoved };
}

export interface DissolveOrgUnitCommand {
  code: string;
  effectiveOn: string;
}

/**
 * Ends a unit that has nothing live in it or below it on effectiveOn: no unit below still
 * existing then, no assignment active then or later, no OPEN, INTERVIEWING or OFFERED vacancy.
 * validTo = effectiveOn - 1 day; no successor. Otherwise INVALID_STATE naming what is there.
 * Locks the unit's subtree in code order, so an assignPerson racing it lands first (and the
 * dissolution is refused) or finds the unit ended (and is refused).
 */
export async function dissolveOrgUnit(em: EntityManager, viewer: Viewer, input: DissolveOrgUnitCommand): Promise<OrgUnit> {
  assertRole(viewer, 'dissolveOrgUnit', Role.ADMIN);
  checkEffectiveOn(input.effectiveOn, inputField('effectiveOn'));
  const code = input.code?.trim() ?? '';
  const run = sqlRunnerFor(em);
  const [exists] = await sql.unitsByCodes(run, [code]);
  if (!exists) throw new DomainError('NOT_FOUND', `No org unit has the code ${echo(code)}`, inputField('code'));
  const units = await sql.lockUnits(run, [code], null);
  const unit = units.find((u) => u.code === code)!;
  if (unit.valid_to !== null) throw new DomainError('INVALID_STATE', `${echo(code)} has already ended (its last day is ${unit.valid_to})`, inputField('code'));
  if (unit.valid_from !== null && unit.valid_from > input.effectiveOn) {
    throw new DomainError('INVALID_STATE', `${echo(code)} begins on ${unit.valid_from}, after ${input.effectiveOn}`, inputField('effectiveOn'));
  }
  const still = await sql.liveContentOn(run, String(unit.id), code, input.effectiveOn);
  const parts: string[] = [];
  const list = (codes: string[]) => (codes.length > 5 ? `${codes.slice(0, 5).join(', ')} and ${codes.length - 5} more` : codes.join(', '));
  if (still.units.length) parts.push(`${still.units.length} unit${still.units.length > 1 ? 's' : ''} (${list(still.units)})`);
  if (still.assignments) parts.push(`${still.assignments} assignment${still.assignments > 1 ? 's' : ''} (in ${list(still.assignmentUnits)})`);
  if (still.vacancies) parts.push(`${still.vacancies} open vacanc${still.vacancies > 1 ? 'ies' : 'y'} (in ${list(still.vacancyUnits)})`);
  if (parts.length) {
    throw new DomainError(
      'INVALID_STATE',
      `${code} still has, on ${input.effectiveOn} or later: ${parts.join('; ')}. Reorganise or end them first`,
      inputField('code'),
    );
  }
  await sql.endUnits(run, { liveUnitIds: [String(unit.id)], mergedUnitIds: [], successorId: null, dayBefore: dayBefore(input.effectiveOn) });
  const [row] = await orgUnitsByIds(run, [String(unit.id)]);
  const orgUnit = em.map(OrgUnit, row as unknown as Record<string, unknown>);
  recordAudit(em, viewer, { operation: 'dissolveOrgUnit', unitCode: code, targetId: orgUnit.globalId, changes: input });
  return orgUnit;
}

export interface MoveIntoSuccessorCommand {
  successorCode: string;
  predecessorCodes: string[];
  effectiveOn: string;
}

/**
 * The second half of reorganizeUnits, for a reform whose units are already on file: the
 * successor begins on effectiveOn and each predecessor ended the day before (as a map loaded
 * with its history records them, seeds/country.ts). Moves what the predecessors hold into the
 * successor by the same rules and the same statements as reorganizeUnits (positions recreated,
 * assignments active on the date ended and restarted, vacancies live on the date moved, quotas
 * summed from the date's year, workload, recording offices), and touches no unit: their dates
 * and successors are the map's. A predecessor may have no successor on file (a district the
 * reform abolished, whose own staff the successor takes). Anything else is a userError and
 * nothing changes. One audit event.
 */
export async function moveIntoSuccessor(em: EntityManager, viewer: Viewer, input: MoveIntoSuccessorCommand): Promise<ReorganisationResult> {
  assertRole(viewer, 'moveIntoSuccessor', Role.ADMIN);
  const effectiveOn = input.effectiveOn;
  checkEffectiveOn(effectiveOn, inputField('effectiveOn'));
  const before = dayBefore(effectiveOn);
  const successorCode = input.successorCode?.trim() ?? '';
  const codes = (input.predecessorCodes ?? []).map((c) => c.trim());
  if (codes.length === 0 || codes.length > MAX_MERGED_UNITS) {
    throw new DomainError('BAD_USER_INPUT', `predecessorCodes names 1 to ${MAX_MERGED_UNITS} units`, inputField('predecessorCodes'));
  }
  if (new Set(codes).size !== codes.length) throw new DomainError('BAD_USER_INPUT', 'predecessorCodes lists a unit twice', inputField('predecessorCodes'));
  const run = sqlRunnerFor(em);
  const units = await sql.lockUnits(run, codes, successorCode);
  const successor = units.find((u) => u.code === successorCode);
  if (!successor) throw new DomainError('NOT_FOUND', `No org unit has the code ${echo(successorCode)}`, inputField('successorCode'));
  if (successor.valid_from !== effectiveOn || successor.valid_to !== null) {
    throw new DomainError('INVALID_STATE', `${echo(successorCode)} does not begin on ${effectiveOn}, or has ended`, inputField('successorCode'));
  }
  const problems: DomainError[] = [];
  const predecessors = codes.map((code, i) => {
    const unit = units.find((u) => u.code === code);
    const at = inputField('predecessorCodes', String(i));
    if (!unit) problems.push(new DomainError('NOT_FOUND', `No org unit has the code ${echo(code)}`, at));
    else if (unit.valid_to !== before) problems.push(new DomainError('INVALID_STATE', `${echo(code)} does not end on ${before}, the day before ${effectiveOn}`, at));
    else if (unit.successor_id !== null && String(unit.successor_id) !== String(successor.id)) problems.push(new DomainError('INVALID_STATE', `${echo(code)} has another successor`, at));
    return unit;
  });
  if (problems.length) throw new DomainErrors(problems);
  const ids = predecessors.map((u) => String(u!.id));
  const counts = await sql.moveIntoUnit(run, { newUnitId: String(successor.id), liveUnitIds: ids, mergedUnitIds: ids, effectiveOn, dayBefore: before });
  const [row] = await orgUnitsByIds(run, [String(successor.id)]);
  const orgUnit = em.map(OrgUnit, row as unknown as Record<string, unknown>);
  recordAudit(em, viewer, { operation: 'moveIntoSuccessor', unitCode: successorCode, targetId: orgUnit.globalId, changes: { ...input, counts } });
  return { orgUnit, positionsMoved: counts.positionsMoved, assignmentsMoved: counts.assignmentsMoved, vacanciesMoved: counts.vacanciesMoved };
}
