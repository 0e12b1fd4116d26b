import { forbidden, forbiddenForRole } from '../shared/domain-error';
import { Role } from '../graphql/enums';
import { scopeRoots, Viewer } from './viewer';
import { echo } from '../shared/echo';
import { fragment, likeEscape, SqlFragment, TRUE_SQL } from '../shared/sql';

/*
 * The one home of the scope rule: a unit is in a viewer's scope when its code is one of the
 * viewer's scope roots or lies below one. Codes are dotted paths and `org_unit.path` is the same
 * path as an ltree, so the rule has a JS form (a prefix test) and SQL forms (`<@` on the path,
 * or the prefix on a stored code), each carrying its own values.
 */

/** True when `code` is `root` or a unit below it. */
export function unitWithin(code: string, root: string): boolean {
  return code === root || code.startsWith(`${root}.`);
}

/** True when the unit is in the viewer's scope. */
export function unitInScope(viewer: Viewer, unitCode: string): boolean {
  const roots = scopeRoots(viewer);
  if (roots === null) return true;
  return roots.some((root) => unitWithin(unitCode, root));
}

/** The ltrees the viewer's scope is rooted at, or null when unrestricted; an empty list matches nothing. */
export function scopePaths(viewer: Viewer): string[] | null {
  return scopeRoots(viewer);
}

/** SQL: the unit whose ltree is `pathColumn` is in the viewer's scope. */
export function pathInScope(pathColumn: string, viewer: Viewer): SqlFragment {
  const paths = scopePaths(viewer);
  return paths === null ? TRUE_SQL : pathInSubtrees(pathColumn, paths);
}

/** SQL: the unit whose ltree is `pathColumn` lies in one of these subtrees. */
export function pathInSubtrees(pathColumn: string, paths: readonly string[]): SqlFragment {
  return fragment(`${pathColumn} <@ any(?::ltree[])`, paths);
}

/** SQL: the unit whose ltree is `pathColumn` lies in the subtree rooted at `root`: an ltree value, or SQL yielding one (another row's path). */
export function pathInSubtree(pathColumn: string, root: string | SqlFragment): SqlFragment {
  return typeof root === 'string' ? fragment(`${pathColumn} <@ ?::ltree`, root) : fragment(`${pathColumn} <@ ${root.text}`, ...root.values);
}

/** SQL: the unit code stored in `codeColumn` is `root` or below it (unitWithin, for rows that keep a code, not a path). */
export function codeWithin(codeColumn: string, root: string): SqlFragment {
  return fragment(`(${codeColumn} = ? or ${codeColumn} like ? escape '\\')`, root, `${likeEscape(root)}.%`);
}

/** Throws FORBIDDEN unless the unit is in the viewer's subtree. Decided from the code alone, so it leaks nothing about existence. */
export function assertUnitInScope(viewer: Viewer, unitCode: string): void {
  if (!unitInScope(viewer, unitCode)) throw forbidden(`Unit ${echo(unitCode)} is outside your scope`);
}

/** Throws FORBIDDEN unless the viewer has one of the roles. */
export function assertRole(viewer: Viewer, what: string, ...roles: Role[]): void {
  if (!roles.includes(viewer.role)) throw forbiddenForRole(what, roles, viewer.role);
}
