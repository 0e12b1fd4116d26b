import { GraphQLError } from 'graphql';
import { cappedMessage } from '../shared/echo';

/*
 * GraphQL errors raised by the layers around the services: authentication, limits, the server.
 * Services throw domain errors (src/shared/domain-error.ts) instead; src/edge/errors.ts maps them.
 */

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
