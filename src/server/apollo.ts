import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import type { Config } from '../config';
import { buildAppSchema } from '../graphql/schema';
import type { Logger } from '../logger';
import type { RequestContext } from './context';
import { queryLimitsPlugin } from './query-limits';

const PUBLIC_CODES = new Set([
  'UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'QUERY_TOO_COMPLEX', 'RATE_LIMITED',
  'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE', 'BAD_REQUEST',
]);

/**
 * One place that decides what an error looks like to a client: known codes pass with their
 * message; a literal a scalar refused is BAD_USER_INPUT; anything else is logged and answered
 * as INTERNAL_SERVER_ERROR with no details. Stack traces only in development.
 */
export function formatError(logger: Logger, exposeStackTraces: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    let code = formatted.extensions?.code as string | undefined;
    const original = unwrapResolverError(error) as { extensions?: { code?: string }; originalError?: { extensions?: { code?: string } } } | undefined;
    // A literal that a scalar refused surfaces as a validation error wrapping the scalar's own.
    if (code === 'GRAPHQL_VALIDATION_FAILED' && (original?.originalError?.extensions?.code === 'BAD_USER_INPUT' || /^Expected value of type/.test(formatted.message))) {
      code = 'BAD_USER_INPUT';
    }
    // The parser's token limit surfaces as a syntax error; it is a complexity refusal.
    if (code === 'GRAPHQL_PARSE_FAILED' && /Document contains more th\w+ \d+ tokens/.test(formatted.message)) code = 'QUERY_TOO_COMPLEX';
    if (code && PUBLIC_CODES.has(code)) {
      const { stacktrace, ...rest } = (formatted.extensions ?? {}) as Record<string, unknown>;
      return { ...formatted, extensions: { ...rest, code, ...(exposeStackTraces && stacktrace ? { stacktrace } : {}) } };
    }
    logger.error({ err: original ?? error, path: formatted.path }, 'unexpected error');
    return {
      message: 'Internal server error',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'INTERNAL_SERVER_ERROR', ...(exposeStackTraces ? { detail: formatted.message } : {}) },
    };
  };
}

export function createApollo(config: Config, logger: Logger): ApolloServer<RequestContext> {
  return new ApolloServer<RequestContext>({
    schema: buildAppSchema(logger),
    formatError: formatError(logger, config.exposeStackTraces),
    includeStacktraceInErrorResponses: config.exposeStackTraces,
    introspection: true,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // main.ts owns shutdown: it drains HTTP first, then stops Apollo and the database in order.
    stopOnTerminationSignals: false,
    parseOptions: { maxTokens: config.maxQueryTokens },
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      queryLimitsPlugin({ maxDepth: config.maxQueryDepth, maxAliases: config.maxQueryAliases, maxCost: config.maxQueryCost, maxTokens: config.maxQueryTokens }),
    ],
  });
}
