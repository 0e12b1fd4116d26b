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
export const forbidden = (message = 'Not allowed for your role or outside your unit\'s subtree') => graphQLError('FORBIDDEN', message);
export const badUserInput = (message: string, field?: string) => graphQLError('BAD_USER_INPUT', message, field ? { field } : {});
export const notFound = (message: string) => graphQLError('NOT_FOUND', message);
