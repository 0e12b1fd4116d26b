import type { Viewer } from '../../auth/viewer';
import { pathInSubtrees, scopePaths } from '../../auth/scope';
import { fragment, spliced, TRUE_SQL, type SqlFragment } from '../../shared/sql';
import type { SqlRunner } from '../../db/sql-runner';

/**
 * Who may see a candidate. Candidates carry personal data and no unit of their own: a candidate
 * lies in a subtree when the subtree's HR office recorded them (their home unit is there), or
 * when they applied to a vacancy there. A candidate with no home unit — recorded by an ADMIN, who
 * acts for no unit — is in the national talent pool, which every scope sees: a pool kept for the
 * whole country would be of no use if only the offices they applied to could find them.
 *
 * A SQL predicate on the candidate row `alias`, carrying its values; every scope (ADMIN: none)
 * tests it, so node(id), applyToVacancy and matchCandidates agree on who is visible.
 *
 * `perRow`: for a test run on a few rows at a time (matchCandidates tests its best holders one by
 * one until k pass). The application test is then a scalar subquery, which the planner cannot
 * turn into one hash of every application in the scope (15,000 for a province, about 60 ms at
 * full scale) to test 100 candidates.
 */
export function candidateVisibleSql(alias: string, viewer: Viewer, options: { perRow?: boolean } = {}): SqlFragment {
  const paths = scopePaths(viewer);
  if (paths === null) return TRUE_SQL;
  const candidate = (column: string) => fragment(`${alias}.${column}`);
  const appliedInScope = spliced`select 1 from application a join vacancy v on v.id = a.vacancy_id join position p on p.id = v.position_id
                  join org_unit u on u.id = p.unit_id where a.candidate_id = ${candidate('id')} and ${pathInSubtrees('u.path', paths)}`;
  // The scope's units are few enough to hash once; its applications may be a country's, so each
  // candidate probes its own (index on application.candidate_id).
  return spliced`(${candidate('home_unit_id')} is null
       or ${candidate('home_unit_id')} in (select h.id from org_unit h where ${pathInSubtrees('h.path', paths)})
       or ${options.perRow ? spliced`(${appliedInScope} limit 1) is not null` : spliced`exists (${appliedInScope})`})`;
}

/** Returns the ids of `candidateIds` the viewer may see. */
export async function candidatesInScope(run: SqlRunner, viewer: Viewer, candidateIds: readonly string[]): Promise<Set<string>> {
  if (scopePaths(viewer) === null) return new Set(candidateIds.map(String));
  const query = spliced`select c.id from candidate c where c.id = any(${candidateIds}::bigint[]) and ${candidateVisibleSql('c', viewer)}`;
  const rows = await run<{ id: string }>(query.text, query.values);
  return new Set(rows.map((r) => String(r.id)));
}
