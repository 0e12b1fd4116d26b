import { runQuery, type SqlRunner } from '../../db/sql-runner';
import { pathInSubtree, pathInSubtrees } from '../../auth/scope';
import { liveVacancySql } from '../../graphql/enums';
import { allOf, fragment, spliced } from '../../shared/sql';
import { unitNotEndedBefore, unitOpenEnded } from '../org';
import { assignmentNotEndedBefore, assignmentRunningInto } from '../staffing';
import { yearOf } from '../../shared/today';

/**
 * The set-based statements of a reorganisation. Each takes whole sets (arrays bound as one
 * parameter), so a merger costs the same handful of statements for 2 people or 20,000.
 *
 * "Subtrees" below are the merged units and every unit under them; "live" units are those of
 * the subtrees with no end yet — the ones the reorganisation ends (units that ended before are
 * history and are left alone).
 */

export interface LockedUnitRow {
  id: string;
  code: string;
  parent_id: string | null;
  valid_from: string | null;
  valid_to: string | null;
  successor_id: string | null;
}

/** The units with these codes, unlocked (to report unknown codes before taking any lock). */
export function unitsByCodes(run: SqlRunner, codes: readonly string[]): Promise<Array<{ id: string; code: string }>> {
  return runQuery(run, spliced`select id, code from org_unit where code = any(${codes}::text[])`);
}

/**
 * Locks the people whose assignments the merger ends and restarts (active on the date in a live
 * unit of the subtrees). assignPerson locks a person before a unit, so the merger does too:
 * an assignPerson for one of them then waits for the merger instead of deadlocking with it.
 */
export async function lockPeopleToRestart(run: SqlRunner, paths: readonly string[], effectiveOn: string): Promise<void> {
  const query = spliced`select pe.id from person pe
     where pe.id in (select a.person_id from assignment a join position p on p.id = a.position_id join org_unit u on u.id = p.unit_id
                     where ${pathInSubtrees('u.path', paths)} and ${unitOpenEnded('u')}
                       and ${assignmentRunningInto('a', effectiveOn)})
     order by pe.id for update of pe`;
  await runQuery(run, query);
}

/** Locks the live vacancies of the subtrees (hireCandidate locks a vacancy before its unit). */
export async function lockLiveVacancies(run: SqlRunner, paths: readonly string[]): Promise<void> {
  const query = spliced`select v.id from vacancy v join position p on p.id = v.position_id join org_unit u on u.id = p.unit_id
     where ${allOf([pathInSubtrees('u.path', paths), unitOpenEnded('u'), liveVacancySql('v')])}
     order by v.id for update of v`;
  await runQuery(run, query);
}

/**
 * Locks every unit of the subtrees, and the new unit's parent, in code order (the order every
 * writer that locks several units follows), and returns them as they stand under the lock.
 */
export function lockUnits(run: SqlRunner, paths: readonly string[], alsoCode: string | null): Promise<LockedUnitRow[]> {
  const query = spliced`select id, code, parent_id, valid_from::text, valid_to::text, successor_id from org_unit
     where ${pathInSubtrees('path', paths)} or code = ${alsoCode}
     order by code for update`;
  return runQuery<LockedUnitRow>(run, query);
}

export interface MoveCounts {
  positionsMoved: number;
  assignmentsMoved: number;
  assignmentsRestarted: number;
  vacanciesMoved: number;
  quotasGiven: number;
  workloadComponentsGiven: number;
  peopleRehomed: number;
  candidatesRehomed: number;
}

/**
 * Moves what is live in `liveUnitIds` into `newUnitId` on `effectiveOn` (see reorganizeUnits for
 * the rules). The caller holds the locks and ends the units afterwards.
 */
export async function moveIntoUnit(
  run: SqlRunner,
  args: { newUnitId: string; liveUnitIds: readonly string[]; mergedUnitIds: readonly string[]; effectiveOn: string; dayBefore: string },
): Promise<MoveCounts> {
  const { newUnitId, liveUnitIds, mergedUnitIds, effectiveOn, dayBefore } = args;

  // Positions: new ids drawn first, so the old → new map is exact (no matching on titles).
  const map = await runQuery<{ old_id: string; new_id: string }>(run, spliced`select p.id as old_id, nextval(pg_get_serial_sequence('position', 'id')) as new_id
     from position p join org_unit u on u.id = p.unit_id
     where p.unit_id = any(${liveUnitIds}::bigint[]) order by u.code, p.id`);
  const MAP = spliced`unnest(${map.map((m) => String(m.old_id))}::bigint[], ${map.map((m) => String(m.new_id))}::bigint[]) as m(old_id, new_id)`;
  let assignmentsMoved = 0;
  let assignmentsRestarted = 0;
  let vacanciesMoved = 0;
  if (map.length) {
    await runQuery(run, spliced`insert into position (id, unit_id, title, category, role_family, seniority, pay_coefficient, headcount) overriding system value
       select m.new_id, ${newUnitId}, p.title, p.category, p.role_family, p.seniority, p.pay_coefficient, p.headcount
       from ${MAP} join position p on p.id = m.old_id order by m.new_id`);
    await runQuery(run, spliced`insert into position_requirement (position_id, competency_id, level)
       select m.new_id, r.competency_id, r.level from ${MAP} join position_requirement r on r.position_id = m.old_id`);

    // Assignments active on the date that began before it: end the day before, restart on the
    // recreated position (same kind, same planned end and its reason); the ended one's reason is
    // REORGANISATION. Locked and read first, so the restart copies the end as it stands under the lock.
    const active = await runQuery<{ id: string; person_id: string; kind: string; end_date: string | null; end_reason: string | null; destination_sector: string | null; new_id: string }>(
      run,
      spliced`select a.id, a.person_id, a.kind, a.end_date::text, a.end_reason, a.destination_sector, m.new_id
       from assignment a join ${MAP} on a.position_id = m.old_id
       where ${assignmentRunningInto('a', effectiveOn)}
       order by a.id for update of a`,
    );
    if (active.length) {
      const column = <K extends keyof (typeof active)[number]>(key: K) => active.map((a) => a[key]);
      await runQuery(run, spliced`update assignment set end_date = ${dayBefore}::date, end_reason = 'REORGANISATION' where id = any(${column('id')}::bigint[])`);
      await runQuery(run, spliced`insert into assignment (person_id, position_id, kind, start_date, end_date, end_reason, destination_sector)
         select r.person_id, r.position_id, r.kind, ${effectiveOn}::date, r.end_date, r.end_reason, r.destination_sector
         from unnest(${column('person_id')}::bigint[], ${column('new_id')}::bigint[], ${column('kind')}::text[], ${column('end_date')}::date[],
                     ${column('end_reason')}::text[], ${column('destination_sector')}::text[]) as r(person_id, position_id, kind, end_date, end_reason, destination_sector)`);
    }
    assignmentsRestarted = active.length;

    // Assignments that begin on or after the date belong to the new unit outright.
    const [later] = await runQuery<{ n: number }>(
      run,
      spliced`with moved as (update assignment a set position_id = m.new_id from ${MAP}
                      where a.position_id = m.old_id and a.start_date >= ${effectiveOn}::date returning a.id)
       select count(*)::int as n from moved`,
    );
    assignmentsMoved = assignmentsRestarted + later.n;

    // Vacancies still live on the date follow their position (their applications and offers
    // follow them), the move recorded so that figures asked as of an earlier day find them where
    // they were: those live now, and, when the reform is recorded after its date, those filled or
    // closed since. One opened on or after the date belongs to the new unit outright, like an
    // assignment that begins then.
    const on = spliced`${effectiveOn}::date`;
    const [vacancies] = await runQuery<{ n: number }>(
      run,
      spliced`with moved as (update vacancy v set position_id = m.new_id from ${MAP}
                      where v.position_id = m.old_id
                        and (${liveVacancySql('v')} or coalesce(v.closed_on, v.filled_on) >= ${on} or v.opened_on >= ${on})
                      returning v.id, v.opened_on, m.old_id, m.new_id),
            logged as (insert into vacancy_move (vacancy_id, from_position_id, to_position_id, effective_on)
                       select id, old_id, new_id, ${on} from moved where opened_on < ${on} returning 1)
       select (select count(*)::int from moved) as n, (select count(*)::int from logged) as logged`,
    );
    vacanciesMoved = vacancies.n;
  }

  // Quotas from the date's year on: the sum of the merged units' own quotas (they keep theirs).
  const [quotas] = await runQuery<{ n: number }>(run, spliced`with given as (insert into establishment_quota (unit_id, year, category, headcount)
                    select ${newUnitId}, q.year, q.category, sum(q.headcount) from establishment_quota q
                    where q.unit_id = any(${mergedUnitIds}::bigint[]) and q.year >= ${yearOf(effectiveOn)} group by q.year, q.category returning 1)
     select count(*)::int as n from given`);

  // The work of the merged units becomes the new unit's: components of the same name add up
  // (volume summed, minutes weighted by volume, so the hours are unchanged). A name used with
  // different categories or digitisability keeps one component per kind, suffixed.
  const [workload] = await runQuery<{ n: number }>(run, spliced`with src as (select w.* from workload_component w where w.unit_id = any(${liveUnitIds}::bigint[])),
     kinds as (select name, count(distinct (category, digitisable)) as n from src group by name),
     named as (select s.*, case when k.n > 1
                 then left(s.name, 250) || ' (' || s.category || case when s.digitisable then ', digitisable' else '' end || ')'
                 else s.name end as new_name
               from src s join kinds k on k.name = s.name),
     given as (insert into workload_component (unit_id, name, category, annual_volume, minutes_per_item, digitisable)
               select ${newUnitId}, new_name, category, sum(annual_volume),
                      case when sum(annual_volume) > 0 then sum(annual_volume * minutes_per_item) / sum(annual_volume) else max(minutes_per_item) end,
                      digitisable
               from named group by new_name, category, digitisable returning 1)
     select count(*)::int as n from given`);

  // The new unit's HR office keeps the records the ended offices kept.
  const rehome = (table: 'person' | 'candidate') =>
    runQuery<{ n: number }>(run, spliced`with moved as (update ${fragment(table)} set home_unit_id = ${newUnitId} where home_unit_id = any(${liveUnitIds}::bigint[]) returning 1)
     select count(*)::int as n from moved`);
  const [people] = await rehome('person');
  const [candidates] = await rehome('candidate');

  return {
    positionsMoved: map.length,
    assignmentsMoved,
    assignmentsRestarted,
    vacanciesMoved,
    quotasGiven: quotas.n,
    workloadComponentsGiven: workload.n,
    peopleRehomed: people.n,
    candidatesRehomed: candidates.n,
  };
}

/** Ends the live units the day before the date; the merged ones get their successor. */
export async function endUnits(run: SqlRunner, args: { liveUnitIds: readonly string[]; mergedUnitIds: readonly string[]; successorId: string | null; dayBefore: string }): Promise<void> {
  await runQuery(run, spliced`update org_unit set valid_to = ${args.dayBefore}::date,
       successor_id = case when id = any(${args.mergedUnitIds}::bigint[]) then ${args.successorId}::bigint else successor_id end
     where id = any(${args.liveUnitIds}::bigint[])`);
}

/** What is still live on a date in a unit or below it: what keeps it from being dissolved. */
export async function liveContentOn(
  run: SqlRunner,
  unitId: string,
  path: string,
  date: string,
): Promise<{ units: string[]; assignments: number; assignmentUnits: string[]; vacancies: number; vacancyUnits: string[] }> {
  const inSubtree = pathInSubtree('u.path', path);
  const seatsOf = 'join position p on p.id = a.position_id join org_unit u on u.id = p.unit_id';
  const postOf = 'join position p on p.id = v.position_id join org_unit u on u.id = p.unit_id';
  const stillHeld = allOf([inSubtree, assignmentNotEndedBefore('a', date)]);
  const live = allOf([inSubtree, liveVacancySql('v')]);
  const query = spliced`select
       (select array_agg(u.code order by u.code) from org_unit u
         where ${inSubtree} and u.id <> ${unitId} and ${unitNotEndedBefore('u', date)}) as units,
       (select count(*)::int from assignment a ${fragment(seatsOf)} where ${stillHeld}) as assignments,
       (select array_agg(distinct u.code) from assignment a ${fragment(seatsOf)} where ${stillHeld}) as assignment_units,
       (select count(*)::int from vacancy v ${fragment(postOf)} where ${live}) as vacancies,
       (select array_agg(distinct u.code) from vacancy v ${fragment(postOf)} where ${live}) as vacancy_units`;
  const [row] = await runQuery<{ units: string[] | null; assignments: number; assignment_units: string[] | null; vacancies: number; vacancy_units: string[] | null }>(run, query);
  return {
    units: row.units ?? [],
    assignments: row.assignments,
    assignmentUnits: row.assignment_units ?? [],
    vacancies: row.vacancies,
    vacancyUnits: row.vacancy_units ?? [],
  };
}
