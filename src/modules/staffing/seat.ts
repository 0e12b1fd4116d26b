import type { EntityManager } from '@mikro-orm/postgresql';
import { runQuery, sqlRunnerFor } from '../../db/sql-runner';
import { AssignmentKind, StaffCategory } from '../../graphql/enums';
import { DomainError, UserErrorCode } from '../../shared/domain-error';
import { fragment, spliced, type SqlFragment } from '../../shared/sql';
import { yearOf } from '../../shared/today';
import { openEndedRefusal } from '../org';
import { assignmentNotEndedBefore } from './assignment-dates.sql';
import { quotaLeftForGroups } from './establishment-rule';

/**
 * Taking a seat: the one command behind assignPerson, transferPerson, hireCandidate and
 * importRoster, for one row or many. In the caller's transaction it locks the seats' units (in
 * id order, after the people the caller has locked), checks that each unit exists on the start
 * date, that no one takes a seat they hold, the one-PRIMARY rule and the establishment rule
 * (counting the batch's own earlier seats, as if applied one after another), inserts the
 * assignments, and hands the PRIMARY ones to the vacancy rule (registered by recruitment,
 * which owns vacancies). Any refusal: nothing is inserted.
 */
export interface SeatToTake {
  personId: string;
  positionId: string;
  kind: AssignmentKind;
  startDate: string;
}

export interface SeatRefusal {
  /** Index of the seat in the batch. */
  index: number;
  code: UserErrorCode;
  message: string;
  /** What the refusal is about, for the caller to name its own field or column. */
  about: 'startDate' | 'positionId' | 'kind' | 'quota';
}

export interface SeatTaken {
  assignmentId: string;
  /** The vacancy this seat filled under the vacancy rule, if any. */
  filledVacancyId: string | null;
}

/** The vacancy rule: given PRIMARY seats just taken, in order, which vacancy each filled. */
export type VacancyRule = (em: EntityManager, seats: ReadonlyArray<SeatToTake & { assignmentId: string }>) => Promise<Map<string, string>>;

let vacancyRule: VacancyRule | null = null;

/** Recruitment registers the vacancy rule here (staffing sits below it and cannot import it). */
export function registerVacancyRule(rule: VacancyRule): void {
  vacancyRule = rule;
}

interface SeatPosition {
  id: string;
  unit_id: string;
  unit_code: string;
  category: StaffCategory;
  valid_from: string | null;
  valid_to: string | null;
}

/** The seats as a from-item `alias`(ord, person_id, position_id, kind, start_date), ord being each one's index. */
function seatRows(seats: readonly SeatToTake[], alias: string): SqlFragment {
  const rows = JSON.stringify(seats.map((s, ord) => ({ ord, person_id: s.personId, position_id: s.positionId, kind: s.kind, start_date: s.startDate })));
  return spliced`jsonb_to_recordset(${rows}::jsonb) as ${fragment(alias)}(ord int, person_id bigint, position_id bigint, kind text, start_date date)`;
}

/** Checks every seat; returns the refusals (none: the batch may be inserted). Locks the units. */
export async function checkSeats(em: EntityManager, seats: readonly SeatToTake[]): Promise<SeatRefusal[]> {
  if (seats.length === 0) return [];
  const run = sqlRunnerFor(em);
  const positionIds = [...new Set(seats.map((s) => s.positionId))];
  // Lock the units first, in id order, then read their state under the lock. NO KEY UPDATE: it
  // serialises every seat taken in the unit, yet does not wait for the key-share locks that rows
  // referring to the unit take (a hire's new person, recorded in the unit, holds one).
  await run(`select u.id from org_unit u where u.id in (select unit_id from position where id = any(?::bigint[])) order by u.id for no key update of u`, [positionIds]);
  const positions = new Map(
    (await run<SeatPosition>(
      `select p.id, p.unit_id, u.code as unit_code, p.category, u.valid_from, u.valid_to
       from position p join org_unit u on u.id = p.unit_id where p.id = any(?::bigint[])`,
      [positionIds],
    )).map((p) => [String(p.id), p]),
  );
  const refusals: SeatRefusal[] = [];
  const refuse = (index: number, code: UserErrorCode, about: SeatRefusal['about'], message: string) => refusals.push({ index, code, about, message });

  // What the people already hold that could clash: any seat of the same position from the start
  // date on, any PRIMARY overlapping an open-ended one from the start date.
  const held = await runQuery<{ ord: number; same_seat: boolean; primary_start: string | null; primary_end: string | null }>(run, spliced`select s.ord,
            exists (select 1 from assignment a where a.person_id = s.person_id and a.position_id = s.position_id
                    and ${assignmentNotEndedBefore('a', fragment('s.start_date'))}) as same_seat,
            o.start_date::text as primary_start, o.end_date::text as primary_end
     from ${seatRows(seats, 's')}
     left join lateral (select a.start_date, a.end_date from assignment a
                        where s.kind = 'PRIMARY' and a.person_id = s.person_id and a.kind = 'PRIMARY'
                          and daterange(a.start_date, a.end_date, '[]') && daterange(s.start_date, null, '[]')
                        order by a.start_date limit 1) o on true`);
  const heldByIndex = new Map(held.map((h) => [Number(h.ord), h]));

  const primaryInBatch = new Map<string, number>();
  const seatsInBatch = new Set<string>();
  seats.forEach((seat, index) => {
    const position = positions.get(seat.positionId);
    if (!position) return refuse(index, 'NOT_FOUND', 'positionId', 'No position has that ID');
    const refusal = openEndedRefusal({ code: position.unit_code, valid_from: position.valid_from, valid_to: position.valid_to }, seat.startDate);
    if (refusal) refuse(index, 'INVALID_STATE', 'startDate', refusal);
    const h = heldByIndex.get(index);
    const seatKey = `${seat.personId}|${seat.positionId}`;
    if (h?.same_seat || seatsInBatch.has(seatKey)) refuse(index, 'CONFLICT', 'positionId', 'The person already holds this position on or after that date');
    seatsInBatch.add(seatKey);
    if (seat.kind === AssignmentKind.PRIMARY) {
      if (h?.primary_start) {
        refuse(index, 'CONFLICT', 'kind', `The person already holds a PRIMARY assignment from ${h.primary_start}${h.primary_end ? ` to ${h.primary_end}` : ''}; end it first`);
      } else if (primaryInBatch.has(seat.personId)) {
        refuse(index, 'CONFLICT', 'kind', `The person already takes a PRIMARY seat in this batch (row ${primaryInBatch.get(seat.personId)! + 1})`);
      }
      primaryInBatch.set(seat.personId, primaryInBatch.get(seat.personId) ?? index);
    }
  });

  // The establishment rule, as if the batch's PRIMARY seats were taken one after another.
  const primaries = seats.map((seat, index) => ({ seat, index, position: positions.get(seat.positionId) })).filter((p) => p.seat.kind === AssignmentKind.PRIMARY && p.position);
  const left = await quotaLeftForGroups(run, primaries.map((p) => ({ unitId: String(p.position!.unit_id), category: p.position!.category, date: p.seat.startDate })));
  primaries.forEach(({ seat, index, position }, k) => {
    const base = left[k];
    if (base.left === null) return;
    const earlier = primaries.slice(0, k).filter((p) => p.position!.unit_id === position!.unit_id && p.position!.category === position!.category && p.seat.startDate <= seat.startDate).length;
    if (base.left - earlier < 1) {
      refuse(
        index,
        'QUOTA_EXCEEDED',
        'quota',
        `${position!.unit_code} would have ${base.active + earlier + 1} active PRIMARY ${position!.category} assignments on ${seat.startDate} against a ${yearOf(seat.startDate)} quota of ${base.quota}`,
      );
    }
  });
  return refusals.sort((a, b) => a.index - b.index);
}

/**
 * The database's own guard of the one-PRIMARY rule (the exclusion constraint
 * assignment_one_primary, SQLSTATE 23P01): a concurrent request took the person's PRIMARY seat
 * after checkSeats looked.
 */
function explainOnePrimaryGuard(error: unknown): never {
  if ((error as { code?: unknown })?.code === '23P01') {
    throw new DomainError('CONFLICT', 'The person already holds a PRIMARY assignment in that period');
  }
  throw error;
}

/** Inserts checked seats (checkSeats found no refusal, in this transaction) and applies the vacancy rule. */
export async function insertSeats(em: EntityManager, seats: readonly SeatToTake[]): Promise<SeatTaken[]> {
  if (seats.length === 0) return [];
  const run = sqlRunnerFor(em);
  const inserted = await runQuery<{ id: string }>(run, spliced`insert into assignment (person_id, position_id, kind, start_date)
     select r.person_id, r.position_id, r.kind, r.start_date from ${seatRows(seats, 'r')}
     order by r.ord returning id`).catch(explainOnePrimaryGuard);
  // Identity values follow the ORDER BY within one statement; RETURNING's order is not promised.
  const ids = inserted.map((r) => BigInt(r.id)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map(String);
  const primaries = seats.map((seat, index) => ({ ...seat, assignmentId: ids[index] })).filter((s) => s.kind === AssignmentKind.PRIMARY);
  if (primaries.length && !vacancyRule) throw new Error('The vacancy rule is not registered (the recruitment module registers it)');
  const filled = primaries.length ? await vacancyRule!(em, primaries) : new Map<string, string>();
  return ids.map((assignmentId) => ({ assignmentId, filledVacancyId: filled.get(assignmentId) ?? null }));
}

/** One seat, for assignPerson, transferPerson and hireCandidate: a refusal throws, naming the caller's field. */
export async function takeSeat(em: EntityManager, seat: SeatToTake, fields: Record<SeatRefusal['about'], string[]>): Promise<SeatTaken> {
  const [refusal] = await checkSeats(em, [seat]);
  if (refusal) throw new DomainError(refusal.code, refusal.message, fields[refusal.about]);
  const [taken] = await insertSeats(em, [seat]);
  return taken;
}
