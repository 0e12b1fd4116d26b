import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import type { Config } from '../config';
import { buildAppSchema } from '../app/schema';
import type { Logger } from '../logger';
import { readFromPrimary, RequestContext } from '../edge/context';
import { domainErrorResponse } from '../edge/errors';
import { compiledExecution } from './compiled-execution';
import { currentRequestId } from './http';
import { inputHygienePlugin } from './input-hygiene';
import { cappedMessage } from '../shared/echo';
import { operationGatePlugin, queryLimitsFrom } from './query-limits';
import { Admission, admissionPlugin, overloaded } from './admission';
import type { ConnectionHealth } from '../db/connection-health';

const PUBLIC_CODES = new Set([
  'UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'QUERY_TOO_COMPLEX', 'RATE_LIMITED',
  'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE', 'BAD_REQUEST', 'OVERLOADED',
  // Raised as such only by the authenticator (identity provider unreachable); database outages are recognised below.
  'SERVICE_UNAVAILABLE',
]);

/** PostgreSQL SQLSTATEs and socket errors that mean "the database cannot be reached right now". */
const UNAVAILABLE_CODES = new Set([
  '08000', '08001', '08003', '08004', '08006', '08007', // connection exceptions
  '57P01', '57P02', '57P03', // admin shutdown, crash shutdown, cannot connect now (starting/stopping)
  '53300', // too many connections
  'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN',
]);
// "Transaction query already complete": knex hands MikroORM a transaction whose BEGIN failed (a
// pooled connection the server had just dropped), and its first statement fails with this.
const UNAVAILABLE_MESSAGES = /Connection terminated|Client has encountered a connection error|connect ECONNREFUSED|Connection ended unexpectedly|the database system is (starting up|shutting down|in recovery mode)|Transaction query already complete/i;

type Cause = { code?: unknown; message?: unknown; originalError?: unknown; previous?: unknown; cause?: unknown; name?: unknown };

/** Whether an error or any error it wraps (GraphQL's originalError, MikroORM's `previous`, a `cause`) passes `test`. */
function someCause(error: unknown, test: (cause: Cause) => boolean): boolean {
  const seen = new Set<unknown>();
  let current = error as Cause | undefined;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    if (test(current)) return true;
    current = (current.originalError ?? current.previous ?? current.cause) as Cause | undefined;
  }
  return false;
}

/** knex gave up waiting for a pooled connection (see ConnectionHealth for its two causes). */
export function isPoolTimeout(error: unknown): boolean {
  return someCause(error, (c) => c.name === 'KnexTimeoutError' || (typeof c.message === 'string' && /Timeout acquiring a connection/.test(c.message)));
}

/**
 * Whether an error says the database is out of reach — the one place that maps pg, knex and
 * MikroORM connection failures to SERVICE_UNAVAILABLE. A pool timeout counts only while
 * connections cannot be opened (`cannotConnect`): otherwise the database is up and busy, which
 * is OVERLOADED.
 */
export function isDatabaseUnavailable(error: unknown, cannotConnect: () => boolean = () => false): boolean {
  if (someCause(error, (c) =>
    (typeof c.code === 'string' && UNAVAILABLE_CODES.has(c.code)) ||
    c.name === 'ConnectionException' ||
    (typeof c.message === 'string' && UNAVAILABLE_MESSAGES.test(c.message)))) return true;
  return isPoolTimeout(error) && cannotConnect();
}

/**
 * One place that decides what an error looks like to a client: a service's domain error is
 * answered as src/edge/errors.ts maps it; known codes pass with their message; a literal a
 * scalar refused is BAD_USER_INPUT; anything else is logged and answered as
 * INTERNAL_SERVER_ERROR with no details — the log line carries the request id (`x-request-id`)
 * that the client also receives. When the database is out of reach the answer is
 * SERVICE_UNAVAILABLE, and when it is up but no pooled connection came free in time, OVERLOADED
 * (http.ts turns both into HTTP 503 with Retry-After). Stack traces only in development.
 */
export function formatError(logger: Logger, exposeStackTraces: boolean, health?: ConnectionHealth) {
  const cannotConnect = () => health?.cannotConnect() ?? false;
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error) as { extensions?: { code?: string }; originalError?: { extensions?: { code?: string } } } | undefined;
    // A domain error a service threw (or a permission rule returned): its code, as edge/errors.ts maps it.
    const domain = domainErrorResponse(original);
    if (domain) formatted = { ...formatted, message: domain.message, extensions: { ...domain.extensions, ...(formatted.extensions?.stacktrace ? { stacktrace: formatted.extensions.stacktrace } : {}) } };
    let code = formatted.extensions?.code as string | undefined;
    // A literal that a scalar refused surfaces as a validation error wrapping the scalar's own.
    if (code === 'GRAPHQL_VALIDATION_FAILED' && (original?.originalError?.extensions?.code === 'BAD_USER_INPUT' || /^Expected value of type/.test(formatted.message))) {
      code = 'BAD_USER_INPUT';
    }
    // graphql-js gives up on a request's variables after 50 coercion errors with an error of no code.
    if (!code || code === 'INTERNAL_SERVER_ERROR') {
      if (/^Too many errors processing variables/.test(formatted.message)) code = 'BAD_USER_INPUT';
    }
    // The parser's token limit surfaces as a syntax error; it is a complexity refusal.
    if (code === 'GRAPHQL_PARSE_FAILED' && /Document contains more th\w+ \d+ tokens/.test(formatted.message)) code = 'QUERY_TOO_COMPLEX';
    if (code && PUBLIC_CODES.has(code)) {
      // A request that names no runnable operation is the client's mistake, worth a line, not an alarm.
      if (code === 'OPERATION_RESOLUTION_FAILURE' || code === 'BAD_REQUEST') logger.info({ code, message: cappedMessage(formatted.message), requestId: currentRequestId() }, 'request refused');
      const { stacktrace, ...rest } = (formatted.extensions ?? {}) as Record<string, unknown>;
      // graphql-js quotes a refused variable's value whole: the backstop keeps replies short.
      return { ...formatted, message: cappedMessage(formatted.message), extensions: { ...rest, code, ...(exposeStackTraces && stacktrace ? { stacktrace } : {}) } };
    }
    const requestId = currentRequestId();
    if (isDatabaseUnavailable(error, cannotConnect)) {
      logger.warn({ err: original ?? error, path: formatted.path, requestId }, 'database unavailable');
      return {
        message: 'The service is temporarily unavailable (its database cannot be reached); try again shortly',
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      };
    }
    if (isPoolTimeout(error)) {
      logger.warn({ path: formatted.path, requestId }, 'no pooled database connection came free in time');
      const shed = overloaded('requests', 'no database connection free');
      return { message: shed.message, path: formatted.path, locations: formatted.locations, extensions: shed.extensions };
    }
    logger.error({ err: original ?? error, path: formatted.path, requestId }, 'unexpected error');
    return {
      message: 'Internal server error',
      path: formatted.path,
      locations: formatted.locations,
      extensions: {
        code: 'INTERNAL_SERVER_ERROR',
        ...(exposeStackTraces ? { detail: formatted.message, stacktrace: formatted.extensions?.stacktrace } : {}),
      },
    };
  };
}

/** A mutation's reads, analytics included, must see its writes: the primary serves them all. */
function primaryForMutationsPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (operation?.operation === 'mutation') readFromPrimary(contextValue);
        },
      };
    },
  };
}

/** Operations compiled once; each holds generated code, so the number kept is bounded. */
const MAX_COMPILED_OPERATIONS = 1_000;

export function createApollo(
  config: Config,
  logger: Logger,
  schema: GraphQLSchema = buildAppSchema(logger),
  load: { admission?: Admission; health?: ConnectionHealth } = {},
): ApolloServer<RequestContext> {
  return new ApolloServer<RequestContext>({
    ...(config.compiledExecution ? { gateway: compiledExecution(schema, { maxCompiledOperations: MAX_COMPILED_OPERATIONS }) } : { schema }),
    formatError: formatError(logger, config.exposeStackTraces, load.health),
    includeStacktraceInErrorResponses: config.exposeStackTraces,
    // Open to every caller Apollo sees: without a token that is only outside production
    // (http.ts answers 401 there before parsing), and only introspection (operationGatePlugin).
    introspection: true,
    // "Did you mean …" names fields and types; in production only token holders may learn them,
    // and they can introspect.
    hideSchemaDetailsFromClientErrors: config.nodeEnv === 'production',
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // main.ts owns shutdown: it drains HTTP first, then stops Apollo and the database in order.
    stopOnTerminationSignals: false,
    parseOptions: { maxTokens: config.maxQueryTokens },
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // No field carries a cache hint; the default cache-control plugin would still wrap every
      // resolver to watch for one (a quarter of the time of a 50,000-row list).
      ApolloServerPluginCacheControlDisabled(),
      operationGatePlugin(queryLimitsFrom(config)),
      inputHygienePlugin(),
      ...(load.admission ? [admissionPlugin(load.admission)] : []),
      primaryForMutationsPlugin(),
    ],
  });
}
