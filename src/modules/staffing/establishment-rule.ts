import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlRunnerFor } from '../../db/sql-runner';
import { AssignmentKind, StaffCategory } from '../../graphql/enums';
import { DomainError } from '../../graphql/user-error';
import { assignmentActiveOn } from '../../shared/sql';
import { yearOf } from '../../shared/today';

/**
 * The establishment rule (biên chế) and the one-PRIMARY rule, in one place for every path that
 * creates a PRIMARY assignment: assignPerson, hireCandidate and importRoster.
 *
 * Callers must hold, in this order, the row lock of the person (when the person exists) and then
 * the row lock of the position's unit (`lockUnitByCode` / `lockUnitById`), inside the
 * transaction that inserts the assignment. The unit lock serialises every check-and-insert of a
 * unit, so concurrent requests cannot together pass the quota; the exclusion constraint on
 * `assignment` backs up the one-PRIMARY rule in the database itself.
 */
export interface SeatRequest {
  personId: string | null;
  unitId: string;
  unitCode: string;
  category: StaffCategory;
  kind: AssignmentKind;
  startDate: string;
  endDate?: string | null;
}

/** Throws CONFLICT when the person holds a PRIMARY assignment overlapping [startDate, endDate]. */
export async function assertNoOverlappingPrimary(em: EntityManager, personId: string, startDate: string, endDate: string | null, field: string[]): Promise<void> {
  const clash = await sqlRunnerFor(em)<{ start_date: string; end_date: string | null }>(
    `select a.start_date, a.end_date from assignment a
     where a.person_id = ? and a.kind = 'PRIMARY'
       and daterange(a.start_date, a.end_date, '[]') && daterange(?::date, ?::date, '[]')
     limit 1`,
    [personId, startDate, endDate],
  );
  if (clash.length) {
    const held = clash[0];
    throw new DomainError(
      'CONFLICT',
      `The person already holds a PRIMARY assignment from ${held.start_date}${held.end_date ? ` to ${held.end_date}` : ''}; end it first`,
      field,
    );
  }
}

/** Quota left in a unit for a category on a date: null when unlimited (CONTRACT without a quota). */
export async function quotaLeft(em: EntityManager, unitId: string, category: StaffCategory, date: string): Promise<{ quota: number | null; active: number; left: number | null }> {
  const [row] = await sqlRunnerFor(em)<{ quota: number | null; active: number }>(
    `select (select q.headcount from establishment_quota q where q.unit_id = ? and q.year = ? and q.category = ?) as quota,
            (select count(*)::int from assignment a join position p on p.id = a.position_id
              where p.unit_id = ? and p.category = ? and a.kind = 'PRIMARY' and ${assignmentActiveOn('a')}) as active`,
    [unitId, yearOf(date), category, unitId, category, date, date],
  );
  const quota = row.quota === null ? (category === StaffCategory.CONTRACT ? null : 0) : Number(row.quota);
  return { quota, active: row.active, left: quota === null ? null : quota - row.active };
}

export async function assertEstablishmentAllows(em: EntityManager, seat: SeatRequest, field: string[]): Promise<void> {
  if (seat.kind !== AssignmentKind.PRIMARY) return;
  if (seat.personId) await assertNoOverlappingPrimary(em, seat.personId, seat.startDate, seat.endDate ?? null, field);
  const { quota, active, left } = await quotaLeft(em, seat.unitId, seat.category, seat.startDate);
  if (left !== null && left < 1) {
    throw new DomainError(
      'QUOTA_EXCEEDED',
      `${seat.unitCode} has ${active} active PRIMARY ${seat.category} assignments on ${seat.startDate} against a ${yearOf(seat.startDate)} quota of ${quota}`,
      field,
    );
  }
}
