import type { EntityManager } from '@mikro-orm/postgresql';
import { assertUnitInScope } from '../../auth/scope';
import { scopePath, unitInScope, Viewer } from '../../auth/viewer';
import { sqlRunnerFor } from '../../db/sql-runner';
import { Page, pageFrom, PageRequest } from '../../graphql/connection';
import { notFound } from '../../graphql/errors';
import { OrgUnitKind, Role } from '../../graphql/enums';
import { byKey, groupByKey } from '../../graphql/loaders';
import { DomainError, DomainErrors, inputField } from '../../graphql/user-error';
import { RequestContext, viewerOf } from '../../server/context';
import { today } from '../../shared/today';
import { recordAudit } from '../audit/audit.service';
import { OrgUnit } from './org-unit.entity';
import * as sql from './org-unit.sql';

export const UNIT_CODE_PATTERN = /^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/;

function toEntity(ctx: RequestContext, row: sql.OrgUnitRow): OrgUnit {
  return ctx.em.map(OrgUnit, row as unknown as Record<string, unknown>);
}

export function unitById(ctx: RequestContext, id: string): Promise<OrgUnit | null> {
  return ctx.loaders
    .get<string, OrgUnit | null>('orgUnit.byId', async (ids) => {
      const rows = await sql.orgUnitsByIds(ctx.sql, ids);
      return byKey(ids, rows, (r) => String(r.id), (r) => toEntity(ctx, r), null);
    })
    .load(id);
}

export function unitByCode(ctx: RequestContext, code: string): Promise<OrgUnit | null> {
  return ctx.loaders
    .get<string, OrgUnit | null>('orgUnit.byCode', async (codes) => {
      const rows = await sql.orgUnitsByCodes(ctx.sql, codes);
      return byKey(codes, rows, (r) => r.code, (r) => toEntity(ctx, r), null);
    })
    .load(code);
}

/** A unit the viewer may see, or null when it is outside their subtree. */
export async function visibleUnitById(ctx: RequestContext, id: string | null | undefined): Promise<OrgUnit | null> {
  if (!id) return null;
  const unit = await unitById(ctx, id);
  return unit && unitInScope(viewerOf(ctx), unit.code) ? unit : null;
}

/**
 * The unit a query names: FORBIDDEN outside the caller's subtree (decided before looking it
 * up, so nothing leaks), NOT_FOUND when no such unit exists.
 */
export async function requireUnitForQuery(ctx: RequestContext, code: string): Promise<OrgUnit> {
  assertUnitInScope(viewerOf(ctx), code);
  const unit = await unitByCode(ctx, code);
  if (!unit) throw notFound(`No org unit has the code ${code}`);
  return unit;
}

export interface UnitListArgs {
  parentCode?: string | null;
  kind?: OrgUnitKind | null;
  search?: string | null;
  activeOn?: string | null;
}

export async function listUnits(ctx: RequestContext, args: UnitListArgs, page: PageRequest): Promise<Page<OrgUnit>> {
  const viewer = viewerOf(ctx);
  let parentId: string | null = null;
  if (args.parentCode) {
    const parent = await requireUnitForQuery(ctx, args.parentCode);
    parentId = parent.id;
  }
  const filter: sql.OrgUnitFilter = {
    scopePath: scopePath(viewer),
    parentId,
    kind: args.kind ?? null,
    search: args.search ?? null,
    activeOn: args.activeOn ?? today(),
  };
  const rows = await sql.orgUnitPage(ctx.sql, filter, page);
  return pageFrom(rows.map((r) => toEntity(ctx, r)), page, (u) => u.code, () => sql.orgUnitCount(ctx.sql, filter));
}

export interface ChildArgs {
  activeOn: string | null;
}

/** A page of a unit's children; all parents asking with the same arguments share one statement. */
export async function childrenOf(ctx: RequestContext, parent: OrgUnit, args: ChildArgs, page: PageRequest): Promise<Page<OrgUnit>> {
  const request: sql.ChildPageRequest = { ...page, activeOn: args.activeOn, scopePath: scopePath(viewerOf(ctx)) };
  const argsKey = JSON.stringify(request);
  const rows = await ctx.loaders
    .get<string, sql.OrgUnitRow[]>(`orgUnit.children:${argsKey}`, async (parentIds) => {
      const all = await sql.childPages(ctx.sql, parentIds, request);
      return groupByKey(parentIds, all, (r) => String(r.parent_id));
    })
    .load(parent.id);
  const countTotal = () =>
    ctx.loaders
      .get<string, number>(`orgUnit.childCount:${argsKey}`, async (parentIds) => {
        const counts = await sql.childCounts(ctx.sql, parentIds, request);
        return byKey(parentIds, counts, (r) => String(r.parent_id), (r) => r.n, 0);
      })
      .load(parent.id);
  return pageFrom(rows.map((r) => toEntity(ctx, r)), page, (u) => u.code, countTotal);
}

export async function predecessorsOf(ctx: RequestContext, unit: OrgUnit): Promise<OrgUnit[]> {
  const viewer = viewerOf(ctx);
  const rows = await ctx.loaders
    .get<string, sql.OrgUnitRow[]>('orgUnit.predecessors', async (ids) => {
      const all = await sql.predecessorsOf(ctx.sql, ids);
      return groupByKey(ids, all, (r) => String(r.successor_id));
    })
    .load(unit.id);
  return rows.filter((r) => unitInScope(viewer, r.code)).map((r) => toEntity(ctx, r));
}

export interface CreateOrgUnitCommand {
  code: string;
  name: string;
  kind: OrgUnitKind;
  parentCode?: string | null;
  population?: number | null;
  validFrom?: string | null;
}

/** Loads a unit by code inside a write transaction, locking it against concurrent reorganisation. */
export async function lockUnitByCode(em: EntityManager, code: string): Promise<sql.OrgUnitRow | null> {
  const [row] = await sqlRunnerFor(em)<sql.OrgUnitRow>(
    `select id, code, name, kind, parent_id, population, valid_from, valid_to, successor_id from org_unit where code = ? for update`,
    [code],
  );
  return row ?? null;
}

/** True when the unit exists on the date (validFrom <= d <= validTo, open ends counting). */
export function unitLiveOn(unit: { valid_from: string | null; valid_to: string | null }, date: string): boolean {
  return (unit.valid_from === null || unit.valid_from <= date) && (unit.valid_to === null || unit.valid_to >= date);
}

export async function createOrgUnit(em: EntityManager, viewer: Viewer, input: CreateOrgUnitCommand): Promise<OrgUnit> {
  const problems: DomainError[] = [];
  const code = input.code?.trim() ?? '';
  if (!UNIT_CODE_PATTERN.test(code) || code.length > 255) {
    problems.push(new DomainError('BAD_USER_INPUT', 'code must be dotted segments of letters, digits and _ (at most 255 characters), e.g. "HCM.NHA_BE"', inputField('code')));
  } else if (input.parentCode) {
    const parentPrefix = `${input.parentCode}.`;
    if (!code.startsWith(parentPrefix) || code.slice(parentPrefix.length).includes('.')) {
      problems.push(new DomainError('BAD_USER_INPUT', `code must be the parent's code plus one segment: "${input.parentCode}.<SEGMENT>"`, inputField('code')));
    }
  } else if (code.includes('.')) {
    problems.push(new DomainError('BAD_USER_INPUT', 'a unit without parentCode is top-level: its code has no dots', inputField('code')));
  }
  const name = input.name?.trim() ?? '';
  if (name.length < 1 || name.length > 300) problems.push(new DomainError('BAD_USER_INPUT', 'name must have 1 to 300 characters', inputField('name')));
  if (input.population != null && (!Number.isInteger(input.population) || input.population < 0)) {
    problems.push(new DomainError('BAD_USER_INPUT', 'population must be a whole number ≥ 0', inputField('population')));
  }
  if (problems.length) throw new DomainErrors(problems);

  if (input.parentCode) {
    assertUnitInScope(viewer, input.parentCode);
  } else if (viewer.role !== Role.ADMIN) {
    assertUnitInScope(viewer, code); // only ADMIN creates top-level units
  }

  let parentId: string | null = null;
  if (input.parentCode) {
    const parent = await lockUnitByCode(em, input.parentCode);
    if (!parent) throw new DomainError('NOT_FOUND', `No org unit has the code ${input.parentCode}`, inputField('parentCode'));
    const from = input.validFrom ?? today();
    if (parent.valid_to !== null && parent.valid_to < from) {
      throw new DomainError('INVALID_STATE', `Unit ${parent.code} ended on ${parent.valid_to}; new units cannot be created under it`, inputField('parentCode'));
    }
    parentId = String(parent.id);
  }
  const existing = await sqlRunnerFor(em)(`select 1 from org_unit where code = ?`, [code]);
  if (existing.length) throw new DomainError('CONFLICT', `An org unit with the code ${code} already exists`, inputField('code'));

  const unit = new OrgUnit();
  unit.code = code;
  unit.name = name;
  unit.kind = input.kind;
  unit.parent = parentId ? em.getReference(OrgUnit, parentId) : null;
  unit.population = input.population ?? null;
  unit.validFrom = input.validFrom ?? null;
  unit.validTo = null;
  em.persist(unit);
  await em.flush();
  recordAudit(em, viewer, { operation: 'createOrgUnit', unitCode: code, targetId: unit.globalId, changes: input });
  return unit;
}
