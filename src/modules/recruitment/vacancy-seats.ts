import type { EntityManager } from '@mikro-orm/postgresql';
import { runQuery, sqlRunnerFor } from '../../db/sql-runner';
import { ApplicationStage, liveVacancySql } from '../../graphql/enums';
import { spliced } from '../../shared/sql';
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
  const live = liveVacancySql('v');
  const positionIds = [...new Set(seats.map((s) => s.positionId))];
  // Most seats have no live vacancy at all: one statement finds those that do. No lock here: the
  // lock order is vacancies before units (hireCandidate, reorganizeUnits), and the caller holds the
  // unit; openVacancy waits for the unit, so the count cannot grow meanwhile.
  const withLive = new Set(
    (await runQuery<{ position_id: string }>(run, spliced`select distinct v.position_id from vacancy v where v.position_id = any(${positionIds}::bigint[]) and ${live}`))
      .map((r) => String(r.position_id)),
  );
  for (const seat of seats) {
    if (!withLive.has(seat.positionId)) continue;
    const [state] = await runQuery<{ live: number; free: number }>(run, spliced`select (select count(*)::int from vacancy v where v.position_id = p.id and ${live}) as live,
       ${freeSeatsOn('p', seat.startDate)} as free from position p where p.id = ${seat.positionId}`);
    if (!state || state.live <= state.free) continue;
    // A vacancy locked by a hire in progress is passed over: that hire fills it itself, or fails.
    const [oldest] = await runQuery<{ id: string }>(run, spliced`select v.id from vacancy v where v.position_id = ${seat.positionId} and ${live} order by v.opened_on, v.id limit 1 for update skip locked`,
    );
    if (!oldest) continue;
    const vacancyId = String(oldest.id);
    await runQuery(run, spliced`update vacancy set status = 'FILLED', filled_on = greatest(${seat.startDate}::date, opened_on), filled_by_assignment_id = ${seat.assignmentId} where id = ${vacancyId}`);
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
  const live = await runQuery<{ id: string; stage: ApplicationStage }>(run, spliced`select id, stage from application where vacancy_id = ${vacancyId} and stage = any(${LIVE_STAGES}::text[]) and id is distinct from ${except}::bigint order by id for update`,
  );
  if (!live.length) return;
  const ids = live.map((a) => a.id);
  await runQuery(run, spliced`insert into application_stage_change (application_id, from_stage, to_stage, changed_by, note)
     select a.id, a.stage, 'REJECTED', 'vacancy rule', ${reason} from application a where a.id = any(${ids}::bigint[])`);
  await declinePendingOffers(em, ids);
  await runQuery(run, spliced`update application set stage = 'REJECTED' where id = any(${ids}::bigint[])`);
}

/** A pending offer dies with its application: DECLINED (OTHER) today. */
export async function declinePendingOffers(em: EntityManager, applicationIds: readonly string[]): Promise<void> {
  await runQuery(sqlRunnerFor(em), spliced`update offer set status = 'DECLINED', decline_reason = 'OTHER', decided_on = ${clockOf(em).today()}
     where application_id = any(${applicationIds}::bigint[]) and status = 'PENDING'`);
}

registerVacancyRule(fillVacanciesForSeats);
