import { DomainError, domainErrorsOf, Refusal } from '../shared/domain-error';
import { UserError } from '../graphql/user-error';

/*
 * The one mapping from the services' error vocabulary (src/shared/domain-error.ts) to what a
 * client sees. The mutation runner (mutation.ts) answers business failures as userErrors;
 * Apollo's formatError (src/server/apollo.ts) answers everything else that reached it through
 * `domainErrorResponse`.
 */

/** A business failure as an entry of a payload's userErrors. */
export function userErrorOf(error: DomainError): UserError {
  return Object.assign(new UserError(), { code: error.code, message: error.message, field: error.field });
}

export interface DomainErrorResponse {
  message: string;
  extensions: Record<string, unknown> & { code: string };
}

/**
 * A domain error that left a resolver, as its GraphQL error: a Refusal with its code and detail
 * (`reason`, `allowedRoles`, `field`); business failures outside a mutation, which has no
 * userErrors, as the query's NOT_FOUND or BAD_USER_INPUT (the first failure's code and field,
 * every failure's message). Null for any other error.
 */
export function domainErrorResponse(error: unknown): DomainErrorResponse | null {
  if (error instanceof Refusal) return { message: error.message, extensions: { ...error.detail, code: error.code } };
  const failures = domainErrorsOf(error);
  if (!failures?.length) return null;
  const [first] = failures;
  return {
    message: (error as Error).message,
    extensions: { ...(first.field ? { field: first.field.join('.') } : {}), code: first.code === 'NOT_FOUND' ? 'NOT_FOUND' : 'BAD_USER_INPUT' },
  };
}
