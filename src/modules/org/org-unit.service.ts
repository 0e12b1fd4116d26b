import type { EntityManager } from '@mikro-orm/postgresql';
import { assertUnitInScope, scopePaths, unitInScope } from '../../auth/scope';
import { Viewer } from '../../auth/viewer';
import { sqlRunnerFor } from '../../db/sql-runner';
import { Page, pageFrom, PageRequest } from '../../graphql/connection';
import { DomainError, DomainErrors, inputField, notFound } from '../../shared/domain-error';
import { OrgUnitKind, Role } from '../../graphql/enums';
import { byKey, groupByKey } from '../../graphql/loaders';
import { recordAudit } from '../audit';
import { OrgUnit } from './org-unit.entity';
import * as sql from './org-unit.sql';
import { readModel } from '../../db/read-model';
import { echo } from '../../shared/echo';
import { clockOf, loadById, type Deps } from '../../edge/deps';

export const UNIT_CODE_PATTERN = /^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/;

function toEntity(deps: Deps, row: sql.OrgUnitRow): OrgUnit {
  return readModel(deps.em, OrgUnit, row as unknown as Record<string, unknown>);
}

export function unitById(deps: Deps, id: string): Promise<OrgUnit | null> {
  return loadById(deps, 'orgUnit.byId', id, (ids) => sql.orgUnitsByIds(deps.sql, ids), (r) => toEntity(deps, r));
}

export function unitByCode(deps: Deps, code: string): Promise<OrgUnit | null> {
  return deps.loaders
    .get<string, OrgUnit | null>('orgUnit.byCode', async (codes) => {
      const rows = await sql.orgUnitsByCodes(deps.sql, codes);
      return byKey(codes, rows, (r) => r.code, (r) => toEntity(deps, r), null);
    })
    .load(code);
}

/** A unit the viewer may see, or null when it is outside their subtree. */
export async function visibleUnitById(deps: Deps, id: string | null | undefined): Promise<OrgUnit | null> {
  if (!id) return null;
  const unit = await unitById(deps, id);
  return unit && unitInScope(deps.viewer, unit.code) ? unit : null;
}

/**
 * The unit a query names: FORBIDDEN outside the caller's subtree (decided before looking it
 * up, so nothing leaks), NOT_FOUND when no such unit exists.
 */
export async function requireUnitForQuery(deps: Deps, code: string): Promise<OrgUnit> {
  assertUnitInScope(deps.viewer, code);
  const unit = await unitByCode(deps, code);
  if (!unit) throw notFound(`No org unit has the code ${echo(code)}`);
  return unit;
}

export interface UnitListArgs {
  parentCode?: string | null;
  topLevel?: boolean | null;
  kind?: OrgUnitKind | null;
  search?: string | null;
  activeOn?: string | null;
}

export async function listUnits(deps: Deps, args: UnitListArgs, page: PageRequest): Promise<Page<OrgUnit>> {
  const viewer = deps.viewer;
  let parentId: string | null = null;
  if (args.parentCode) {
    const parent = await requireUnitForQuery(deps, args.parentCode);
    parentId = parent.id;
  }
  const filter: sql.OrgUnitFilter = {
    scopePaths: scopePaths(viewer),
    parentId,
    topLevel: args.topLevel ?? false,
    kind: args.kind ?? null,
    search: args.search ?? null,
    activeOn: args.activeOn ?? deps.clock.today(),
  };
  const rows = await sql.orgUnitPage(deps.sql, filter, page);
  return pageFrom(rows.map((r) => toEntity(deps, r)), page, (u) => u.code, () => sql.orgUnitCount(deps.sql, filter));
}

export interface ChildArgs {
  activeOn: string | null;
}

/** A page of a unit's children; all parents asking with the same arguments share one statement. */
export async function childrenOf(deps: Deps, parent: OrgUnit, args: ChildArgs, page: PageRequest): Promise<Page<OrgUnit>> {
  const request: sql.ChildPageRequest = { ...page, activeOn: args.activeOn, scopePaths: scopePaths(deps.viewer) };
  const argsKey = JSON.stringify(request);
  const rows = await deps.loaders
    .get<string, sql.OrgUnitRow[]>(`orgUnit.children:${argsKey}`, async (parentIds) => {
      const all = await sql.childPages(deps.sql, parentIds, request);
      return groupByKey(parentIds, all, (r) => String(r.parent_id));
    })
    .load(parent.id);
  const countTotal = () =>
    deps.loaders
      .get<string, number>(`orgUnit.childCount:${argsKey}`, async (parentIds) => {
        const counts = await sql.childCounts(deps.sql, parentIds, request);
        return byKey(parentIds, counts, (r) => String(r.parent_id), (r) => r.n, 0);
      })
      .load(parent.id);
  return pageFrom(rows.map((r) => toEntity(deps, r)), page, (u) => u.code, countTotal);
}

export async function predecessorsOf(deps: Deps, unit: OrgUnit): Promise<OrgUnit[]> {
  const viewer = deps.viewer;
  const rows = await deps.loaders
    .get<string, sql.OrgUnitRow[]>('orgUnit.predecessors', async (ids) => {
      const all = await sql.predecessorsOf(deps.sql, ids);
      return groupByKey(ids, all, (r) => String(r.successor_id));
    })
    .load(unit.id);
  return rows.filter((r) => unitInScope(viewer, r.code)).map((r) => toEntity(deps, r));
}

export interface CreateOrgUnitCommand {
  code: string;
  name: string;
  kind: OrgUnitKind;
  parentCode?: string | null;
  population?: number | null;
  validFrom?: string | null;
}

/**
 * The unit a write names, locked in its transaction: FOR UPDATE (the default) orders the write
 * with every seat taken and every reorganisation of the unit; FOR SHARE only keeps it from
 * ending meanwhile. NOT_FOUND at `field` when no unit has the code.
 */
export async function lockUnitForWrite(em: EntityManager, code: string, field: string[], lock: 'update' | 'share' = 'update'): Promise<sql.OrgUnitRow> {
  const [row] = await sqlRunnerFor(em)<sql.OrgUnitRow>(
    `select id, code, name, kind, parent_id, population, valid_from, valid_to, successor_id from org_unit where code = ? for ${lock === 'update' ? 'update' : 'share'}`,
    [code],
  );
  if (!row) throw new DomainError('NOT_FOUND', `No org unit has the code ${echo(code)}`, field);
  return row;
}

/**
 * Why a unit cannot take something that lasts from `date` with no end (an assignment, a
 * vacancy, a position, a child unit, a recorded person), or null when it can: it must exist on
 * `date` and have no end. A unit that ends has been reorganised or dissolved: what was live in
 * it moved to its successor, and anything added now would outlive it there unseen.
 */
export function openEndedRefusal(unit: { code: string; valid_from: string | null; valid_to: string | null }, date: string): string | null {
  if (unit.valid_to !== null) {
    return unit.valid_to < date
      ? `Unit ${unit.code} ended on ${unit.valid_to} (reorganised or dissolved); write in its successor instead`
      : `Unit ${unit.code} ends on ${unit.valid_to} (reorganised or dissolved); write in its successor instead`;
  }
  if (unit.valid_from !== null && unit.valid_from > date) return `Unit ${unit.code} does not exist on ${date}; it begins on ${unit.valid_from}`;
  return null;
}

/** A new unit that passed createOrgUnit's rules, ready to insert. */
export interface CheckedNewUnit {
  code: string;
  name: string;
  kind: OrgUnitKind;
  parentId: string | null;
  population: number | null;
  validFrom: string | null;
}

/**
 * createOrgUnit's rules for a new unit, shared with reorganizeUnits: a well-formed code that is
 * the parent's code plus one segment (no dots at the top level), a name, a population ≥ 0, the
 * parent in the caller's subtree (top-level units: ADMIN), existing from `from` with no end, and
 * the code not taken. Locks the parent. `field` names the input fields in the userErrors.
 */
export async function checkNewOrgUnit(
  em: EntityManager,
  viewer: Viewer,
  input: CreateOrgUnitCommand,
  from: string,
  field: (name: string) => string[] = (name) => inputField(name),
): Promise<CheckedNewUnit> {
  const problems: DomainError[] = [];
  const code = input.code?.trim() ?? '';
  if (!UNIT_CODE_PATTERN.test(code) || code.length > 255) {
    problems.push(new DomainError('BAD_USER_INPUT', 'code must be dotted segments of letters, digits and _ (at most 255 characters), e.g. "VN.HCM.NHA_BE"', field('code')));
  } else if (input.parentCode) {
    const parentPrefix = `${input.parentCode}.`;
    if (!code.startsWith(parentPrefix) || code.slice(parentPrefix.length).includes('.')) {
      problems.push(new DomainError('BAD_USER_INPUT', `code must be the parent's code plus one segment: "${echo(input.parentCode)}.<SEGMENT>"`, field('code')));
    }
  } else if (code.includes('.')) {
    problems.push(new DomainError('BAD_USER_INPUT', 'a unit without parentCode is top-level: its code has no dots', field('code')));
  }
  const name = input.name?.trim() ?? '';
  if (name.length < 1 || name.length > 300) problems.push(new DomainError('BAD_USER_INPUT', 'name must have 1 to 300 characters', field('name')));
  if (input.population != null && (!Number.isInteger(input.population) || input.population < 0)) {
    problems.push(new DomainError('BAD_USER_INPUT', 'population must be a whole number ≥ 0', field('population')));
  }
  if (problems.length) throw new DomainErrors(problems);

  if (input.parentCode) {
    assertUnitInScope(viewer, input.parentCode);
  } else if (viewer.role !== Role.ADMIN) {
    assertUnitInScope(viewer, code); // only ADMIN creates top-level units
  }

  let parentId: string | null = null;
  if (input.parentCode) {
    const parent = await lockUnitForWrite(em, input.parentCode, field('parentCode'));
    const refusal = openEndedRefusal(parent, from);
    if (refusal) throw new DomainError('INVALID_STATE', `${refusal}; new units cannot be created under it`, field('parentCode'));
    parentId = String(parent.id);
  }
  const existing = await sqlRunnerFor(em)(`select 1 from org_unit where code = ?`, [code]);
  if (existing.length) throw new DomainError('CONFLICT', `An org unit with the code ${echo(code)} already exists`, field('code'));
  return { code, name, kind: input.kind, parentId, population: input.population ?? null, validFrom: input.validFrom ?? null };
}

/** Inserts a checked unit (flushed, so it has its id). */
export async function insertOrgUnit(em: EntityManager, checked: CheckedNewUnit): Promise<OrgUnit> {
  const unit = new OrgUnit();
  unit.code = checked.code;
  unit.name = checked.name;
  unit.kind = checked.kind;
  unit.parent = checked.parentId ? em.getReference(OrgUnit, checked.parentId) : null;
  unit.population = checked.population;
  unit.validFrom = checked.validFrom;
  unit.validTo = null;
  em.persist(unit);
  await em.flush();
  return unit;
}

export async function createOrgUnit(em: EntityManager, viewer: Viewer, input: CreateOrgUnitCommand): Promise<OrgUnit> {
  const checked = await checkNewOrgUnit(em, viewer, input, input.validFrom ?? clockOf(em).today());
  const unit = await insertOrgUnit(em, checked);
  recordAudit(em, viewer, { operation: 'createOrgUnit', unitCode: checked.code, targetId: unit.globalId, changes: input });
  return unit;
}
