import type { Viewer } from '../../auth/viewer';
import { scopePaths } from '../../auth/viewer';
import type { SqlRunner } from '../../db/sql-runner';

/**
 * Candidates carry personal data and no unit of their own: a candidate lies in a subtree when
 * the subtree's HR office recorded them, or when they applied to a vacancy there.
 * Returns the ids of `candidateIds` the viewer may see.
 */
export async function candidatesInScope(run: SqlRunner, viewer: Viewer, candidateIds: readonly string[]): Promise<Set<string>> {
  const paths = scopePaths(viewer);
  if (paths === null) return new Set(candidateIds.map(String));
  const rows = await run<{ id: string }>(
    `select c.id from candidate c where c.id = any(?::bigint[]) and (
       exists (select 1 from org_unit h where h.id = c.home_unit_id and h.path <@ any(?::ltree[]))
       or exists (select 1 from application a join vacancy v on v.id = a.vacancy_id join position p on p.id = v.position_id
                  join org_unit u on u.id = p.unit_id where a.candidate_id = c.id and u.path <@ any(?::ltree[])))`,
    [candidateIds, paths, paths],
  );
  return new Set(rows.map((r) => String(r.id)));
}
