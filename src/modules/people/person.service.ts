import type { EntityManager } from '@mikro-orm/postgresql';
import { Viewer } from '../../auth/viewer';
import { scopePaths } from '../../auth/scope';
import { Page, pageFrom, PageRequest } from '../../graphql/connection';
import { byKey, groupByKey } from '../../graphql/loaders';
import { RequestContext, viewerOf } from '../../edge/context';
import { today } from '../../shared/today';
import { newEntity } from '../../db/new-entity';
import { recordAudit } from '../audit';
import { requireUnitForQuery } from '../org';
import { CompetencyLevel, PersonCompetency } from './competency-level';
import { Competency } from './competency.entity';
import { levelOf } from './competency.service';
import { checkProfile, ProfileInput } from './profile';
import { Person } from './person.entity';
import * as sql from './person.sql';
import { readModel } from '../../db/read-model';

function toEntity(ctx: RequestContext, row: sql.PersonRow): Person {
  return readModel(ctx.em, Person, row as unknown as Record<string, unknown>);
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
  const paths = scopePaths(viewerOf(ctx));
  if (paths === null) return true;
  return ctx.loaders
    .get<string, boolean>('person.visible', async (ids) => {
      const rows = await sql.peopleInSubtree(ctx.sql, ids, paths);
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

export async function createPerson(em: EntityManager, viewer: Viewer, input: ProfileInput): Promise<Person> {
  const profile = await checkProfile(em, viewer, input);
  const person = newEntity(em, Person, { fullName: profile.fullName, birthYear: input.birthYear ?? null, homeUnit: profile.homeUnit });
  await em.flush();
  for (const level of profile.levels) {
    newEntity(em, PersonCompetency, { person, competency: em.getReference(Competency, level.competencyId), level: level.level });
  }
  await em.flush();
  recordAudit(em, viewer, { operation: 'createPerson', unitCode: profile.homeUnitCode, targetId: person.globalId, changes: input });
  return person;
}
