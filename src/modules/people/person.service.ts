import type { EntityManager } from '@mikro-orm/postgresql';
import { assertUnitInScope } from '../../auth/scope';
import { scopePath, Viewer } from '../../auth/viewer';
import { Page, pageFrom, PageRequest } from '../../graphql/connection';
import { byKey, groupByKey } from '../../graphql/loaders';
import { DomainError, DomainErrors, inputField } from '../../graphql/user-error';
import { RequestContext, viewerOf } from '../../server/context';
import { today } from '../../shared/today';
import { newEntity } from '../../db/new-entity';
import { recordAudit } from '../audit/audit.service';
import { OrgUnit } from '../org/org-unit.entity';
import { requireUnitForQuery } from '../org/org-unit.service';
import { CompetencyLevel, PersonCompetency } from './competency-level';
import { Competency } from './competency.entity';
import { levelOf, resolveCompetencyLevels } from './competency.service';
import { Person } from './person.entity';
import * as sql from './person.sql';

function toEntity(ctx: RequestContext, row: sql.PersonRow): Person {
  return ctx.em.map(Person, row as unknown as Record<string, unknown>);
}

export function personById(ctx: RequestContext, id: string): Promise<Person | null> {
  return ctx.loaders
    .get<string, Person | null>('person.byId', async (ids) =>
      byKey(ids, await sql.peopleByIds(ctx.sql, ids), (r) => String(r.id), (r) => toEntity(ctx, r), null),
    )
    .load(id);
}

/** True when the person lies in the viewer's subtree (always for ADMIN). */
export async function personVisible(ctx: RequestContext, personId: string): Promise<boolean> {
  const path = scopePath(viewerOf(ctx));
  if (path === null) return true;
  return ctx.loaders
    .get<string, boolean>('person.visible', async (ids) => {
      const rows = await sql.peopleInSubtree(ctx.sql, ids, path);
      const visible = new Set(rows.map((r) => String(r.id)));
      return ids.map((id) => visible.has(id));
    })
    .load(personId);
}

export async function listPeople(
  ctx: RequestContext,
  args: { unitCode: string; includeDescendants: boolean; search?: string | null; competencyCode?: string | null },
  page: PageRequest,
): Promise<Page<Person>> {
  const unit = await requireUnitForQuery(ctx, args.unitCode);
  let competencyId: string | null = null;
  if (args.competencyCode) {
    const [row] = await ctx.sql<{ id: string }>('select id from competency where code = ?', [args.competencyCode]);
    if (!row) return pageFrom([], page, (p: Person) => p.id, async () => 0);
    competencyId = String(row.id);
  }
  const filter: sql.PeopleFilter = {
    rootId: unit.id,
    includeDescendants: args.includeDescendants,
    search: args.search ?? null,
    competencyId,
    date: today(),
  };
  const rows = await sql.peoplePage(ctx.sql, filter, page);
  return pageFrom(rows.map((r) => toEntity(ctx, r)), page, (p) => p.id, () => sql.peopleCount(ctx.sql, filter));
}

export async function competenciesOf(ctx: RequestContext, person: Person): Promise<CompetencyLevel[]> {
  const rows = await ctx.loaders
    .get<string, Array<{ competency_id: string; level: number }>>('person.competencies', async (ids) =>
      groupByKey(ids, await sql.competenciesOfPeople(ctx.sql, ids), (r) => String(r.person_id)),
    )
    .load(person.id);
  return rows.map((r) => levelOf(r.competency_id, r.level));
}

export interface CreatePersonCommand {
  fullName: string;
  birthYear?: number | null;
  competencies?: Array<{ competencyCode: string; level: number }> | null;
  unitCode?: string | null;
}

/** Checks a person's name and birth year; shared by createPerson and the roster import. */
export function personProblems(input: { fullName: string; birthYear?: number | null }): DomainError[] {
  const problems: DomainError[] = [];
  const name = input.fullName?.trim() ?? '';
  if (name.length < 1 || name.length > 200) problems.push(new DomainError('BAD_USER_INPUT', 'fullName must have 1 to 200 characters', inputField('fullName')));
  const thisYear = Number(today().slice(0, 4));
  if (input.birthYear != null && (!Number.isInteger(input.birthYear) || input.birthYear < 1900 || input.birthYear > thisYear)) {
    problems.push(new DomainError('BAD_USER_INPUT', `birthYear must be from 1900 to ${thisYear}`, inputField('birthYear')));
  }
  return problems;
}

export async function createPerson(em: EntityManager, viewer: Viewer, input: CreatePersonCommand): Promise<Person> {
  const homeUnitCode = input.unitCode ?? viewer.unitCode;
  if (homeUnitCode) assertUnitInScope(viewer, homeUnitCode);
  const problems = personProblems(input);
  let levels: Awaited<ReturnType<typeof resolveCompetencyLevels>> = [];
  try {
    levels = await resolveCompetencyLevels(em, input.competencies, 'competencies');
  } catch (error) {
    if (error instanceof DomainErrors) problems.push(...error.errors);
    else throw error;
  }
  if (problems.length) throw new DomainErrors(problems);
  let homeUnit: OrgUnit | null = null;
  if (homeUnitCode) {
    const [row] = await em.execute<Array<{ id: string }>>('select id from org_unit where code = ?', [homeUnitCode]);
    if (!row) throw new DomainError('NOT_FOUND', `No org unit has the code ${homeUnitCode}`, inputField('unitCode'));
    homeUnit = em.getReference(OrgUnit, String(row.id));
  }
  const person = newEntity(em, Person, { fullName: input.fullName.trim(), birthYear: input.birthYear ?? null, homeUnit });
  await em.flush();
  for (const level of levels) {
    em.create(PersonCompetency, { person, competency: em.getReference(Competency, level.competencyId), level: level.level });
  }
  await em.flush();
  recordAudit(em, viewer, { operation: 'createPerson', unitCode: homeUnitCode ?? null, targetId: person.globalId, changes: input });
  return person;
}
