import type { EntityManager } from '@mikro-orm/postgresql';
import { Viewer } from '../../auth/viewer';
import { scopePaths, unitInScope } from '../../auth/scope';
import { SqlRunner, sqlRunnerFor } from '../../db/sql-runner';
import { fragment, spliced, TRUE_SQL, type SqlFragment } from '../../shared/sql';
import { AssignmentKind, CompetencySource, Sex } from '../../graphql/enums';
import { isLocalDate } from '../../graphql/scalars';
import { DomainError } from '../../shared/domain-error';
import { CsvSyntaxError, parseCsv } from '../../shared/csv';
import { clockOf } from '../../edge/deps';
import { recordAudit } from '../audit';
import { identityProblems, insertPeople, MAX_LEVEL, MIN_LEVEL, personInSubtrees, profileProblems, recordLevels } from '../people';
import { checkSeats, insertSeats, SeatRefusal } from './seat';
import { echo } from '../../shared/echo';
import { canonicalUnitCode } from '../../shared/unit-code';

/**
 * Roster import: a whole HR roster (CSV) in one transaction, all or nothing. Every row is checked
 * before anything is written, and every bad row is reported by its line (the header is line 1).
 * Each row is what an assignPerson of a new person would be, and the same rules hold: the unit
 * in the caller's subtree and existing on the start date, the establishment rule counted as if
 * the rows were applied one after another, one PRIMARY per person — the seats are taken through
 * staffing's one take-a-seat command, as assignPerson takes them.
 *
 * Who a row is (contract v2): a national_id already recorded is that person (the row's other
 * given fields must agree); a row without one is the person of the caller's subtree with the same
 * full name (ignoring case, diacritics and spacing) and birth year when exactly one exists (two or
 * more: a row error, give the national_id). Rows with the same national_id, or else the same name
 * and birth year, are one person (so a file can give someone a PRIMARY and a CONCURRENT post).
 * An assignment that already exists (same person, position, kind and start date) is left as it
 * is, and a competency level already current is not recorded again: importing a file twice
 * changes nothing the second time.
 */
export const ROSTER_COLUMNS = ['unit_code', 'full_name', 'birth_year', 'position_title', 'assignment_kind', 'start_date', 'competencies'] as const;
/** Contract v2's optional columns: they identify a person, and are matched against the people already recorded. */
export const OPTIONAL_ROSTER_COLUMNS = ['national_id', 'sex', 'birth_date'] as const;
type RosterColumn = (typeof ROSTER_COLUMNS)[number] | (typeof OPTIONAL_ROSTER_COLUMNS)[number];
export const MAX_ROSTER_ROWS = 5_000;

export interface RowError {
  line: number;
  column: string | null;
  message: string;
}

export interface RosterResult {
  peopleCreated: number;
  peopleMatched: number;
  assignmentsCreated: number;
  assignmentsUnchanged: number;
  rowErrors: RowError[];
}

interface RosterRow {
  line: number;
  unitCode: string;
  fullName: string;
  birthYear: number | null;
  nationalId: string | null;
  sex: Sex | null;
  birthDate: string | null;
  positionTitle: string;
  kind: AssignmentKind;
  startDate: string;
  competencies: Array<{ code: string; level: number }>;
  personKey: string;
}

const COLUMN_OF_FIELD: Record<string, string> = { nationalId: 'national_id', sex: 'sex', birthDate: 'birth_date', birthYear: 'birth_year' };

/** A name as the matching sees it: no case, no Vietnamese diacritics, single spaces (SQL: FOLDED_NAME). */
function foldName(name: string): string {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
}
const FOLDED_NAME = (column: string) => `btrim(regexp_replace(search_fold(${column}), '\\s+', ' ', 'g'))`;

/** Parses and checks the shape of every row; returns the rows that are well formed. */
function readRows(csv: string, viewer: Viewer, today: string, errors: RowError[]): RosterRow[] {
  let records;
  try {
    records = parseCsv(csv);
  } catch (error) {
    if (error instanceof CsvSyntaxError) {
      errors.push({ line: error.line, column: null, message: `Not valid CSV: ${error.message}` });
      return [];
    }
    throw error;
  }
  if (records.length === 0) {
    errors.push({ line: 1, column: null, message: `The CSV is empty; it needs the header ${ROSTER_COLUMNS.join(',')}` });
    return [];
  }
  const header = records[0].fields.map((f) => f.trim().toLowerCase());
  const missing = ROSTER_COLUMNS.filter((c) => !header.includes(c));
  const known: readonly string[] = [...ROSTER_COLUMNS, ...OPTIONAL_ROSTER_COLUMNS];
  const unknown = header.filter((c) => !known.includes(c));
  if (missing.length || unknown.length) {
    errors.push({
      line: 1,
      column: null,
      message: `The header must have the columns ${ROSTER_COLUMNS.join(',')} (optional: ${OPTIONAL_ROSTER_COLUMNS.join(',')})${missing.length ? `; missing: ${missing.join(', ')}` : ''}${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}`,
    });
    return [];
  }
  if (records.length - 1 > MAX_ROSTER_ROWS) {
    errors.push({ line: 1, column: null, message: `At most ${MAX_ROSTER_ROWS} rows per import; split the file` });
    return [];
  }
  const at = (fields: string[], column: RosterColumn) => (header.includes(column) ? (fields[header.indexOf(column)] ?? '').trim() : '');
  const rows: RosterRow[] = [];
  for (const record of records.slice(1)) {
    const rowErrors: RowError[] = [];
    const fail = (column: string | null, message: string) => rowErrors.push({ line: record.line, column, message });
    if (record.fields.length !== header.length) fail(null, `The row has ${record.fields.length} fields; the header has ${header.length}`);
    const unitCode = canonicalUnitCode(at(record.fields, 'unit_code'));
    if (!unitCode) fail('unit_code', 'unit_code is empty');
    else if (!unitInScope(viewer, unitCode)) fail('unit_code', `Unit ${echo(unitCode)} is outside your subtree`);
    const fullName = at(record.fields, 'full_name');
    const birthText = at(record.fields, 'birth_year');
    const nationalId = at(record.fields, 'national_id') || null;
    const sexText = at(record.fields, 'sex').toUpperCase();
    const sex = sexText === '' ? null : (sexText as Sex);
    const birthDate = at(record.fields, 'birth_date') || null;
    const givenBirthYear = birthText === '' ? null : Number(birthText);
    if (birthText !== '' && !Number.isInteger(givenBirthYear)) fail('birth_year', `birth_year "${birthText.slice(0, 20)}" is not a year`);
    else for (const problem of profileProblems({ fullName, birthYear: givenBirthYear }, today)) fail(problem.field?.[1] === 'birthYear' ? 'birth_year' : 'full_name', problem.message);
    for (const problem of identityProblems({ nationalId, sex, birthDate, birthYear: Number.isInteger(givenBirthYear) ? givenBirthYear : null }, today)) {
      fail(COLUMN_OF_FIELD[problem.field?.[1] ?? ''] ?? null, problem.message);
    }
    const birthYear = birthDate && isLocalDate(birthDate) ? Number(birthDate.slice(0, 4)) : givenBirthYear;
    const positionTitle = at(record.fields, 'position_title');
    if (!positionTitle) fail('position_title', 'position_title is empty');
    const kindText = at(record.fields, 'assignment_kind').toUpperCase();
    if (kindText !== AssignmentKind.PRIMARY && kindText !== AssignmentKind.CONCURRENT) fail('assignment_kind', 'assignment_kind must be PRIMARY or CONCURRENT');
    const startDate = at(record.fields, 'start_date');
    if (!isLocalDate(startDate)) fail('start_date', `start_date "${String(startDate).slice(0, 20)}" is not a date written YYYY-MM-DD`);
    const competencies: Array<{ code: string; level: number }> = [];
    const competencyText = at(record.fields, 'competencies');
    for (const part of competencyText ? competencyText.split(';') : []) {
      const match = /^\s*([A-Za-z0-9_.-]{1,64})\s*:\s*(\d+)\s*$/.exec(part);
      const level = match ? Number(match[2]) : NaN;
      if (!match || level < MIN_LEVEL || level > MAX_LEVEL) fail('competencies', `"${part.slice(0, 40)}" is not CODE:level with a level from ${MIN_LEVEL} to ${MAX_LEVEL}`);
      else if (competencies.some((c) => c.code === match[1])) fail('competencies', `${match[1]} is listed twice`);
      else competencies.push({ code: match[1], level });
    }
    errors.push(...rowErrors);
    if (rowErrors.length === 0) {
      rows.push({
        line: record.line, unitCode, fullName, birthYear, nationalId, sex, birthDate, positionTitle, kind: kindText as AssignmentKind, startDate, competencies,
        personKey: nationalId ? `id:${nationalId}` : `name:${foldName(fullName)}|${birthYear ?? ''}`,
      });
    }
  }
  return rows;
}

export async function importRoster(em: EntityManager, viewer: Viewer, input: { csv: string; dryRun?: boolean | null }): Promise<RosterResult> {
  if (typeof input.csv !== 'string' || input.csv.length === 0) throw new DomainError('BAD_USER_INPUT', 'csv is empty', ['input', 'csv']);
  const errors: RowError[] = [];
  const today = clockOf(em).today();
  const rows = readRows(input.csv, viewer, today, errors);
  const run = sqlRunnerFor(em);

  // Look everything up in bulk: units, positions, competencies.
  const unitCodes = [...new Set(rows.map((r) => r.unitCode))].sort();
  const units = new Map(
    (await run<{ id: string; code: string }>('select id, code from org_unit where code = any(?::text[])', [unitCodes])).map((u) => [u.code, u]),
  );
  const positions = await run<{ id: string; unit_code: string; title: string }>(
    `select p.id, u.code as unit_code, p.title from position p join org_unit u on u.id = p.unit_id where u.code = any(?::text[])`,
    [unitCodes],
  );
  const positionsByKey = new Map<string, typeof positions>();
  for (const p of positions) {
    const key = `${p.unit_code}|${p.title.toLocaleLowerCase('vi')}`;
    positionsByKey.set(key, [...(positionsByKey.get(key) ?? []), p]);
  }
  const codes = [...new Set(rows.flatMap((r) => r.competencies.map((c) => c.code)))];
  const competencyIds = new Map((await run<{ id: string; code: string }>('select id, code from competency where code = any(?::text[])', [codes])).map((c) => [c.code, String(c.id)]));

  interface Resolved extends RosterRow { positionId: string }
  const resolved: Resolved[] = [];
  for (const row of rows) {
    const rowErrors: RowError[] = [];
    const unit = units.get(row.unitCode);
    if (!unit) rowErrors.push({ line: row.line, column: 'unit_code', message: `No org unit has the code ${echo(row.unitCode)}` });
    const matches = positionsByKey.get(`${row.unitCode}|${row.positionTitle.toLocaleLowerCase('vi')}`) ?? [];
    if (unit && matches.length === 0) rowErrors.push({ line: row.line, column: 'position_title', message: `${echo(row.unitCode)} has no position titled "${echo(row.positionTitle)}"` });
    if (matches.length > 1) rowErrors.push({ line: row.line, column: 'position_title', message: `${echo(row.unitCode)} has ${matches.length} positions titled "${echo(row.positionTitle)}"` });
    for (const c of row.competencies) {
      if (!competencyIds.has(c.code)) rowErrors.push({ line: row.line, column: 'competencies', message: `No competency has the code ${echo(c.code)}` });
    }
    errors.push(...rowErrors);
    if (rowErrors.length === 0) resolved.push({ ...row, positionId: String(matches[0].id) });
  }

  const existing = await matchPeople(run, viewer, resolved, errors);

  // Assignments that already exist are left as they are; the rest take their seats through the
  // one take-a-seat command. A person still to be created has a placeholder id that matches nothing.
  const firstRowOf = new Map<string, RosterRow>();
  for (const row of resolved) if (!firstRowOf.has(row.personKey)) firstRowOf.set(row.personKey, row);
  const newKeys = [...firstRowOf.keys()].filter((key) => !existing.has(key));
  const placeholder = new Map(newKeys.map((key, index) => [key, String(-(index + 1))]));
  const personIdOf = (key: string) => existing.get(key)?.id ?? placeholder.get(key)!;
  const existingSeats = await run<{ person_id: string; position_id: string; kind: string; start_date: string }>(
    `select a.person_id, a.position_id, a.kind, a.start_date::text from assignment a where a.person_id = any(?::bigint[])`,
    [[...existing.values()].map((p) => p.id)],
  );
  const seatKey = (personId: string, positionId: string, kind: string, startDate: string) => `${personId}|${positionId}|${kind}|${startDate}`;
  const already = new Set(existingSeats.map((a) => seatKey(String(a.person_id), String(a.position_id), a.kind, a.start_date)));
  const toTake = resolved.filter((r) => !already.has(seatKey(personIdOf(r.personKey), r.positionId, r.kind, r.startDate)));
  const unchanged = resolved.length - toTake.length;

  // Lock order everywhere: people, then units (checkSeats locks the units).
  if (existing.size) await run('select id from person where id = any(?::bigint[]) order by id for update', [[...existing.values()].map((p) => p.id)]);
  const seats = toTake.map((r) => ({ personId: personIdOf(r.personKey), positionId: r.positionId, kind: r.kind, startDate: r.startDate }));
  for (const refusal of await checkSeats(em, seats)) {
    const row = toTake[refusal.index];
    errors.push({ line: row.line, column: SEAT_COLUMN[refusal.about], message: `${refusal.code}: ${refusal.message}` });
  }

  const counts = { peopleCreated: newKeys.length, peopleMatched: existing.size, assignmentsCreated: toTake.length, assignmentsUnchanged: unchanged };
  if (errors.length) {
    errors.sort((a, b) => a.line - b.line);
    return { peopleCreated: 0, peopleMatched: 0, assignmentsCreated: 0, assignmentsUnchanged: 0, rowErrors: errors };
  }
  if (input.dryRun) return { ...counts, rowErrors: [] };

  // A person's level is the highest any of their rows gives.
  const levelsOf = new Map<string, Map<string, number>>();
  for (const row of resolved) {
    const levels = levelsOf.get(row.personKey) ?? new Map<string, number>();
    for (const c of row.competencies) levels.set(competencyIds.get(c.code)!, Math.max(levels.get(competencyIds.get(c.code)!) ?? 0, c.level));
    levelsOf.set(row.personKey, levels);
  }
  const levelList = (key: string) => [...levelsOf.get(key)!].map(([competencyId, level]) => ({ competencyId, level }));
  const createdIds = await insertPeople(
    run,
    newKeys.map((key) => {
      const row = firstRowOf.get(key)!;
      return {
        fullName: row.fullName, birthYear: row.birthYear, birthDate: row.birthDate, sex: row.sex, nationalId: row.nationalId,
        homeUnitId: String(units.get(row.unitCode)!.id), competencies: levelList(key),
      };
    }),
    CompetencySource.IMPORT,
    today,
  );
  const realId = new Map(newKeys.map((key, index) => [placeholder.get(key)!, createdIds[index]]));
  // Matched people: only levels that differ from their current ones are recorded.
  const current = await run<{ person_id: string; competency_id: string; level: number }>(
    'select person_id, competency_id, level from person_competency where person_id = any(?::bigint[])',
    [[...existing.values()].map((p) => p.id)],
  );
  const currentLevel = new Map(current.map((c) => [`${c.person_id}|${c.competency_id}`, Number(c.level)]));
  await recordLevels(run, [...existing].flatMap(([key, person]) =>
    levelList(key)
      .filter((l) => currentLevel.get(`${person.id}|${l.competencyId}`) !== l.level)
      .map((l) => ({ personId: person.id, competencyId: l.competencyId, level: l.level, recordedOn: today, source: CompetencySource.IMPORT }))));
  await insertSeats(em, seats.map((seat) => ({ ...seat, personId: realId.get(seat.personId) ?? seat.personId })));
  recordAudit(em, viewer, {
    operation: 'importRoster',
    unitCode: viewer.unitCode,
    changes: { rows: resolved.length, ...counts, units: unitCodes, importedOn: today },
  });
  return { ...counts, rowErrors: [] };
}

const SEAT_COLUMN: Record<SeatRefusal['about'], string> = { startDate: 'start_date', positionId: 'position_title', kind: 'assignment_kind', quota: 'unit_code' };

/** Person `p` lies in the caller's subtree (null paths: everywhere): a seat there, or recorded there. */
function inViewerScope(viewer: Viewer): SqlFragment {
  const paths = scopePaths(viewer);
  return paths === null ? TRUE_SQL : personInSubtrees('p', paths);
}

interface MatchedPerson {
  id: string;
}

/**
 * The people already recorded that the rows name, by person key: by national_id (the row's other
 * given fields must agree), else by folded name and birth year within the caller's subtree when
 * exactly one such person exists. Disagreements and ambiguities become row errors.
 */
async function matchPeople(run: SqlRunner, viewer: Viewer, rows: readonly RosterRow[], errors: RowError[]): Promise<Map<string, MatchedPerson>> {
  const matched = new Map<string, MatchedPerson>();
  const byId = rows.filter((r) => r.nationalId);
  if (byId.length) {
    const query = spliced`select p.id, p.national_id, p.full_name, p.birth_year, p.birth_date::text, p.sex, ${inViewerScope(viewer)} as in_scope
         from person p where p.national_id = any(${[...new Set(byId.map((r) => r.nationalId))]}::text[])`;
    const people = new Map(
      (await run<{ id: string; national_id: string; full_name: string; birth_year: number | null; birth_date: string | null; sex: string | null; in_scope: boolean }>(query.text, query.values))
        .map((p) => [p.national_id, p]),
    );
    for (const row of byId) {
      const person = people.get(row.nationalId!);
      if (!person) continue;
      if (!person.in_scope) {
        errors.push({ line: row.line, column: 'national_id', message: `national_id ${row.nationalId} is a person outside your subtree` });
        continue;
      }
      const disagree = (column: string, given: unknown, recorded: unknown) => {
        if (given !== null && recorded !== null && String(given) !== String(recorded)) {
          errors.push({ line: row.line, column, message: `national_id ${row.nationalId} is a person already recorded with ${column} ${echo(String(recorded))}, not ${echo(String(given))}` });
          return true;
        }
        return false;
      };
      const clashes = [
        disagree('full_name', foldName(row.fullName), foldName(person.full_name)),
        disagree('birth_year', row.birthYear, person.birth_year),
        disagree('birth_date', row.birthDate, person.birth_date),
        disagree('sex', row.sex, person.sex),
      ];
      if (!clashes.some(Boolean)) matched.set(row.personKey, { id: String(person.id) });
    }
  }
  const byName = [...new Map(rows.filter((r) => !r.nationalId).map((r) => [r.personKey, r])).values()];
  if (byName.length) {
    const named = fragment('?::jsonb', JSON.stringify(byName.map((r) => ({ key: r.personKey, full_name: r.fullName, birth_year: r.birthYear }))));
    const query = spliced`select r.key, p.id from jsonb_to_recordset(${named}) as r(key text, full_name text, birth_year int)
       join person p on ${fragment(`${FOLDED_NAME('p.full_name')} = ${FOLDED_NAME('r.full_name')}`)} and p.birth_year is not distinct from r.birth_year
       where ${inViewerScope(viewer)}`;
    const found = await run<{ key: string; id: string }>(query.text, query.values);
    const idsOf = new Map<string, string[]>();
    for (const f of found) idsOf.set(f.key, [...(idsOf.get(f.key) ?? []), String(f.id)]);
    for (const row of byName) {
      const ids = idsOf.get(row.personKey) ?? [];
      if (ids.length === 1) matched.set(row.personKey, { id: ids[0] });
      if (ids.length > 1) {
        for (const r of rows.filter((x) => x.personKey === row.personKey)) {
          errors.push({ line: r.line, column: 'full_name', message: `${ids.length} people of your subtree are named ${echo(row.fullName)} with this birth year; give their national_id` });
        }
      }
    }
  }
  return matched;
}
