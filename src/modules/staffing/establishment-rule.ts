import type { EntityManager } from '@mikro-orm/postgresql';
import { SqlRunner, sqlRunnerFor } from '../../db/sql-runner';
import { AssignmentKind, StaffCategory } from '../../graphql/enums';
import { DomainError } from '../../graphql/user-error';
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

export interface QuotaLeft {
  unitId: string;
  category: StaffCategory;
  /** The quota for the date's year; null when unlimited (CONTRACT without a quota). */
  quota: number | null;
  /** Active PRIMARY assignments on the date in the unit (not its subtree) to positions of the category. */
  active: number;
  /** quota - active; null when unlimited. */
  left: number | null;
}

/** Seats left under a quota: null when unlimited (CONTRACT without a quota). The rule's arithmetic, in one place. */
export function seatsLeft(category: StaffCategory, quota: number | null, active: number): { quota: number | null; left: number | null } {
  const effective = quota === null ? (category === StaffCategory.CONTRACT ? null : 0) : Number(quota);
  return { quota: effective, left: effective === null ? null : effective - active };
}

/**
 * Quota left per unit and category on a date, for many groups in one statement (each group
 * may have its own date). A CIVIL_SERVANT or PUBLIC_EMPLOYEE category without a quota has 0.
 */
export async function quotaLeftForGroups(
  run: SqlRunner,
  groups: ReadonlyArray<{ unitId: string; category: StaffCategory; date?: string }>,
  date?: string,
): Promise<Array<QuotaLeft & { date: string }>> {
  if (groups.length === 0) return [];
  const dates = groups.map((g) => g.date ?? date);
  if (dates.some((d) => !d)) throw new Error('quotaLeftForGroups needs a date for every group');
  const rows = await run<{ unit_id: string; category: StaffCategory; on_date: string; quota: number | null; active: number }>(
    `select g.unit_id, g.category, g.on_date::text as on_date, q.headcount as quota,
            (select count(*)::int from assignment a join position p on p.id = a.position_id
              where p.unit_id = g.unit_id and p.category = g.category and a.kind = 'PRIMARY'
                and a.start_date <= g.on_date and (a.end_date is null or a.end_date >= g.on_date)) as active
     from unnest(?::bigint[], ?::text[], ?::date[]) as g(unit_id, category, on_date)
     left join establishment_quota q on q.unit_id = g.unit_id and q.category = g.category and q.year = extract(year from g.on_date)::int`,
    [groups.map((g) => g.unitId), groups.map((g) => g.category), dates],
  );
  return rows.map((row) => ({
    unitId: String(row.unit_id),
    category: row.category,
    date: row.on_date,
    active: row.active,
    ...seatsLeft(row.category, row.quota === null ? null : Number(row.quota), row.active),
  }));
}

export async function quotaLeft(em: EntityManager, unitId: string, category: StaffCategory, date: string): Promise<QuotaLeft> {
  const [row] = await quotaLeftForGroups(sqlRunnerFor(em), [{ unitId, category, date }]);
  return row;
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
