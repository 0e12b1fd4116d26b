import type { EntityManager } from '@mikro-orm/postgresql';
import { assertUnitInScope, unitInScope } from '../../auth/scope';
import { Viewer } from '../../auth/viewer';
import { Page, pageFrom, PageRequest } from '../../graphql/connection';
import { RoleFamily, Seniority, StaffCategory } from '../../graphql/enums';
import { byKey, groupByKey } from '../../graphql/loaders';
import { DomainError, DomainErrors, inputField } from '../../graphql/user-error';
import { RequestContext, viewerOf } from '../../edge/context';
import { today } from '../../shared/today';
import { newEntity } from '../../db/new-entity';
import { recordAudit } from '../audit';
import { OrgUnit, lockUnitByCode, openEndedRefusal, requireUnitForQuery, unitById } from '../org';
import { CompetencyLevel, collectCompetencyLevels, levelOf, Competency } from '../people';
import { PositionRequirement } from './position-requirement.entity';
import { Position } from './position.entity';
import * as sql from './position.sql';
import { readModel } from '../../db/read-model';
import { echo } from '../../shared/echo';

function toEntity(ctx: RequestContext, row: sql.PositionRow): Position {
  return readModel(ctx.em, Position, row as unknown as Record<string, unknown>);
}

export function positionById(ctx: RequestContext, id: string): Promise<Position | null> {
  return ctx.loaders
    .get<string, Position | null>('position.byId', async (ids) => {
      const rows = await sql.positionsByIds(ctx.sql, ids);
      return byKey(ids, rows, (r) => String(r.id), (r) => toEntity(ctx, r), null);
    })
    .load(id);
}

/** The position's unit; positions are only reached through units in scope, so it is visible. */
export async function unitOfPosition(ctx: RequestContext, position: Position): Promise<OrgUnit> {
  const unit = await unitById(ctx, position.unit.id);
  if (!unit) throw new Error(`position ${position.id} has no unit`);
  return unit;
}

/** Whether the viewer may see the position: its unit is in their subtree. The one home of position visibility. */
export async function positionInViewerScope(ctx: RequestContext, position: Position): Promise<boolean> {
  const unit = await unitById(ctx, position.unit.id);
  return !!unit && unitInScope(viewerOf(ctx), unit.code);
}

export async function positionsOfUnit(ctx: RequestContext, unit: OrgUnit, args: { itOnly: boolean }, page: PageRequest): Promise<Page<Position>> {
  const argsKey = JSON.stringify([args.itOnly, page]);
  const rows = await ctx.loaders
    .get<string, sql.PositionRow[]>(`position.ofUnit:${argsKey}`, async (unitIds) =>
      groupByKey(unitIds, await sql.positionPagesOfUnits(ctx.sql, unitIds, args.itOnly, page), (r) => String(r.unit_id)),
    )
    .load(unit.id);
  const countTotal = () =>
    ctx.loaders
      .get<string, number>(`position.countOfUnit:${args.itOnly}`, async (unitIds) =>
        byKey(unitIds, await sql.positionCountsOfUnits(ctx.sql, unitIds, args.itOnly), (r) => String(r.unit_id), (r) => r.n, 0),
      )
      .load(unit.id);
  return pageFrom(rows.map((r) => toEntity(ctx, r)), page, (p) => p.id, countTotal);
}

export async function positionsInScope(
  ctx: RequestContext,
  args: { unitCode: string; includeDescendants: boolean; itOnly: boolean },
  page: PageRequest,
): Promise<Page<Position>> {
  const unit = await requireUnitForQuery(ctx, args.unitCode);
  const filter = { rootId: unit.id, includeDescendants: args.includeDescendants, itOnly: args.itOnly, date: today() };
  const rows = await sql.positionPageInScope(ctx.sql, filter, page);
  return pageFrom(rows.map((r) => toEntity(ctx, r)), page, (p) => p.id, () => sql.positionCountInScope(ctx.sql, filter));
}

export async function requirementsOf(ctx: RequestContext, position: Position): Promise<CompetencyLevel[]> {
  const rows = await ctx.loaders
    .get<string, sql.RequirementRow[]>('position.requirements', async (ids) =>
      groupByKey(ids, await sql.requirementsOfPositions(ctx.sql, ids), (r) => String(r.position_id)),
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

export async function createPosition(em: EntityManager, viewer: Viewer, input: CreatePositionCommand): Promise<Position> {
  assertUnitInScope(viewer, input.unitCode);
  const problems: DomainError[] = [];
  const title = input.title?.trim() ?? '';
  if (title.length < 1 || title.length > 300) problems.push(new DomainError('BAD_USER_INPUT', 'title must have 1 to 300 characters', inputField('title')));
  if (!Number.isFinite(input.payCoefficient) || input.payCoefficient <= 0 || input.payCoefficient > 20) {
    problems.push(new DomainError('BAD_USER_INPUT', 'payCoefficient must be above 0 and at most 20', inputField('payCoefficient')));
  } else if (Math.abs(Math.round(input.payCoefficient * 1000) - input.payCoefficient * 1000) > 1e-6) {
    problems.push(new DomainError('BAD_USER_INPUT', 'payCoefficient has at most 3 decimals', inputField('payCoefficient')));
  }
  if (!Number.isInteger(input.headcount) || input.headcount < 0 || input.headcount > 100000) {
    problems.push(new DomainError('BAD_USER_INPUT', 'headcount must be a whole number from 0 to 100000', inputField('headcount')));
  }
  const levels = await collectCompetencyLevels(em, input.requirements, 'requirements', problems);
  if (problems.length) throw new DomainErrors(problems);
  const unit = await lockUnitByCode(em, input.unitCode);
  if (!unit) throw new DomainError('NOT_FOUND', `No org unit has the code ${echo(input.unitCode)}`, inputField('unitCode'));
  const refusal = openEndedRefusal(unit, today());
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
