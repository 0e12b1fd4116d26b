import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlRunnerFor } from '../../db/sql-runner';
import { ApplicationStage } from '../../graphql/enums';
import { liveVacancySql } from '../../graphql/enums';
import { fragment, spliced } from '../../shared/sql';
import { clockOf } from '../../edge/deps';
import { freeSeatsOn, registerVacancyRule, SeatToTake } from '../staffing';
import { LIVE_STAGES } from './pipeline';

/**
 * Vacancies match seats (the contract's rule). A PRIMARY seat taken by any path (assignPerson,
 * transferPerson, hireCandidate, importRoster) that leaves its position with more live vacancies
 * than free seats on its start date fills the oldest live vacancy (earliest openedOn, then the
 * one created first): FILLED on the start date (on its openedOn when the seat was taken earlier),
 * filledBy that assignment.
 *
 * The live applications of a vacancy filled this way are closed: recruiters expect a filled post
 * to stop its pipeline, and candidates to hear so. Each becomes REJECTED with the reason recorded
 * on its stage change, and a pending offer is declined (OTHER), as a rejection does.
 */
export async function fillVacanciesForSeats(em: EntityManager, seats: ReadonlyArray<SeatToTake & { assignmentId: string }>): Promise<Map<string, string>> {
  const filled = new Map<string, string>();
  const run = sqlRunnerFor(em);
  const positionIds = [...new Set(seats.map((s) => s.positionId))];
  // Most seats have no live vacancy at all: one statement finds those that do. No lock here: the
  // lock order is vacancies before units (hireCandidate, reorganizeUnits), and the caller holds the
  // unit; openVacancy waits for the unit, so the count cannot grow meanwhile.
  const withLive = new Set(
    (await run<{ position_id: string }>(
      `select distinct v.position_id from vacancy v where v.position_id = any(?::bigint[]) and ${liveVacancySql('v').text}`,
      [positionIds],
    )).map((r) => String(r.position_id)),
  );
  for (const seat of seats) {
    if (!withLive.has(seat.positionId)) continue;
    const stateQuery = spliced`select (select count(*)::int from vacancy v where v.position_id = p.id and ${liveVacancySql('v')}) as live, ${freeSeatsOn('p', seat.startDate)} as free
       from position p where p.id = ${fragment('?', seat.positionId)}`;
    const [state] = await run<{ live: number; free: number }>(stateQuery.text, stateQuery.values);
    if (!state || state.live <= state.free) continue;
    // A vacancy locked by a hire in progress is passed over: that hire fills it itself, or fails.
    const [oldest] = await run<{ id: string }>(
      `select v.id from vacancy v where v.position_id = ? and ${liveVacancySql('v').text} order by v.opened_on, v.id limit 1 for update skip locked`,
      [seat.positionId],
    );
    if (!oldest) continue;
    const vacancyId = String(oldest.id);
    await run(
      `update vacancy set status = 'FILLED', filled_on = greatest(?::date, opened_on), filled_by_assignment_id = ? where id = ?`,
      [seat.startDate, seat.assignmentId, vacancyId],
    );
    await closeLiveApplications(em, vacancyId, `the vacancy was filled by another assignment (${seat.startDate})`, null);
    filled.set(seat.assignmentId, vacancyId);
  }
  return filled;
}

/**
 * Closes the live applications of a vacancy that no longer recruits: REJECTED, the reason on the
 * stage change, a pending offer declined. `except` keeps the application that was hired.
 */
export async function closeLiveApplications(em: EntityManager, vacancyId: string, reason: string, except: string | null): Promise<void> {
  const run = sqlRunnerFor(em);
  const live = await run<{ id: string; stage: ApplicationStage }>(
    `select id, stage from application where vacancy_id = ? and stage = any(?::text[]) and id is distinct from ?::bigint order by id for update`,
    [vacancyId, [...LIVE_STAGES], except],
  );
  if (!live.length) return;
  const ids = live.map((a) => a.id);
  await run(
    `insert into application_stage_change (application_id, from_stage, to_stage, changed_by, note)
     select a.id, a.stage, 'REJECTED', 'vacancy rule', ? from application a where a.id = any(?::bigint[])`,
    [reason, ids],
  );
  await run(`update offer set status = 'DECLINED', decline_reason = 'OTHER', decided_on = ? where application_id = any(?::bigint[]) and status = 'PENDING'`, [clockOf(em).today(), ids]);
  await run(`update application set stage = 'REJECTED' where id = any(?::bigint[])`, [ids]);
}

registerVacancyRule(fillVacanciesForSeats);
