import { forbidden, forbiddenForRole } from '../graphql/errors';
import { Role } from '../graphql/enums';
import { unitInScope, Viewer } from './viewer';
import { echo } from '../shared/echo';

/** Throws FORBIDDEN unless the unit is in the viewer's subtree. Decided from the code alone, so it leaks nothing about existence. */
export function assertUnitInScope(viewer: Viewer, unitCode: string): void {
  if (!unitInScope(viewer, unitCode)) throw forbidden(`Unit ${echo(unitCode)} is outside your scope`);
}

/** Throws FORBIDDEN unless the viewer has one of the roles. */
export function assertRole(viewer: Viewer, what: string, ...roles: Role[]): void {
  if (!roles.includes(viewer.role)) throw forbiddenForRole(what, roles, viewer.role);
}
