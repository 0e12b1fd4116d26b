import type { EntityManager } from '@mikro-orm/postgresql';
import { Viewer } from '../../auth/viewer';
import { scopePaths } from '../../auth/scope';
import { Page, pageFrom, PageRequest } from '../../graphql/connection';
import { groupByKey } from '../../graphql/loaders';
import { yearOf } from '../../shared/today';
import { recordAudit } from '../audit';
import { requireUnitForQuery } from '../org';
import { CompetencyLevel, CompetencyRecord } from './competency-level';
import { levelOf, MAX_LEVEL } from './competency.service';
import { assertNationalIdFree, birthYearOf, checkProfile, identityProblems, IdentityInput, profileProblems, ProfileInput } from './profile.service';
import { insertPeople, recordLevels } from './person.write';
import { SqlRunner, sqlRunnerFor } from '../../db/sql-runner';
import { CompetencySource } from '../../graphql/enums';
import { DomainError, DomainErrors, forbidden, inputField } from '../../shared/domain-error';
import { keyOfGlobalId } from '../../graphql/global-id';
import { isLocalDate } from '../../graphql/scalars';
import { fragment, spliced } from '../../shared/sql';
import { assignmentActiveOn } from './assignment-rule';
import { echo } from '../../shared/echo';
import { Person } from './person.entity';
import * as sql from './person.sql';
import { isReadModel, readModel } from '../../db/read-model';
import { clockOf, loadById, type Deps } from '../../edge/deps';

function toEntity(deps: Deps, row: sql.PersonRow): Person {
  const person = readModel(deps.em, Person, row as unknown as Record<string, unknown>);
  person.retirementDate = row.retirement_date;
  return person;
}

/**
 * The person with every recorded column: a seat's holder may come with its name only (see
 * seatsWithHoldersOfPositions), and a mutation's managed entity has no computed retirementDate.
 */
export async function recordedPerson(deps: Deps, person: Person): Promise<Person> {
  if (isReadModel(person) && person.retirementDate !== undefined) return person;
  return (await personById(deps, person.id)) ?? person;
}

export function personById(deps: Deps, id: string): Promise<Person | null> {
  return loadById(deps, 'person.byId', id, (ids) => sql.peopleByIds(deps.sql, ids), (r) => toEntity(deps, r));
}

/** True when the person lies in the viewer's subtree (always for ADMIN). */
export async function personVisible(deps: Deps, personId: string): Promise<boolean> {
  const paths = scopePaths(deps.viewer);
  if (paths === null) return true;
  return deps.loaders
    .get<string, boolean>('person.visible', async (ids) => {
      const rows = await sql.peopleInSubtree(deps.sql, ids, paths);
      const visible = new Set(rows.map((r) => String(r.id)));
      return ids.map((id) => visible.has(id));
    })
    .load(personId);
}

export async function listPeople(
  deps: Deps,
  args: { unitCode: string; includeDescendants: boolean; search?: string | null; competencyCode?: string | null },
  page: PageRequest,
): Promise<Page<Person>> {
  const unit = await requireUnitForQuery(deps, args.unitCode);
  let competencyId: string | null = null;
  if (args.competencyCode) {
    const [row] = await deps.sql<{ id: string }>('select id from competency where code = ?', [args.competencyCode]);
    if (!row) return pageFrom([], page, (p: Person) => p.id, async () => 0);
    competencyId = String(row.id);
  }
  const filter: sql.PeopleFilter = {
    rootId: unit.id,
    includeDescendants: args.includeDescendants,
    search: args.search ?? null,
    competencyId,
    date: deps.clock.today(),
  };
  const rows = await sql.peoplePage(deps.sql, filter, page);
  return pageFrom(rows.map((r) => toEntity(deps, r)), page, (p) => p.id, () => sql.peopleCount(deps.sql, filter));
}

export async function competenciesOf(deps: Deps, person: Person): Promise<CompetencyLevel[]> {
  const rows = await deps.loaders
    .get<string, Array<{ competency_id: string; level: number }>>('person.competencies', async (ids) =>
      groupByKey(ids, await sql.competenciesOfPeople(deps.sql, ids), (r) => String(r.person_id)),
    )
    .load(person.id);
  return rows.map((r) => levelOf(r.competency_id, r.level));
}

export interface CreatePersonCommand extends ProfileInput, IdentityInput {}

export async function createPerson(em: EntityManager, viewer: Viewer, input: CreatePersonCommand): Promise<Person> {
  const today = clockOf(em).today();
  const identity = identityProblems(input, today);
  const profile = await checkProfile(em, viewer, input, identity);
  const run = sqlRunnerFor(em);
  await assertNationalIdFree(run, input.nationalId);
  const [id] = await insertPeople(
    run,
    [{
      fullName: profile.fullName, birthYear: birthYearOf(input), birthDate: input.birthDate ?? null, sex: input.sex ?? null, nationalId: input.nationalId ?? null,
      homeUnitId: profile.homeUnit?.id ?? null, competencies: profile.levels,
    }],
    CompetencySource.ASSESSMENT,
    today,
  );
  const person = await em.findOneOrFail(Person, id);
  recordAudit(em, viewer, { operation: 'createPerson', unitCode: profile.homeUnitCode, targetId: person.globalId, changes: input });
  return person;
}

/** The person, locked for the rest of the transaction, when the viewer's subtree holds them. */
async function lockPersonInScope(run: SqlRunner, viewer: Viewer, globalId: string, field: string): Promise<sql.PersonRow> {
  const personId = keyOfGlobalId(globalId, 'Person', inputField(field));
  const [row] = await run<sql.PersonRow>('select p.id, p.full_name, p.birth_year, p.birth_date, p.sex, p.national_id, p.home_unit_id from person p where p.id = ? for update', [personId]);
  if (!row) throw new DomainError('NOT_FOUND', 'No person has that ID', inputField(field));
  const paths = scopePaths(viewer);
  if (paths !== null && (await sql.peopleInSubtree(run, [personId], paths)).length === 0) throw forbidden('That person is outside your scope');
  return row;
}

/** The unit a change to a person concerns, for the audit trail: their current PRIMARY seat's unit, else their home unit. */
async function unitOfPerson(run: SqlRunner, personId: string, today: string): Promise<string | null> {
  const person = fragment('?', personId);
  const query = spliced`select coalesce(
       (select u.code from assignment a join position p on p.id = a.position_id join org_unit u on u.id = p.unit_id
        where a.person_id = ${person} and a.kind = 'PRIMARY' and ${assignmentActiveOn('a', today)} order by a.start_date desc limit 1),
       (select h.code from person x join org_unit h on h.id = x.home_unit_id where x.id = ${person})) as code`;
  const [row] = await run<{ code: string }>(query.text, query.values);
  return row?.code ?? null;
}

export interface UpdatePersonCommand extends IdentityInput {
  id: string;
  fullName?: string | null;
}

/**
 * Changes only the fields given; null clears a nullable one (the contract's update inputs).
 * The birth year follows a birth date, and may not disagree with one that stays.
 */
export async function updatePerson(em: EntityManager, viewer: Viewer, input: UpdatePersonCommand): Promise<Person> {
  const run = sqlRunnerFor(em);
  const row = await lockPersonInScope(run, viewer, input.id, 'id');
  const before: Record<string, unknown> = { fullName: row.full_name, birthYear: row.birth_year, birthDate: row.birth_date, sex: row.sex, nationalId: row.national_id };
  const given = (key: keyof UpdatePersonCommand) => input[key] !== undefined;
  const after: Record<string, unknown> = { ...before };
  const problems: DomainError[] = [];
  if (given('fullName')) {
    if (input.fullName === null) problems.push(new DomainError('BAD_USER_INPUT', 'fullName cannot be cleared', inputField('fullName')));
    else after.fullName = input.fullName!.trim();
  }
  for (const key of ['birthDate', 'sex', 'nationalId'] as const) if (given(key)) after[key] = input[key];
  if (given('birthYear')) after.birthYear = input.birthYear;
  else if (given('birthDate') && input.birthDate) after.birthYear = yearOf(input.birthDate);
  const merged = { fullName: String(after.fullName ?? ''), ...(after as IdentityInput) };
  const today = clockOf(em).today();
  problems.push(...profileProblems(merged, today), ...identityProblems(merged, today));
  if (merged.birthDate && merged.birthYear == null) problems.push(new DomainError('BAD_USER_INPUT', 'birthYear follows birthDate; clear birthDate to clear it', inputField('birthYear')));
  if (problems.length) throw new DomainErrors(problems);
  await assertNationalIdFree(run, after.nationalId as string | null, row.id);
  const changed = Object.keys(after).filter((key) => String(after[key] ?? null) !== String(before[key] ?? null));
  const person = await em.findOneOrFail(Person, row.id);
  Object.assign(person, Object.fromEntries(changed.map((key) => [key, after[key] ?? null])));
  await em.flush();
  recordAudit(em, viewer, {
    operation: 'updatePerson',
    unitCode: await unitOfPerson(run, row.id, today),
    targetId: person.globalId,
    changes: { before: pick(before, changed), after: pick(after, changed) },
  });
  return person;
}

function pick(values: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, values[key] ?? null]));
}

export interface RecordCompetencyCommand {
  personId: string;
  competencyCode: string;
  level: number;
  recordedOn: string;
  source: CompetencySource;
  note?: string | null;
}

/** Appends a level to the person's history; their current level is the latest record (0 removes it). */
export async function recordCompetency(em: EntityManager, viewer: Viewer, input: RecordCompetencyCommand): Promise<Person> {
  const run = sqlRunnerFor(em);
  const row = await lockPersonInScope(run, viewer, input.personId, 'personId');
  const problems: DomainError[] = [];
  if (!Number.isInteger(input.level) || input.level < 0 || input.level > MAX_LEVEL) {
    problems.push(new DomainError('BAD_USER_INPUT', `level must be from 0 (removes it) to ${MAX_LEVEL}`, inputField('level')));
  }
  if (!isLocalDate(input.recordedOn)) problems.push(new DomainError('BAD_USER_INPUT', 'recordedOn must be YYYY-MM-DD', inputField('recordedOn')));
  else if (input.recordedOn > clockOf(em).today()) problems.push(new DomainError('BAD_USER_INPUT', 'recordedOn cannot be in the future', inputField('recordedOn')));
  else if (input.recordedOn < (row.birth_date ?? (row.birth_year ? `${row.birth_year}-01-01` : '0000-01-01'))) {
    problems.push(new DomainError('BAD_USER_INPUT', 'recordedOn is before the person was born', inputField('recordedOn')));
  }
  if (input.note != null && input.note.length > 500) problems.push(new DomainError('BAD_USER_INPUT', 'note has at most 500 characters', inputField('note')));
  const [competency] = await run<{ id: string }>('select id from competency where code = ?', [input.competencyCode]);
  if (!competency) problems.push(new DomainError('NOT_FOUND', `No competency has the code ${echo(input.competencyCode)}`, inputField('competencyCode')));
  if (problems.length) throw new DomainErrors(problems);
  const [current] = await run<{ level: number }>('select level from person_competency where person_id = ? and competency_id = ?', [row.id, competency.id]);
  await recordLevels(run, [{ personId: row.id, competencyId: String(competency.id), level: input.level, recordedOn: input.recordedOn, source: input.source, note: input.note ?? null }]);
  const [latest] = await run<{ level: number }>('select level from person_competency where person_id = ? and competency_id = ?', [row.id, competency.id]);
  const person = await em.findOneOrFail(Person, row.id);
  recordAudit(em, viewer, {
    operation: 'recordCompetency',
    unitCode: await unitOfPerson(run, row.id, clockOf(em).today()),
    targetId: person.globalId,
    changes: {
      before: { [input.competencyCode]: current?.level ?? 0 },
      after: { [input.competencyCode]: latest?.level ?? 0 },
      record: { level: input.level, recordedOn: input.recordedOn, source: input.source, note: input.note ?? null },
    },
  });
  return person;
}

export async function competencyHistoryOf(deps: Deps, person: Person): Promise<CompetencyRecord[]> {
  const rows = await deps.loaders
    .get<string, sql.CompetencyRecordRow[]>('person.competencyHistory', async (ids) =>
      groupByKey(ids, await sql.competencyHistoryOfPeople(deps.sql, ids), (r) => String(r.person_id)),
    )
    .load(person.id);
  return rows.map((r) => Object.assign(new CompetencyRecord(), {
    competencyId: String(r.competency_id), level: Number(r.level), recordedOn: r.recorded_on, source: r.source as CompetencySource, note: r.note,
  }));
}
