import type { SqlRunner } from '../../db/sql-runner';
import { StaffCategory } from '../../graphql/enums';
import { fragment, spliced } from '../../shared/sql';
import { assignmentActiveOn } from './assignment-dates.sql';

/**
 * The establishment rule's arithmetic (biên chế): quota left per unit and category on a date.
 * Taking a seat (seat.ts) applies it under the unit's row lock; the placement plan reads it.
 */
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
  const query = spliced`select g.unit_id, g.category, g.on_date::text as on_date, q.headcount as quota,
            (select count(*)::int from assignment a join position p on p.id = a.position_id
              where p.unit_id = g.unit_id and p.category = g.category and a.kind = 'PRIMARY'
                and ${assignmentActiveOn('a', fragment('g.on_date'))}) as active
     from unnest(${groups.map((g) => g.unitId)}::bigint[], ${groups.map((g) => g.category)}::text[], ${dates}::date[]) as g(unit_id, category, on_date)
     left join establishment_quota q on q.unit_id = g.unit_id and q.category = g.category and q.year = extract(year from g.on_date)::int`;
  const rows = await run<{ unit_id: string; category: StaffCategory; on_date: string; quota: number | null; active: number }>(query.text, query.values);
  return rows.map((row) => ({
    unitId: String(row.unit_id),
    category: row.category,
    date: row.on_date,
    active: row.active,
    ...seatsLeft(row.category, row.quota === null ? null : Number(row.quota), row.active),
  }));
}
