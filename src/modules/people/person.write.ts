import type { SqlRunner } from '../../db/sql-runner';
import { CompetencySource, Sex } from '../../graphql/enums';

/**
 * The one command that writes people and their competency levels, for one row or many:
 * createPerson, hireCandidate and importRoster all create people through insertPeople, and
 * every level anyone records goes through recordLevels, which keeps the history.
 */
export interface NewPerson {
  fullName: string;
  birthYear: number | null;
  birthDate?: string | null;
  sex?: Sex | null;
  nationalId?: string | null;
  homeUnitId: string | null;
  competencies: ReadonlyArray<{ competencyId: string; level: number }>;
}

export interface LevelRecord {
  personId: string;
  competencyId: string;
  /** 0 removes the competency from the person's current levels. */
  level: number;
  recordedOn: string;
  source: CompetencySource;
  note?: string | null;
}

/** Inserts the people in order and returns their ids in the same order; their levels are recorded with `source`. */
export async function insertPeople(run: SqlRunner, people: readonly NewPerson[], source: CompetencySource, recordedOn: string): Promise<string[]> {
  if (people.length === 0) return [];
  const created = await run<{ id: string }>(
    `insert into person (full_name, birth_year, birth_date, sex, national_id, home_unit_id)
     select r.full_name, r.birth_year, r.birth_date, r.sex, r.national_id, r.home_unit_id
     from jsonb_to_recordset(?::jsonb) as r(ord int, full_name text, birth_year int, birth_date date, sex text, national_id text, home_unit_id bigint)
     order by r.ord
     returning id`,
    [JSON.stringify(people.map((p, ord) => ({
      ord, full_name: p.fullName, birth_year: p.birthYear, birth_date: p.birthDate ?? null, sex: p.sex ?? null, national_id: p.nationalId ?? null, home_unit_id: p.homeUnitId,
    })))],
  );
  // Identity values follow insertion order within one statement, which the ORDER BY fixes;
  // RETURNING's own order is not promised, so sort the ids.
  const ids = created.map((c) => BigInt(c.id)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map(String);
  await recordLevels(run, people.flatMap((p, index) => p.competencies.map((c) => ({ personId: ids[index], competencyId: c.competencyId, level: c.level, recordedOn, source }))));
  return ids;
}

/**
 * Appends levels to the history and brings the current levels (person_competency, which every
 * analytic reads) to each touched competency's latest record: the latest recordedOn, then the
 * last recorded. A latest level of 0 removes the competency.
 */
export async function recordLevels(run: SqlRunner, records: readonly LevelRecord[]): Promise<void> {
  if (records.length === 0) return;
  const json = JSON.stringify(records.map((r, ord) => ({
    ord, person_id: r.personId, competency_id: r.competencyId, level: r.level, recorded_on: r.recordedOn, source: r.source, note: r.note ?? null,
  })));
  await run(
    `insert into competency_record (person_id, competency_id, level, recorded_on, source, note)
     select r.person_id, r.competency_id, r.level, r.recorded_on, r.source, r.note
     from jsonb_to_recordset(?::jsonb) as r(ord int, person_id bigint, competency_id bigint, level int, recorded_on date, source text, note text)
     order by r.ord`,
    [json],
  );
  await run(
    `with touched as (select distinct r.person_id, r.competency_id from jsonb_to_recordset(?::jsonb) as r(person_id bigint, competency_id bigint)),
     latest as (
       select distinct on (c.person_id, c.competency_id) c.person_id, c.competency_id, c.level
       from competency_record c join touched t on t.person_id = c.person_id and t.competency_id = c.competency_id
       order by c.person_id, c.competency_id, c.recorded_on desc, c.id desc
     ),
     removed as (
       delete from person_competency pc using latest l
       where pc.person_id = l.person_id and pc.competency_id = l.competency_id and l.level = 0
     )
     insert into person_competency (person_id, competency_id, level)
     select person_id, competency_id, level from latest where level > 0
     on conflict (person_id, competency_id) do update set level = excluded.level`,
    [json],
  );
}
