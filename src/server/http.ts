import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { HeaderMap } from '@apollo/server';
import type { ApolloServer } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import type { Orm } from '../db/orm';
import { sqlRunnerFor } from '../db/sql-runner';
import { countStatementsIn, StatementTally } from '../db/statement-counter';
import type { Authenticator } from '../auth/authenticate';
import type { Logger } from '../logger';
import { createRequestContext, RequestContext } from './context';

export const MAX_BODY_BYTES = 1_000_000;

export interface HttpDeps {
  apollo: ApolloServer<RequestContext>;
  orm: Orm;
  authenticator: Authenticator;
  logger: Logger;
  /** Report SQL statements per request in `x-sql-statements` (off in production). */
  exposeStatementCount: boolean;
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

async function databaseReachable(orm: Orm): Promise<boolean> {
  try {
    await Promise.race([
      orm.em.fork().execute('select 1'),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000)),
    ]);
    return true;
  } catch {
    return false;
  }
}

async function handleGraphQL(deps: HttpDeps, req: IncomingMessage, res: ServerResponse, url: URL, requestId: string): Promise<void> {
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
  const response = await countStatementsIn(tally, () =>
    deps.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: async () => {
        const viewer = await deps.authenticator.viewerFrom(req.headers.authorization, sqlRunnerFor(em));
        return createRequestContext({ viewer, em, logger: deps.logger, statements: tally, requestId });
      },
    }),
  );
  const outHeaders: Record<string, string> = { 'x-request-id': requestId };
  for (const [key, value] of response.headers) outHeaders[key] = value;
  if (deps.exposeStatementCount) outHeaders['x-sql-statements'] = String(tally.count);
  const status = response.status ?? 200;
  let text: string;
  if (response.body.kind === 'complete') {
    text = response.body.string;
  } else {
    const parts: string[] = [];
    for await (const chunk of response.body.asyncIterator) parts.push(chunk);
    text = parts.join('');
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
        const ok = await databaseReachable(deps.orm);
        return sendJson(res, ok ? 200 : 503, { status: ok ? 'ready' : 'database unreachable' });
      }
      if (url.pathname === '/graphql' && (req.method === 'POST' || req.method === 'GET')) {
        return handleGraphQL(deps, req, res, url, requestId);
      }
      if (url.pathname === '/graphql') return sendJson(res, 405, { errors: [{ message: 'Use GET or POST', extensions: { code: 'BAD_REQUEST' } }] }, { allow: 'GET, POST' });
      return sendJson(res, 404, { error: 'Not found' });
    };
    route().catch((error: unknown) => {
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
