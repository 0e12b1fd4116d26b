import type { EntityManager } from '@mikro-orm/postgresql';
import { assertUnitInScope, scopePaths } from '../../auth/scope';
import { Viewer } from '../../auth/viewer';
import { sqlRunnerFor } from '../../db/sql-runner';
import { MAX_PAGE_SIZE } from '../../graphql/connection';
import { badUserInput, DomainError, forbidden, inputField } from '../../shared/domain-error';
import { AssignmentKind, Sector, SeparationReason } from '../../graphql/enums';
import { keyOfGlobalId, toGlobalId } from '../../graphql/global-id';
import { byKey, groupByKey } from '../../graphql/loaders';
import { isLocalDate } from '../../graphql/scalars';
import { dayBefore } from '../../shared/today';
import { spliced } from '../../shared/sql';
import { assignmentActiveOn } from './assignment-dates.sql';
import { recordAudit } from '../audit';
import { Person, peopleInSubtree } from '../people';
import { Assignment } from './assignment.entity';
import type { Position } from './position.entity';
import { SeatTaken, takeSeat } from './seat';
import * as sql from './position.sql';
import { readModel, readModelOfTuple } from '../../db/read-model';
import { loadById, type Deps } from '../../edge/deps';

function toEntity(deps: Deps, row: sql.AssignmentRow): Assignment {
  return readModel(deps.em, Assignment, row as unknown as Record<string, unknown>);
}

export function assignmentById(deps: Deps, id: string): Promise<Assignment | null> {
  return loadById(deps, 'assignment.byId', id, (ids) => sql.assignmentsByIds(deps.sql, ids), (r) => toEntity(deps, r));
}

/**
 * A position's assignments, batched per request. With `holder` (the query selects `person`)
 * each comes with its Person already built, so a list of 50,000 seats needs no second load;
 * the loader key names the columns fetched, so two selections never share a thinner answer.
 */
export async function assignmentsOfPosition(
  deps: Deps,
  position: Position,
  activeOnly: boolean,
  first: number | null = null,
  holder: sql.SeatColumns | null = null,
): Promise<Assignment[]> {
  if (first !== null && (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE)) {
    throw badUserInput(`\`first\` must be from 0 to ${MAX_PAGE_SIZE}, got ${first}`, 'first');
  }
  const activeOn = activeOnly ? deps.clock.today() : null;
  if (!holder) {
    return deps.loaders
      .get<string, Assignment[]>(`assignment.ofPosition:${activeOn}:${first}`, async (ids) =>
        groupByKey(ids, await sql.assignmentsOfPositions(deps.sql, ids, activeOn, first), (r) => String(r.position_id), (r) => toEntity(deps, r)),
      )
      .load(position.id);
  }
  return deps.loaders
    .get<string, Assignment[]>(`assignment.withHolder:${activeOn}:${first}:${JSON.stringify(holder)}`, async (ids) => {
      const { positions, holders } = await sql.seatsWithHoldersOfPositions(deps.sql, ids, activeOn, first, holder);
      const seatWithHolder = seatsWithHolders(deps, sql.seatTupleLayout(holder), holders);
      return byKey(ids, positions, (r) => r.position_id, (r) => {
        const position = { id: r.position_id } as Position;
        return r.seats.map((seat) => seatWithHolder(seat, position));
      }, []);
    })
    .load(position.id);
}

/**
 * An assignment and its holder from one seat, built straight from the seat's and the holder's
 * arrays (no row object in between: 50,000 seats an answer). Both carry only what the query asked
 * for (the loader key says which columns), so these objects never leave this field's answer; the
 * position's `{ id }` stub is shared by its seats, as read models are never written to.
 */
function seatsWithHolders(deps: Deps, layout: sql.SeatTupleLayout, holders: ReadonlyMap<unknown, sql.HolderTuple>): (seat: sql.SeatTuple, position: Position) => Assignment {
  const assignmentOf = readModelOfTuple(deps.em, Assignment, layout.seat);
  const holderOf = readModelOfTuple(deps.em, Person, layout.holder);
  const { holderIdAt } = layout;
  return (seat, position) => {
    const assignment = assignmentOf(seat);
    assignment.person = holderOf(holders.get(seat[holderIdAt])!);
    assignment.position = position;
    return assignment;
  };
}

/** A person's assignments, limited to positions in the viewer's subtree. */
export async function assignmentsOfPerson(deps: Deps, person: Person, activeOnly: boolean): Promise<Assignment[]> {
  const activeOn = activeOnly ? deps.clock.today() : null;
  const paths = scopePaths(deps.viewer);
  const rows = await deps.loaders
    .get<string, sql.AssignmentRow[]>(`assignment.ofPerson:${activeOn}`, async (ids) =>
      groupByKey(ids, await sql.assignmentsOfPeople(deps.sql, ids, activeOn, paths), (r) => String(r.person_id)),
    )
    .load(person.id);
  return rows.map((r) => toEntity(deps, r));
}

/** Whether the person lies in the viewer's subtree; used before writing on their behalf. */
async function personInViewerScope(em: EntityManager, viewer: Viewer, personId: string): Promise<boolean> {
  const paths = scopePaths(viewer);
  if (paths === null) return true;
  return (await peopleInSubtree(sqlRunnerFor(em), [personId], paths)).length > 0;
}

/** Locks the person (lock order everywhere: person, then unit) and checks they lie in the viewer's subtree. */
async function lockPersonInScope(em: EntityManager, viewer: Viewer, personId: string, field: string): Promise<void> {
  const [person] = await sqlRunnerFor(em)<{ id: string }>('select id from person where id = ? for update', [personId]);
  if (!person) throw new DomainError('NOT_FOUND', 'No person has that ID', inputField(field));
  if (!(await personInViewerScope(em, viewer, personId))) throw forbidden('That person is outside your scope');
}

/** The position's unit code, checked against the viewer's subtree. */
async function positionInScope(em: EntityManager, viewer: Viewer, positionId: string, field: string): Promise<{ unit_code: string }> {
  const [position] = await sqlRunnerFor(em)<{ unit_code: string }>('select u.code as unit_code from position p join org_unit u on u.id = p.unit_id where p.id = ?', [positionId]);
  if (!position) throw new DomainError('NOT_FOUND', 'No position has that ID', inputField(field));
  assertUnitInScope(viewer, position.unit_code);
  return position;
}

export interface AssignPersonCommand {
  personId: string;
  positionId: string;
  kind: AssignmentKind;
  startDate: string;
}

export interface AssignmentResult {
  assignment: Assignment;
  filledVacancyId: string | null;
}

export async function assignPerson(em: EntityManager, viewer: Viewer, input: AssignPersonCommand): Promise<AssignmentResult> {
  const personId = keyOfGlobalId(input.personId, 'Person', inputField('personId'));
  const positionId = keyOfGlobalId(input.positionId, 'Position', inputField('positionId'));
  await lockPersonInScope(em, viewer, personId, 'personId');
  const position = await positionInScope(em, viewer, positionId, 'positionId');
  const taken = await takeSeat(em, { personId, positionId, kind: input.kind, startDate: input.startDate }, {
    startDate: inputField('startDate'), positionId: inputField('positionId'), kind: inputField('startDate'), quota: inputField('startDate'),
  });
  const assignment = await em.findOneOrFail(Assignment, taken.assignmentId);
  recordAudit(em, viewer, { operation: 'assignPerson', unitCode: position.unit_code, targetId: assignment.globalId, changes: { ...input, filledVacancy: filledVacancyGlobalId(taken) } });
  return { assignment, filledVacancyId: taken.filledVacancyId };
}

function filledVacancyGlobalId(taken: SeatTaken): string | null {
  return taken.filledVacancyId ? toGlobalId('Vacancy', taken.filledVacancyId) : null;
}

export interface TransferPersonCommand {
  personId: string;
  toPositionId: string;
  effectiveOn: string;
}

/**
 * Luân chuyển, điều động: in one transaction, ends the PRIMARY assignment active on effectiveOn
 * the day before (endReason TRANSFER) and takes a PRIMARY seat on the new position from
 * effectiveOn, under the new unit's establishment rule. A refusal rolls both back.
 */
export async function transferPerson(em: EntityManager, viewer: Viewer, input: TransferPersonCommand): Promise<AssignmentResult> {
  const personId = keyOfGlobalId(input.personId, 'Person', inputField('personId'));
  const toPositionId = keyOfGlobalId(input.toPositionId, 'Position', inputField('toPositionId'));
  if (!isLocalDate(input.effectiveOn)) throw new DomainError('BAD_USER_INPUT', 'effectiveOn must be YYYY-MM-DD', inputField('effectiveOn'));
  await lockPersonInScope(em, viewer, personId, 'personId');
  const target = await positionInScope(em, viewer, toPositionId, 'toPositionId');
  const run = sqlRunnerFor(em);
  const currentQuery = spliced`select a.id, a.position_id, a.start_date::text, a.end_date::text, u.code as unit_code
     from assignment a join position p on p.id = a.position_id join org_unit u on u.id = p.unit_id
     where a.person_id = ${personId} and a.kind = 'PRIMARY' and ${assignmentActiveOn('a', input.effectiveOn)}
     for update of a`;
  const [current] = await run<{ id: string; position_id: string; start_date: string; end_date: string | null; unit_code: string }>(currentQuery.text, currentQuery.values);
  if (!current) throw new DomainError('INVALID_STATE', `The person has no PRIMARY assignment active on ${input.effectiveOn}`, inputField('effectiveOn'));
  // Both positions in the caller's subtree (the contract): the old one too.
  assertUnitInScope(viewer, current.unit_code);
  if (String(current.position_id) === toPositionId) throw new DomainError('BAD_USER_INPUT', 'The person already holds that position; a transfer moves them to another', inputField('toPositionId'));
  if (input.effectiveOn <= current.start_date) {
    throw new DomainError('BAD_USER_INPUT', `effectiveOn must be after the current assignment's start (${current.start_date})`, inputField('effectiveOn'));
  }
  const endDate = dayBefore(input.effectiveOn);
  await run(`update assignment set end_date = ?::date, end_reason = 'TRANSFER', destination_sector = null where id = ?`, [endDate, current.id]);
  const taken = await takeSeat(em, { personId, positionId: toPositionId, kind: AssignmentKind.PRIMARY, startDate: input.effectiveOn }, {
    startDate: inputField('effectiveOn'), positionId: inputField('toPositionId'), kind: inputField('effectiveOn'), quota: inputField('toPositionId'),
  });
  const assignment = await em.findOneOrFail(Assignment, taken.assignmentId);
  recordAudit(em, viewer, {
    operation: 'transferPerson',
    unitCode: target.unit_code,
    targetId: assignment.globalId,
    changes: {
      before: { assignment: toGlobalId('Assignment', current.id), endDate: current.end_date, endReason: null },
      after: { assignment: toGlobalId('Assignment', current.id), endDate, endReason: SeparationReason.TRANSFER, newAssignment: assignment.globalId, filledVacancy: filledVacancyGlobalId(taken) },
      input,
    },
  });
  return { assignment, filledVacancyId: taken.filledVacancyId };
}

export interface EndAssignmentCommand {
  assignmentId: string;
  endDate: string;
  reason?: SeparationReason | null;
  destinationSector?: Sector | null;
}

export async function endAssignment(em: EntityManager, viewer: Viewer, input: EndAssignmentCommand): Promise<Assignment> {
  const assignmentId = keyOfGlobalId(input.assignmentId, 'Assignment', inputField('assignmentId'));
  if (!isLocalDate(input.endDate)) throw new DomainError('BAD_USER_INPUT', 'endDate must be YYYY-MM-DD', inputField('endDate'));
  const run = sqlRunnerFor(em);
  const [row] = await run<{ id: string; start_date: string; end_date: string | null; unit_code: string }>(
    `select a.id, a.start_date, a.end_date, u.code as unit_code from assignment a
     join position p on p.id = a.position_id join org_unit u on u.id = p.unit_id
     where a.id = ? for update of a`,
    [assignmentId],
  );
  if (!row) throw new DomainError('NOT_FOUND', 'No assignment has that ID', inputField('assignmentId'));
  assertUnitInScope(viewer, row.unit_code);
  if (row.end_date !== null) {
    throw new DomainError('INVALID_STATE', `The assignment already ended on ${row.end_date}`, inputField(input.reason ? 'reason' : 'assignmentId'));
  }
  if (input.endDate < row.start_date) {
    throw new DomainError('BAD_USER_INPUT', `endDate ${input.endDate} is before the start date ${row.start_date}`, inputField('endDate'));
  }
  if (input.reason === SeparationReason.TRANSFER || input.reason === SeparationReason.REORGANISATION) {
    // Those two are what transferPerson and reorganizeUnits record, with the seat that follows.
    throw new DomainError('BAD_USER_INPUT', `${input.reason} is recorded by ${input.reason === SeparationReason.TRANSFER ? 'transferPerson' : 'reorganizeUnits'}`, inputField('reason'));
  }
  const assignment = await em.findOneOrFail(Assignment, assignmentId);
  assignment.endDate = input.endDate;
  assignment.endReason = input.reason ?? null;
  assignment.destinationSector = input.destinationSector ?? null;
  await em.flush();
  recordAudit(em, viewer, {
    operation: 'endAssignment',
    unitCode: row.unit_code,
    targetId: assignment.globalId,
    changes: {
      before: { endDate: null, endReason: null, destinationSector: null },
      after: { endDate: input.endDate, endReason: assignment.endReason, destinationSector: assignment.destinationSector },
    },
  });
  return assignment;
}
