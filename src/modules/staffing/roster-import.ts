import type { EntityManager } from '@mikro-orm/postgresql';
import { unitInScope, Viewer } from '../../auth/viewer';
import { sqlRunnerFor } from '../../db/sql-runner';
import { AssignmentKind, CompetencySource, StaffCategory } from '../../graphql/enums';
import { isLocalDate } from '../../graphql/scalars';
import { DomainError } from '../../graphql/user-error';
import { CsvSyntaxError, parseCsv } from '../../shared/csv';
import { today } from '../../shared/today';
import { recordAudit } from '../audit';
import { openEndedRefusal } from '../org';
import { insertPeople, MAX_LEVEL, MIN_LEVEL, profileProblems } from '../people';
import { quotaLeftForGroups } from './establishment-rule';
import { echo } from '../../shared/echo';

/**
 * Roster import: a whole HR roster (CSV) in one transaction, all or nothing. Every row is checked
 * before anything is written, and every bad row is reported by its line (the header is line 1).
 * Each row is what an assignPerson of a new person would be, and the same rules hold: the unit
 * in the caller's subtree and existing on the start date, the establishment rule counted as if
 * the rows were applied one after another, one PRIMARY per person. Rows with the same full name
 * and birth year are one person (so a file can give someone a PRIMARY and a CONCURRENT post).
 */
export const ROSTER_COLUMNS = ['unit_code', 'full_name', 'birth_year', 'position_title', 'assignment_kind', 'start_date', 'competencies'] as const;
export const MAX_ROSTER_ROWS = 5_000;

export interface RowError {
  line: number;
  column: string | null;
  message: string;
}

export interface RosterResult {
  peopleCreated: number;
  assignmentsCreated: number;
  rowErrors: RowError[];
}

interface RosterRow {
  line: number;
  unitCode: string;
  fullName: string;
  birthYear: number | null;
  positionTitle: string;
  kind: AssignmentKind;
  startDate: string;
  competencies: Array<{ code: string; level: number }>;
  personKey: string;
}

/** Parses and checks the shape of every row; returns the rows that are well formed. */
function readRows(csv: string, viewer: Viewer, errors: RowError[]): RosterRow[] {
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
  const unknown = header.filter((c) => !(ROSTER_COLUMNS as readonly string[]).includes(c));
  if (missing.length || unknown.length) {
    errors.push({
      line: 1,
      column: null,
      message: `The header must have the columns ${ROSTER_COLUMNS.join(',')}${missing.length ? `; missing: ${missing.join(', ')}` : ''}${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}`,
    });
    return [];
  }
  if (records.length - 1 > MAX_ROSTER_ROWS) {
    errors.push({ line: 1, column: null, message: `At most ${MAX_ROSTER_ROWS} rows per import; split the file` });
    return [];
  }
  const at = (fields: string[], column: (typeof ROSTER_COLUMNS)[number]) => (fields[header.indexOf(column)] ?? '').trim();
  const rows: RosterRow[] = [];
  for (const record of records.slice(1)) {
    const rowErrors: RowError[] = [];
    const fail = (column: string | null, message: string) => rowErrors.push({ line: record.line, column, message });
    if (record.fields.length !== header.length) fail(null, `The row has ${record.fields.length} fields; the header has ${header.length}`);
    const unitCode = at(record.fields, 'unit_code');
    if (!unitCode) fail('unit_code', 'unit_code is empty');
    else if (!unitInScope(viewer, unitCode)) fail('unit_code', `Unit ${echo(unitCode)} is outside your subtree`);
    const fullName = at(record.fields, 'full_name');
    const birthText = at(record.fields, 'birth_year');
    const birthYear = birthText === '' ? null : Number(birthText);
    if (birthText !== '' && !Number.isInteger(birthYear)) fail('birth_year', `birth_year "${birthText.slice(0, 20)}" is not a year`);
    else for (const problem of profileProblems({ fullName, birthYear })) fail(problem.field?.[1] === 'birthYear' ? 'birth_year' : 'full_name', problem.message);
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
        line: record.line, unitCode, fullName, birthYear, positionTitle, kind: kindText as AssignmentKind, startDate, competencies,
        personKey: `${fullName.toLocaleLowerCase('vi')}|${birthYear ?? ''}`,
      });
    }
  }
  return rows;
}

export async function importRoster(em: EntityManager, viewer: Viewer, input: { csv: string; dryRun?: boolean | null }): Promise<RosterResult> {
  if (typeof input.csv !== 'string' || input.csv.length === 0) throw new DomainError('BAD_USER_INPUT', 'csv is empty', ['input', 'csv']);
  const errors: RowError[] = [];
  const rows = readRows(input.csv, viewer, errors);
  const run = sqlRunnerFor(em);

  // Look everything up in bulk: units (locked, so concurrent writers wait), positions, competencies.
  const unitCodes = [...new Set(rows.map((r) => r.unitCode))].sort();
  const units = new Map(
    (await run<{ id: string; code: string; valid_from: string | null; valid_to: string | null }>(
      'select id, code, valid_from, valid_to from org_unit where code = any(?::text[]) order by code for update',
      [unitCodes],
    )).map((u) => [u.code, u]),
  );
  const positions = await run<{ id: string; unit_code: string; title: string; category: StaffCategory }>(
    `select p.id, u.code as unit_code, p.title, p.category from position p join org_unit u on u.id = p.unit_id where u.code = any(?::text[])`,
    [unitCodes],
  );
  const positionsByKey = new Map<string, typeof positions>();
  for (const p of positions) {
    const key = `${p.unit_code}|${p.title.toLocaleLowerCase('vi')}`;
    positionsByKey.set(key, [...(positionsByKey.get(key) ?? []), p]);
  }
  const codes = [...new Set(rows.flatMap((r) => r.competencies.map((c) => c.code)))];
  const competencyIds = new Map((await run<{ id: string; code: string }>('select id, code from competency where code = any(?::text[])', [codes])).map((c) => [c.code, String(c.id)]));

  interface Resolved extends RosterRow { positionId: string; unitId: string; category: StaffCategory }
  const resolved: Resolved[] = [];
  for (const row of rows) {
    const rowErrors: RowError[] = [];
    const unit = units.get(row.unitCode);
    if (!unit) rowErrors.push({ line: row.line, column: 'unit_code', message: `No org unit has the code ${echo(row.unitCode)}` });
    else {
      const refusal = openEndedRefusal(unit, row.startDate);
      if (refusal) rowErrors.push({ line: row.line, column: 'start_date', message: refusal });
    }
    const matches = positionsByKey.get(`${row.unitCode}|${row.positionTitle.toLocaleLowerCase('vi')}`) ?? [];
    if (unit && matches.length === 0) rowErrors.push({ line: row.line, column: 'position_title', message: `${echo(row.unitCode)} has no position titled "${echo(row.positionTitle)}"` });
    if (matches.length > 1) rowErrors.push({ line: row.line, column: 'position_title', message: `${echo(row.unitCode)} has ${matches.length} positions titled "${echo(row.positionTitle)}"` });
    for (const c of row.competencies) {
      if (!competencyIds.has(c.code)) rowErrors.push({ line: row.line, column: 'competencies', message: `No competency has the code ${echo(c.code)}` });
    }
    errors.push(...rowErrors);
    if (rowErrors.length === 0) resolved.push({ ...row, positionId: String(matches[0].id), unitId: String(unit!.id), category: matches[0].category });
  }

  // The one-PRIMARY rule and "not the same seat twice" among the file's own rows.
  const seen = new Map<string, { primaryLine: number | null; seats: Set<string> }>();
  for (const row of resolved) {
    const person = seen.get(row.personKey) ?? { primaryLine: null, seats: new Set<string>() };
    if (person.seats.has(row.positionId)) errors.push({ line: row.line, column: 'position_title', message: `${echo(row.fullName)} already takes this position in this file` });
    if (row.kind === AssignmentKind.PRIMARY && person.primaryLine !== null) {
      errors.push({ line: row.line, column: 'assignment_kind', message: `${echo(row.fullName)} already has a PRIMARY assignment on line ${person.primaryLine} (CONFLICT)` });
    }
    if (row.kind === AssignmentKind.PRIMARY && person.primaryLine === null) person.primaryLine = row.line;
    person.seats.add(row.positionId);
    seen.set(row.personKey, person);
  }

  // The establishment rule, as if the rows were applied one after another.
  const primaries = resolved.filter((r) => r.kind === AssignmentKind.PRIMARY);
  const left = await quotaLeftForGroups(run, primaries.map((r) => ({ unitId: r.unitId, category: r.category, date: r.startDate })));
  primaries.forEach((row, index) => {
    const base = left[index];
    if (base.left === null) return;
    const earlier = primaries.slice(0, index).filter((r) => r.unitId === row.unitId && r.category === row.category && r.startDate <= row.startDate).length;
    if (base.left - earlier < 1) {
      errors.push({
        line: row.line,
        column: 'unit_code',
        message: `QUOTA_EXCEEDED: ${echo(row.unitCode)} would have ${base.active + earlier + 1} active PRIMARY ${row.category} assignments on ${row.startDate} against a quota of ${base.quota}`,
      });
    }
  });

  const people = new Set(resolved.map((r) => r.personKey));
  if (errors.length) {
    errors.sort((a, b) => a.line - b.line);
    return { peopleCreated: 0, assignmentsCreated: 0, rowErrors: errors };
  }
  if (input.dryRun) return { peopleCreated: people.size, assignmentsCreated: resolved.length, rowErrors: [] };

  // Write set-based: people, their competencies, their assignments.
  const firstRowOf = new Map<string, RosterRow>();
  for (const row of resolved) if (!firstRowOf.has(row.personKey)) firstRowOf.set(row.personKey, row);
  const keys = [...firstRowOf.keys()];
  // A person's level is the highest any of their rows gives.
  const levelsOf = new Map<string, Map<string, number>>();
  for (const row of resolved) {
    const levels = levelsOf.get(row.personKey) ?? new Map<string, number>();
    for (const c of row.competencies) levels.set(competencyIds.get(c.code)!, Math.max(levels.get(competencyIds.get(c.code)!) ?? 0, c.level));
    levelsOf.set(row.personKey, levels);
  }
  const ids = await insertPeople(
    run,
    keys.map((key) => {
      const row = firstRowOf.get(key)!;
      return {
        fullName: row.fullName, birthYear: row.birthYear, homeUnitId: String(units.get(row.unitCode)!.id),
        competencies: [...levelsOf.get(key)!].map(([competencyId, level]) => ({ competencyId, level })),
      };
    }),
    CompetencySource.IMPORT,
    today(),
  );
  const personIds = new Map(keys.map((key, index) => [key, ids[index]]));
  await run(
    `insert into assignment (person_id, position_id, kind, start_date)
     select r.person_id, r.position_id, r.kind, r.start_date from jsonb_to_recordset(?::jsonb) as r(person_id bigint, position_id bigint, kind text, start_date date)`,
    [JSON.stringify(resolved.map((r) => ({ person_id: personIds.get(r.personKey), position_id: r.positionId, kind: r.kind, start_date: r.startDate })))],
  );
  recordAudit(em, viewer, {
    operation: 'importRoster',
    unitCode: viewer.unitCode,
    changes: { rows: resolved.length, peopleCreated: people.size, assignmentsCreated: resolved.length, units: unitCodes, importedOn: today() },
  });
  return { peopleCreated: people.size, assignmentsCreated: resolved.length, rowErrors: [] };
}
