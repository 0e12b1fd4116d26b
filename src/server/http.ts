import { serveExplorerAsset, serveExplorerPage, wantsExplorer } from './explorer';
import { serveDashboardAsset, serveDashboardPage } from './dashboard';
import { serveLandingPage, serveReadme } from './landing';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { HeaderMap } from '@apollo/server';
import type { ApolloServer } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { Client } from 'pg';
import type { Orm } from '../db/orm';
import { sqlRunnerFor } from '../db/sql-runner';
import { countStatementsIn, StatementTally } from '../db/statement-counter';
import type { ReadReplicas } from '../db/read-replicas';
import type { Authenticator } from '../auth/authenticate';
import type { Logger } from '../logger';
import { createRequestContext, RequestContext } from '../edge/context';
import type { RateLimiter } from './rate-limit';
import type { RequestGate } from './query-limits';
import type { Viewer } from '../auth/viewer';
import { type Admission, OVERLOADED_RETRY_AFTER_SECONDS } from './admission';
import type { Clock } from '../shared/today';

export const MAX_BODY_BYTES = 1_000_000;

export interface HttpDeps {
  apollo: ApolloServer<RequestContext>;
  orm: Orm;
  authenticator: Authenticator;
  logger: Logger;
  /** Report SQL statements per request in `x-sql-statements` (off in production). */
  exposeStatementCount: boolean;
  /**
   * Outside production a caller without a token may introspect (the explorer's schema). In
   * production such a caller is refused before its document is even parsed.
   */
  anonymousMayIntrospect: boolean;
  /** Who asks and how big the document is, checked before Apollo validates it. */
  gate: RequestGate;
  /** Budgets per subject for /graphql; null or absent: no rate limit. */
  rateLimiter?: RateLimiter | null;
  /** Whose budget a request spends (see rateLimitKeyFor). */
  rateLimitKey?: (req: IncomingMessage) => Promise<string>;
  /** Requests being handled, whether or not their client still waits (see RequestsInFlight). */
  inFlight?: RequestsInFlight;
  /** Admission control, whose state /readyz reports. */
  admission?: Admission;
  /** The read replicas the analytics use (DATABASE_REPLICA_URLS); absent: none. */
  replicas?: ReadReplicas;
  /** What day it is (the zone config.ts reads), for every request's services. */
  clock: Clock;
}

/**
 * Counts the requests whose handlers still run. A client that gives up closes its connection,
 * but its query goes on; shutdown waits for these too before it closes the database under them.
 */
export class RequestsInFlight {
  private count = 0;
  private waiters: Array<() => void> = [];

  async track<T>(work: () => Promise<T>): Promise<T> {
    this.count++;
    try {
      return await work();
    } finally {
      if (--this.count === 0) for (const wake of this.waiters.splice(0)) wake();
    }
  }

  /** Resolves when no request runs, or after `ms` (false then). */
  settled(ms: number): Promise<boolean> {
    if (this.count === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), ms);
      timer.unref();
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}

/** Seconds a client is asked to wait before retrying while the database is unavailable. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

const requestScope = new AsyncLocalStorage<{ requestId: string }>();

/** The id of the request being served (the `x-request-id` it came with, or a fresh one); for logs. */
export function currentRequestId(): string | undefined {
  return requestScope.getStore()?.requestId;
}

class BodyTooLargeError extends Error {}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) {
      reject(new BodyTooLargeError());
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLargeError());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

function graphQLErrorBody(error: GraphQLError) {
  return { errors: [{ message: error.message, extensions: error.extensions }] };
}

/**
 * Opens a connection of its own rather than borrowing one from the pool: when every pooled
 * connection is busy the database is still up, and a saturated pool must not read as an outage.
 */
async function databaseReachable(orm: Orm): Promise<boolean> {
  const client = new Client({ connectionString: orm.config.get('clientUrl'), connectionTimeoutMillis: 2000, query_timeout: 2000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Answers 429 when the caller's budget is spent; true when the request may go on.
 * /healthz and /readyz never come here: probes are never limited.
 */
async function withinRateLimit(deps: HttpDeps, req: IncomingMessage, res: ServerResponse, requestId: string): Promise<boolean> {
  if (!deps.rateLimiter || !deps.rateLimitKey) return true;
  const decision = await deps.rateLimiter.hit(await deps.rateLimitKey(req));
  res.setHeader('ratelimit-limit', String(decision.limit));
  res.setHeader('ratelimit-remaining', String(decision.remaining));
  if (decision.allowed) return true;
  const retryAfterSeconds = decision.retryAfterSeconds;
  sendJson(
    res,
    429,
    {
      errors: [{
        message: `Too many requests: at most ${decision.limit} a minute. Try again in ${retryAfterSeconds} s.`,
        extensions: { code: 'RATE_LIMITED', retryAfterSeconds },
      }],
    },
    { 'retry-after': String(retryAfterSeconds), 'ratelimit-reset': String(retryAfterSeconds), 'x-request-id': requestId },
  );
  return false;
}

/** True when a GraphQL response body carries an error with the given code. */
function hasErrorCode(text: string, code: string): boolean {
  // Apollo writes `errors` first (orderExecutionResultFields): an answer without errors is
  // known from its first bytes, not by scanning megabytes of data.
  if (!text.startsWith('{"errors":') || !text.includes(`"${code}"`)) return false;
  try {
    const body = JSON.parse(text) as { errors?: Array<{ extensions?: { code?: unknown } }> };
    return Array.isArray(body.errors) && body.errors.some((e) => e?.extensions?.code === code);
  } catch {
    return false;
  }
}

/** A GET request's operation, as Apollo reads it from the query string. */
function queryOfSearch(url: URL): { query?: unknown; variables?: unknown } {
  const variables = url.searchParams.get('variables');
  let parsed: unknown;
  try {
    parsed = variables ? JSON.parse(variables) : undefined;
  } catch {
    parsed = undefined; // Apollo answers a malformed variables parameter itself.
  }
  return { query: url.searchParams.get('query') ?? undefined, variables: parsed };
}

/** The gate's refusal of a request's document, or null when it may go on to Apollo. */
function gateRefusal(gate: RequestGate, body: unknown, callerHasToken: boolean): GraphQLError | null {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
  const { query, variables } = body as { query?: unknown; variables?: unknown };
  try {
    gate.check(query, variables, callerHasToken);
    return null;
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
}

async function handleGraphQL(deps: HttpDeps, req: IncomingMessage, res: ServerResponse, url: URL, requestId: string): Promise<void> {
  if (!req.headers.authorization && !deps.anonymousMayIntrospect) {
    req.resume();
    sendJson(res, 401, { errors: [{ message: 'A valid bearer token is required', extensions: { code: 'UNAUTHENTICATED' } }] }, { 'x-request-id': requestId });
    return;
  }
  let body: unknown = undefined;
  if (req.method === 'POST') {
    const text = await readBody(req);
    const type = String(req.headers['content-type'] ?? '');
    if (type.includes('application/json')) {
      try {
        body = text ? JSON.parse(text) : {};
      } catch {
        sendJson(res, 400, { errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
        return;
      }
    } else {
      body = text;
    }
  }
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const tally: StatementTally = { count: 0 };
  const em = deps.orm.em.fork();
  // Authenticate first: the gate's checks cost more than parsing, and a token failure is
  // Apollo's to word (the context function rethrows it), as before.
  let viewer: Viewer | null = null;
  let authenticationFailure: unknown = null;
  try {
    viewer = await countStatementsIn(tally, () => deps.authenticator.viewerFrom(req.headers.authorization, sqlRunnerFor(em)));
  } catch (error) {
    authenticationFailure = error;
  }
  if (!authenticationFailure) {
    const refusal = gateRefusal(deps.gate, req.method === 'POST' ? body : queryOfSearch(url), viewer !== null);
    if (refusal) {
      const { http, ...extensions } = refusal.extensions as { http?: { status?: number } };
      sendJson(res, http?.status ?? 400, { errors: [{ message: refusal.message, extensions }] }, {
        'x-request-id': requestId,
        ...(deps.exposeStatementCount ? { 'x-sql-statements': String(tally.count) } : {}),
      });
      return;
    }
  }
  const response = await countStatementsIn(tally, () =>
    deps.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: async () => {
        if (authenticationFailure) throw authenticationFailure;
        return createRequestContext({ viewer, em, logger: deps.logger, statements: tally, requestId, replicas: deps.replicas, clock: deps.clock });
      },
    }),
  );
  const outHeaders: Record<string, string> = { 'x-request-id': requestId };
  for (const [key, value] of response.headers) outHeaders[key] = value;
  if (deps.exposeStatementCount) outHeaders['x-sql-statements'] = String(tally.count);
  let status = response.status ?? 200;
  let text: string;
  if (response.body.kind === 'complete') {
    text = response.body.string;
  } else {
    const parts: string[] = [];
    for await (const chunk of response.body.asyncIterator) parts.push(chunk);
    text = parts.join('');
  }
  // The database being out is the one failure a client should retry, and say so: formatError
  // (apollo.ts) gives it the code SERVICE_UNAVAILABLE, here it becomes HTTP 503 + Retry-After.
  if (hasErrorCode(text, 'SERVICE_UNAVAILABLE')) {
    status = 503;
    outHeaders['retry-after'] = String(UNAVAILABLE_RETRY_AFTER_SECONDS);
  } else if (hasErrorCode(text, 'OVERLOADED')) {
    // Shed by admission control, or no pooled connection came free: the database is up.
    status = 503;
    outHeaders['retry-after'] = String(OVERLOADED_RETRY_AFTER_SECONDS);
  }
  res.writeHead(status, outHeaders);
  res.end(text);
}

export function createHttpServer(deps: HttpDeps): Server {
  return createServer((req, res) => {
    const requestId = String(req.headers['x-request-id'] ?? '').slice(0, 64) || randomUUID();
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = async () => {
      if (url.pathname === '/healthz' && req.method === 'GET') return sendJson(res, 200, { status: 'ok' });
      if (url.pathname === '/readyz' && req.method === 'GET') {
        // Busy is still ready: taking a saturated instance out of rotation would pile its load
        // onto the others; admission control sheds the excess per request instead.
        const ok = await databaseReachable(deps.orm);
        return sendJson(res, ok ? 200 : 503, { status: ok ? 'ready' : 'database unreachable', ...deps.admission?.state() });
      }
      if (url.pathname === '/graphql' && wantsExplorer(req, url)) return serveExplorerPage(res);
      if (url.pathname.startsWith('/explorer/') && req.method === 'GET' && serveExplorerAsset(res, url.pathname)) return;
      if ((url.pathname === '/dashboard' || url.pathname === '/dashboard/') && req.method === 'GET') return serveDashboardPage(res);
      if (url.pathname.startsWith('/dashboard/') && req.method === 'GET' && serveDashboardAsset(res, url.pathname)) return;
      if (url.pathname === '/favicon.ico') return void res.writeHead(204).end();
      if (url.pathname === '/' && req.method === 'GET') return serveLandingPage(res);
      if (url.pathname === '/README.md' && req.method === 'GET' && serveReadme(res)) return;
      if (url.pathname === '/graphql' && (req.method === 'POST' || req.method === 'GET')) {
        if (!(await withinRateLimit(deps, req, res, requestId))) return;
        return handleGraphQL(deps, req, res, url, requestId);
      }
      if (url.pathname === '/graphql') return sendJson(res, 405, { errors: [{ message: 'Use GET or POST', extensions: { code: 'BAD_REQUEST' } }] }, { allow: 'GET, POST' });
      return sendJson(res, 404, { error: 'Not found' });
    };
    const handled = deps.inFlight ? () => deps.inFlight!.track(route) : route;
    requestScope.run({ requestId }, handled).catch((error: unknown) => {
      if (error instanceof BodyTooLargeError) {
        if (!res.headersSent) sendJson(res, 413, { errors: [{ message: `The request body exceeds ${MAX_BODY_BYTES} bytes`, extensions: { code: 'BAD_REQUEST' } }] }, { connection: 'close' });
        return;
      }
      if ((error as GraphQLError)?.extensions?.code === 'UNAUTHENTICATED') {
        if (!res.headersSent) sendJson(res, 401, graphQLErrorBody(error as GraphQLError));
        return;
      }
      deps.logger.error({ err: error, requestId }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      else res.destroy();
    });
  });
}
