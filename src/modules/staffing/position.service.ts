import type { EntityManager } from '@mikro-orm/postgresql';
import { assertUnitInScope, unitInScope } from '../../auth/scope';
import { Viewer } from '../../auth/viewer';
import { Page, pageFrom, PageRequest } from '../../graphql/connection';
import { liveVacancySql, RoleFamily, Seniority, StaffCategory } from '../../graphql/enums';
import { byKey, groupByKey } from '../../graphql/loaders';
import { DomainError, DomainErrors, inputField } from '../../shared/domain-error';
import { spliced } from '../../shared/sql';
import { assignmentActiveOn, freeSeatsOn } from './assignment-dates.sql';
import { sqlRunnerFor } from '../../db/sql-runner';
import { keyOfGlobalId } from '../../graphql/global-id';
import { newEntity } from '../../db/new-entity';
import { recordAudit } from '../audit';
import { OrgUnit, lockUnitForWrite, openEndedRefusal, requireUnitForQuery, unitById } from '../org';
import { CompetencyLevel, collectCompetencyLevels, levelOf, Competency } from '../people';
import { PositionRequirement } from './position-requirement.entity';
import { Position } from './position.entity';
import * as sql from './position.sql';
import { readModel } from '../../db/read-model';
import { clockOf, loadById, type Deps } from '../../edge/deps';

function toEntity(deps: Deps, row: sql.PositionRow): Position {
  return readModel(deps.em, Position, row as unknown as Record<string, unknown>);
}

export function positionById(deps: Deps, id: string): Promise<Position | null> {
  return loadById(deps, 'position.byId', id, (ids) => sql.positionsByIds(deps.sql, ids), (r) => toEntity(deps, r));
}

/** The position's unit; positions are only reached through units in scope, so it is visible. */
export async function unitOfPosition(deps: Deps, position: Position): Promise<OrgUnit> {
  const unit = await unitById(deps, position.unit.id);
  if (!unit) throw new Error(`position ${position.id} has no unit`);
  return unit;
}

/** Whether the viewer may see the position: its unit is in their subtree. The one home of position visibility. */
export async function positionInViewerScope(deps: Deps, position: Position): Promise<boolean> {
  const unit = await unitById(deps, position.unit.id);
  return !!unit && unitInScope(deps.viewer, unit.code);
}

export async function positionsOfUnit(deps: Deps, unit: OrgUnit, args: { itOnly: boolean }, page: PageRequest): Promise<Page<Position>> {
  const argsKey = JSON.stringify([args.itOnly, page]);
  const rows = await deps.loaders
    .get<string, sql.PositionRow[]>(`position.ofUnit:${argsKey}`, async (unitIds) =>
      groupByKey(unitIds, await sql.positionPagesOfUnits(deps.sql, unitIds, args.itOnly, page), (r) => String(r.unit_id)),
    )
    .load(unit.id);
  const countTotal = () =>
    deps.loaders
      .get<string, number>(`position.countOfUnit:${args.itOnly}`, async (unitIds) =>
        byKey(unitIds, await sql.positionCountsOfUnits(deps.sql, unitIds, args.itOnly), (r) => String(r.unit_id), (r) => r.n, 0),
      )
      .load(unit.id);
  return pageFrom(rows.map((r) => toEntity(deps, r)), page, (p) => p.id, countTotal);
}

export async function positionsInScope(
  deps: Deps,
  args: { unitCode: string; includeDescendants: boolean; itOnly: boolean },
  page: PageRequest,
): Promise<Page<Position>> {
  const unit = await requireUnitForQuery(deps, args.unitCode);
  const filter = { rootId: unit.id, includeDescendants: args.includeDescendants, itOnly: args.itOnly, date: deps.clock.today() };
  const rows = await sql.positionPageInScope(deps.sql, filter, page);
  return pageFrom(rows.map((r) => toEntity(deps, r)), page, (p) => p.id, () => sql.positionCountInScope(deps.sql, filter));
}

export async function requirementsOf(deps: Deps, position: Position): Promise<CompetencyLevel[]> {
  const rows = await deps.loaders
    .get<string, sql.RequirementRow[]>('position.requirements', async (ids) =>
      groupByKey(ids, await sql.requirementsOfPositions(deps.sql, ids), (r) => String(r.position_id)),
    )
    .load(position.id);
  return rows.map((r) => levelOf(r.competency_id, r.level));
}

export interface CreatePositionCommand {
  unitCode: string;
  title: string;
  category: StaffCategory;
  roleFamily: RoleFamily;
  seniority: Seniority;
  payCoefficient: number;
  headcount: number;
  requirements?: Array<{ competencyCode: string; level: number }> | null;
}

/** The checks of a position's own fields, for createPosition and updatePosition: only the fields given. */
function positionFieldProblems(input: { title?: string | null; payCoefficient?: number | null; headcount?: number | null }): DomainError[] {
  const problems: DomainError[] = [];
  if (input.title !== undefined) {
    const title = input.title?.trim() ?? '';
    if (title.length < 1 || title.length > 300) problems.push(new DomainError('BAD_USER_INPUT', 'title must have 1 to 300 characters', inputField('title')));
  }
  if (input.payCoefficient !== undefined) {
    const coefficient = input.payCoefficient;
    if (coefficient === null || !Number.isFinite(coefficient) || coefficient <= 0 || coefficient > 20) {
      problems.push(new DomainError('BAD_USER_INPUT', 'payCoefficient must be above 0 and at most 20', inputField('payCoefficient')));
    } else if (Math.abs(Math.round(coefficient * 1000) - coefficient * 1000) > 1e-6) {
      problems.push(new DomainError('BAD_USER_INPUT', 'payCoefficient has at most 3 decimals', inputField('payCoefficient')));
    }
  }
  if (input.headcount !== undefined && (input.headcount === null || !Number.isInteger(input.headcount) || input.headcount < 0 || input.headcount > 100000)) {
    problems.push(new DomainError('BAD_USER_INPUT', 'headcount must be a whole number from 0 to 100000', inputField('headcount')));
  }
  return problems;
}

export async function createPosition(em: EntityManager, viewer: Viewer, input: CreatePositionCommand): Promise<Position> {
  assertUnitInScope(viewer, input.unitCode);
  const problems = positionFieldProblems(input);
  const title = input.title.trim();
  const levels = await collectCompetencyLevels(em, input.requirements, 'requirements', problems);
  if (problems.length) throw new DomainErrors(problems);
  const unit = await lockUnitForWrite(em, input.unitCode, inputField('unitCode'));
  const refusal = openEndedRefusal(unit, clockOf(em).today());
  if (refusal) throw new DomainError('INVALID_STATE', refusal, inputField('unitCode'));

  const position = newEntity(em, Position, {
    unit: em.getReference(OrgUnit, String(unit.id)),
    title,
    category: input.category,
    roleFamily: input.roleFamily,
    seniority: input.seniority,
    payCoefficient: input.payCoefficient,
    headcount: input.headcount,
  });
  await em.flush();
  for (const level of levels) {
    em.create(PositionRequirement, { position, competency: em.getReference(Competency, level.competencyId), level: level.level });
  }
  await em.flush();
  recordAudit(em, viewer, { operation: 'createPosition', unitCode: unit.code, targetId: position.globalId, changes: input });
  return position;
}

export interface UpdatePositionCommand {
  id: string;
  title?: string | null;
  headcount?: number | null;
  payCoefficient?: number | null;
  seniority?: Seniority | null;
  requirements?: Array<{ competencyCode: string; level: number }> | null;
}

/**
 * Corrects a position: only the fields given change; requirements given replace the whole list
 * (null clears it). Unit, category and role family never change: a different job is a new
 * position. The headcount may not fall below today's active PRIMARY holders.
 */
export async function updatePosition(em: EntityManager, viewer: Viewer, input: UpdatePositionCommand): Promise<Position> {
  const positionId = keyOfGlobalId(input.id, 'Position', inputField('id'));
  const run = sqlRunnerFor(em);
  const [found] = await run<{ unit_id: string; unit_code: string }>('select p.unit_id, u.code as unit_code from position p join org_unit u on u.id = p.unit_id where p.id = ?', [positionId]);
  if (!found) throw new DomainError('NOT_FOUND', 'No position has that ID', inputField('id'));
  assertUnitInScope(viewer, found.unit_code);
  const problems = positionFieldProblems(input);
  if (input.seniority === null) problems.push(new DomainError('BAD_USER_INPUT', 'seniority cannot be cleared', inputField('seniority')));
  const levels = input.requirements === undefined ? null : await collectCompetencyLevels(em, input.requirements, 'requirements', problems);
  if (problems.length) throw new DomainErrors(problems);
  // The unit lock orders this with every seat taken in the unit (takeSeats locks it too).
  await run('select 1 from org_unit where id = ? for update', [found.unit_id]);
  const position = await em.findOneOrFail(Position, positionId);
  const requirementsNow = async () =>
    (await run<{ code: string; level: number }>(
      'select c.code, r.level from position_requirement r join competency c on c.id = r.competency_id where r.position_id = ? order by c.code',
      [positionId],
    )).map((r) => ({ competencyCode: r.code, level: Number(r.level) }));
  const before: Record<string, unknown> = { title: position.title, headcount: position.headcount, payCoefficient: Number(position.payCoefficient), seniority: position.seniority };
  const after: Record<string, unknown> = { ...before };
  if (input.title !== undefined) after.title = input.title!.trim();
  if (input.headcount !== undefined) after.headcount = input.headcount;
  if (input.payCoefficient !== undefined) after.payCoefficient = input.payCoefficient;
  if (input.seniority !== undefined) after.seniority = input.seniority;
  if (input.headcount != null && input.headcount < position.headcount) {
    const today = clockOf(em).today();
    const heldQuery = spliced`select count(*)::int as n from assignment a where a.position_id = ${positionId} and a.kind = 'PRIMARY' and ${assignmentActiveOn('a', today)}`;
    const [held] = await run<{ n: number }>(heldQuery.text, heldQuery.values);
    if (input.headcount < held.n) {
      throw new DomainError('INVALID_STATE', `headcount ${input.headcount} is below the ${held.n} active PRIMARY holders of today; end assignments first`, inputField('headcount'));
    }
    // Nor may it leave more live vacancies than free seats (the vacancy rule openVacancy keeps):
    // the new headcount less today's holders without an end date.
    const seatsQuery = spliced`select (select count(*)::int from vacancy v where v.position_id = p.id and ${liveVacancySql('v')}) as live,
              ${input.headcount}::int + ${freeSeatsOn('p', today)} - p.headcount as free
       from position p where p.id = ${positionId}`;
    const [seats] = await run<{ live: number; free: number }>(seatsQuery.text, seatsQuery.values);
    if (seats.live > seats.free) {
      throw new DomainError('INVALID_STATE', `headcount ${input.headcount} leaves ${Math.max(seats.free, 0)} free seats for ${seats.live} live vacancies; cancel a vacancy first`, inputField('headcount'));
    }
  }
  const changed = Object.keys(after).filter((key) => after[key] !== before[key]);
  Object.assign(position, Object.fromEntries(changed.map((key) => [key, after[key]])));
  const beforeChanges: Record<string, unknown> = Object.fromEntries(changed.map((key) => [key, before[key]]));
  const afterChanges: Record<string, unknown> = Object.fromEntries(changed.map((key) => [key, after[key]]));
  if (levels !== null) {
    const old = await requirementsNow();
    await run('delete from position_requirement where position_id = ?', [positionId]);
    if (levels.length) {
      await run(
        `insert into position_requirement (position_id, competency_id, level)
         select ?, r.competency_id, r.level from jsonb_to_recordset(?::jsonb) as r(competency_id bigint, level int)`,
        [positionId, JSON.stringify(levels.map((l) => ({ competency_id: l.competencyId, level: l.level })))],
      );
    }
    const now = await requirementsNow();
    if (JSON.stringify(old) !== JSON.stringify(now)) {
      beforeChanges.requirements = old;
      afterChanges.requirements = now;
    }
  }
  await em.flush();
  recordAudit(em, viewer, { operation: 'updatePosition', unitCode: found.unit_code, targetId: position.globalId, changes: { before: beforeChanges, after: afterChanges } });
  return position;
}
