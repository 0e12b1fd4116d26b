import { GraphQLError } from 'graphql';
import { cappedMessage } from '../shared/echo';

/** The error codes of the contract, in `extensions.code`. */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'QUERY_TOO_COMPLEX'
  | 'RATE_LIMITED'
  | 'INTERNAL_SERVER_ERROR';

export function graphQLError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(cappedMessage(message), { extensions: { ...extensions, code } });
}

export const unauthenticated = (message = 'A valid bearer token is required') => graphQLError('UNAUTHENTICATED', message, { http: { status: 401 } });
/**
 * Why a FORBIDDEN was answered, in `extensions.reason`: the caller's role may not do it at all
 * (ROLE, with `extensions.allowedRoles`), or the object lies outside the caller's subtree (SCOPE).
 * A client tells the two apart without reading the message.
 */
export type ForbiddenReason = 'ROLE' | 'SCOPE';

export const forbidden = (message = 'Outside your unit\'s subtree', reason: ForbiddenReason = 'SCOPE') =>
  graphQLError('FORBIDDEN', message, { reason });

/** Roles read best with ADMIN last: "savePolicyScenario needs POLICYMAKER or ADMIN". */
function rolesInWords(roles: readonly string[]): string {
  const ordered = [...roles.filter((r) => r !== 'ADMIN'), ...roles.filter((r) => r === 'ADMIN')];
  return ordered.length < 2 ? ordered.join('') : `${ordered.slice(0, -1).join(', ')} or ${ordered[ordered.length - 1]}`;
}

/** FORBIDDEN because of the role: names what was asked, the roles that may, and the caller's. */
export const forbiddenForRole = (what: string, allowed: readonly string[], role: string) =>
  allowed.length
    ? graphQLError('FORBIDDEN', `${what} needs ${rolesInWords(allowed)}; your token's role is ${role}`, { reason: 'ROLE', allowedRoles: [...allowed] })
    : graphQLError('FORBIDDEN', `${what} is open to no role`, { reason: 'ROLE', allowedRoles: [] });
export const badUserInput = (message: string, field?: string) => graphQLError('BAD_USER_INPUT', message, field ? { field } : {});
export const notFound = (message: string) => graphQLError('NOT_FOUND', message);
