import { cappedMessage } from './echo';

/*
 * The one error vocabulary of the services, in the contract's codes. Services throw these and
 * never a GraphQLError; src/edge/errors.ts is the one mapping to what a client sees.
 *
 * Two kinds, as the contract has them:
 * - a Refusal refuses the field outright and is answered as a GraphQL error: FORBIDDEN (the role
 *   may not, or the object lies outside the caller's subtree), BAD_USER_INPUT on an argument,
 *   NOT_FOUND for what a query names;
 * - a DomainError is an expected business failure: in a mutation it rolls the transaction back
 *   and becomes the payload's userErrors; outside one, the query's BAD_USER_INPUT (or NOT_FOUND).
 */

/**
 * Why a FORBIDDEN was answered, in `extensions.reason`: the caller's role may not do it at all
 * (ROLE, with `extensions.allowedRoles`), or the object lies outside the caller's subtree (SCOPE).
 * A client tells the two apart without reading the message.
 */
export type ForbiddenReason = 'ROLE' | 'SCOPE';

export type RefusalCode = 'FORBIDDEN' | 'BAD_USER_INPUT' | 'NOT_FOUND';

export interface RefusalDetail {
  reason?: ForbiddenReason;
  allowedRoles?: string[];
  /** The argument at fault, for BAD_USER_INPUT. */
  field?: string;
}

/** The field is refused outright: a GraphQL error with this code (and detail) in its extensions. */
export class Refusal extends Error {
  constructor(
    readonly code: RefusalCode,
    message: string,
    readonly detail: RefusalDetail = {},
  ) {
    super(cappedMessage(message));
  }
}

export const forbidden = (message = 'Outside your unit\'s subtree', reason: ForbiddenReason = 'SCOPE') => new Refusal('FORBIDDEN', message, { reason });

/** Roles read best with ADMIN last: "savePolicyScenario needs POLICYMAKER or ADMIN". */
function rolesInWords(roles: readonly string[]): string {
  const ordered = [...roles.filter((r) => r !== 'ADMIN'), ...roles.filter((r) => r === 'ADMIN')];
  return ordered.length < 2 ? ordered.join('') : `${ordered.slice(0, -1).join(', ')} or ${ordered[ordered.length - 1]}`;
}

/** FORBIDDEN because of the role: names what was asked, the roles that may, and the caller's. */
export const forbiddenForRole = (what: string, allowed: readonly string[], role: string) =>
  allowed.length
    ? new Refusal('FORBIDDEN', `${what} needs ${rolesInWords(allowed)}; your token's role is ${role}`, { reason: 'ROLE', allowedRoles: [...allowed] })
    : new Refusal('FORBIDDEN', `${what} is open to no role`, { reason: 'ROLE', allowedRoles: [] });

export const badUserInput = (message: string, field?: string) => new Refusal('BAD_USER_INPUT', message, field ? { field } : {});
export const notFound = (message: string) => new Refusal('NOT_FOUND', message);

/** Business-failure codes a payload's userErrors carry. */
export type UserErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'QUOTA_EXCEEDED' | 'CONFLICT' | 'INVALID_STATE';

/** An expected business failure; `field` is the path to the input field at fault. */
export class DomainError extends Error {
  constructor(
    readonly code: UserErrorCode,
    message: string,
    readonly field: string[] | null = null,
  ) {
    super(cappedMessage(message));
  }
}

/** Several input problems found at once (validation reports them all, not only the first). */
export class DomainErrors extends Error {
  constructor(readonly errors: DomainError[]) {
    super(errors.map((e) => e.message).join('; '));
  }
}

export const inputField = (...path: string[]) => ['input', ...path];

/** The business failures an error carries, or null when it is none. */
export function domainErrorsOf(error: unknown): DomainError[] | null {
  if (error instanceof DomainErrors) return error.errors;
  if (error instanceof DomainError) return [error];
  return null;
}
