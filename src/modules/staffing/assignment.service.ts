import type { EntityManager } from '@mikro-orm/postgresql';
import { assertUnitInScope, scopePaths } from '../../auth/scope';
import { Viewer } from '../../auth/viewer';
import { sqlRunnerFor } from '../../db/sql-runner';
import { MAX_PAGE_SIZE } from '../../graphql/connection';
import { badUserInput, forbidden } from '../../graphql/errors';
import { AssignmentKind, StaffCategory } from '../../graphql/enums';
import { keyOfGlobalId } from '../../graphql/global-id';
import { byKey, groupByKey } from '../../graphql/loaders';
import { isLocalDate } from '../../graphql/scalars';
import { DomainError, inputField } from '../../graphql/user-error';
import { RequestContext, viewerOf } from '../../edge/context';
import { today } from '../../shared/today';
import { newEntity } from '../../db/new-entity';
import { recordAudit } from '../audit';
import { openEndedRefusal } from '../org';
import { Person, peopleInSubtree } from '../people';
import { Assignment } from './assignment.entity';
import { assertEstablishmentAllows } from './establishment-rule';
import { Position } from './position.entity';
import * as sql from './position.sql';
import { readModel } from '../../db/read-model';

function toEntity(ctx: RequestContext, row: sql.AssignmentRow): Assignment {
  return readModel(ctx.em, Assignment, row as unknown as Record<string, unknown>);
}

export function assignmentById(ctx: RequestContext, id: string): Promise<Assignment | null> {
  return ctx.loaders
    .get<string, Assignment | null>('assignment.byId', async (ids) =>
      byKey(ids, await sql.assignmentsByIds(ctx.sql, ids), (r) => String(r.id), (r) => toEntity(ctx, r), null),
    )
    .load(id);
}

/**
 * A position's assignments, batched per request. With `holder` (the query selects `person`)
 * each comes with its Person already built, so a list of 50,000 seats needs no second load;
 * the loader key names the columns fetched, so two selections never share a thinner answer.
 */
export async function assignmentsOfPosition(
  ctx: RequestContext,
  position: Position,
  activeOnly: boolean,
  first: number | null = null,
  holder: sql.SeatColumns | null = null,
): Promise<Assignment[]> {
  if (first !== null && (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE)) {
    throw badUserInput(`\`first\` must be from 0 to ${MAX_PAGE_SIZE}, got ${first}`, 'first');
  }
  const activeOn = activeOnly ? today() : null;
  if (!holder) {
    return ctx.loaders
      .get<string, Assignment[]>(`assignment.ofPosition:${activeOn}:${first}`, async (ids) =>
        groupByKey(ids, await sql.assignmentsOfPositions(ctx.sql, ids, activeOn, first), (r) => String(r.position_id), (r) => toEntity(ctx, r)),
      )
      .load(position.id);
  }
  return ctx.loaders
    .get<string, Assignment[]>(`assignment.withHolder:${activeOn}:${first}:${JSON.stringify(holder)}`, async (ids) => {
      const rows = await sql.seatsWithHoldersOfPositions(ctx.sql, ids, activeOn, first, holder);
      return byKey(ids, rows, (r) => r.position_id, (r) => r.seats.map((seat) => seatWithHolder(ctx, r.position_id, seat)), []);
    })
    .load(position.id);
}

/**
 * An assignment and its holder from one seat. Both carry only what the query asked for (the
 * loader key says which columns), so these objects never leave this field's answer.
 */
function seatWithHolder(ctx: RequestContext, positionId: string, [id, kind, startDate, endDate, personId, fullName, birthYear]: sql.SeatWithHolder): Assignment {
  const assignment = toEntity(ctx, { id, kind, start_date: startDate, end_date: endDate, person_id: personId, position_id: positionId });
  assignment.person = readModel(ctx.em, Person, { id: personId, full_name: fullName, birth_year: birthYear });
  return assignment;
}

/** A person's assignments, limited to positions in the viewer's subtree. */
export async function assignmentsOfPerson(ctx: RequestContext, person: Person, activeOnly: boolean): Promise<Assignment[]> {
  const activeOn = activeOnly ? today() : null;
  const paths = scopePaths(viewerOf(ctx));
  const rows = await ctx.loaders
    .get<string, sql.AssignmentRow[]>(`assignment.ofPerson:${activeOn}`, async (ids) =>
      groupByKey(ids, await sql.assignmentsOfPeople(ctx.sql, ids, activeOn, paths), (r) => String(r.person_id)),
    )
    .load(person.id);
  return rows.map((r) => toEntity(ctx, r));
}

interface LockedPosition {
  id: string;
  category: StaffCategory;
  unit_id: string;
  unit_code: string;
  valid_from: string | null;
  valid_to: string | null;
}

async function positionWithUnit(em: EntityManager, positionId: string): Promise<LockedPosition | null> {
  const [row] = await sqlRunnerFor(em)<LockedPosition>(
    `select p.id, p.category, p.unit_id, u.code as unit_code, u.valid_from, u.valid_to
     from position p join org_unit u on u.id = p.unit_id where p.id = ?`,
    [positionId],
  );
  return row ?? null;
}

/** Whether the person lies in the viewer's subtree; used before writing on their behalf. */
async function personInViewerScope(em: EntityManager, viewer: Viewer, personId: string): Promise<boolean> {
  const paths = scopePaths(viewer);
  if (paths === null) return true;
  return (await peopleInSubtree(sqlRunnerFor(em), [personId], paths)).length > 0;
}

export interface AssignPersonCommand {
  personId: string;
  positionId: string;
  kind: AssignmentKind;
  startDate: string;
}

export async function assignPerson(em: EntityManager, viewer: Viewer, input: AssignPersonCommand): Promise<Assignment> {
  const personId = keyOfGlobalId(input.personId, 'Person', inputField('personId'));
  const positionId = keyOfGlobalId(input.positionId, 'Position', inputField('positionId'));
  const run = sqlRunnerFor(em);

  // Lock order everywhere: person, then unit. The person lock serialises the one-PRIMARY check.
  const [person] = await run<{ id: string }>('select id from person where id = ? for update', [personId]);
  if (!person) throw new DomainError('NOT_FOUND', 'No person has that ID', inputField('personId'));
  const position = await positionWithUnit(em, positionId);
  if (!position) throw new DomainError('NOT_FOUND', 'No position has that ID', inputField('positionId'));
  assertUnitInScope(viewer, position.unit_code);
  if (!(await personInViewerScope(em, viewer, personId))) throw forbidden('That person is outside your scope');

  // The unit lock serialises every establishment check of the unit, and orders this with a
  // reorganisation: one that committed first has ended the unit (refused here, the assignment
  // belongs in the successor); one that comes after finds this assignment and moves it.
  const [unit] = await run<{ code: string; valid_from: string | null; valid_to: string | null }>('select code, valid_from, valid_to from org_unit where id = ? for update', [position.unit_id]);
  const refusal = openEndedRefusal(unit, input.startDate);
  if (refusal) throw new DomainError('INVALID_STATE', refusal, inputField('startDate'));
  const sameSeat = await run(
    `select 1 from assignment a where a.person_id = ? and a.position_id = ? and (a.end_date is null or a.end_date >= ?::date) limit 1`,
    [personId, positionId, input.startDate],
  );
  if (sameSeat.length) throw new DomainError('CONFLICT', 'The person already holds this position on or after that date', inputField('positionId'));

  await assertEstablishmentAllows(
    em,
    { personId, unitId: String(position.unit_id), unitCode: position.unit_code, category: position.category, kind: input.kind, startDate: input.startDate },
    inputField('startDate'),
  );
  const assignment = newEntity(em, Assignment, {
    person: em.getReference(Person, personId),
    position: em.getReference(Position, positionId),
    kind: input.kind,
    startDate: input.startDate,
    endDate: null,
  });
  await em.flush();
  recordAudit(em, viewer, { operation: 'assignPerson', unitCode: position.unit_code, targetId: assignment.globalId, changes: input });
  return assignment;
}

export async function endAssignment(em: EntityManager, viewer: Viewer, input: { assignmentId: string; endDate: string }): Promise<Assignment> {
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
  if (row.end_date !== null) throw new DomainError('INVALID_STATE', `The assignment already ended on ${row.end_date}`, inputField('assignmentId'));
  if (input.endDate < row.start_date) {
    throw new DomainError('BAD_USER_INPUT', `endDate ${input.endDate} is before the start date ${row.start_date}`, inputField('endDate'));
  }
  const assignment = await em.findOneOrFail(Assignment, assignmentId);
  assignment.endDate = input.endDate;
  await em.flush();
  recordAudit(em, viewer, { operation: 'endAssignment', unitCode: row.unit_code, targetId: assignment.globalId, changes: input });
  return assignment;
}
