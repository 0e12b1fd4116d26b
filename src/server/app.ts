import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import { Authenticator } from '../auth/authenticate';
import { tokenVerifierFor } from '../auth/token';
import type { Config } from '../config';
import type { Orm } from '../db/orm';
import type { Logger } from '../logger';
import { createApollo } from './apollo';
import type { RequestContext } from '../edge/context';
import { createHttpServer, RequestsInFlight } from './http';
import { createRateLimiter, rateLimitKeyFor, RateLimiter } from './rate-limit';
import { buildAppSchema } from '../app/schema';
import { queryLimitsFrom, RequestGate } from './query-limits';
import { Admission } from './admission';
import { connectionHealthOf } from '../db/connection-health';
import { ReadReplicas } from '../db/read-replicas';
import { clockIn } from '../shared/today';

export interface RunningApp {
  url: string;
  port: number;
  server: Server;
  apollo: ApolloServer<RequestContext>;
  rateLimiter: RateLimiter | null;
  /**
   * Stops accepting connections, lets requests in flight finish (up to `drainMs`, default the
   * SHUTDOWN_TIMEOUT_MS setting), then stops Apollo. Resolves with how many connections had to
   * be cut when the drain timed out (0 for a clean drain).
   */
  stop(drainMs?: number): Promise<number>;
}

/** Starts the HTTP server and Apollo on an open database. */
export async function startApp(config: Config, orm: Orm, logger: Logger): Promise<RunningApp> {
  const schema = buildAppSchema(logger);
  const clock = clockIn(config.timeZone);
  const admission = new Admission(config.admission, clock);
  const apollo = createApollo(config, logger, schema, { admission, health: connectionHealthOf(orm) });
  await apollo.start();
  const rateLimiter = createRateLimiter({ perMinute: config.rateLimitPerMinute, redisUrl: config.redisUrl, logger });
  const inFlight = new RequestsInFlight();
  const verifyToken = tokenVerifierFor(config, logger);
  const server = createHttpServer({
    apollo,
    orm,
    authenticator: new Authenticator(verifyToken),
    logger,
    exposeStatementCount: config.exposeStatementCount,
    anonymousMayIntrospect: config.nodeEnv !== 'production',
    gate: new RequestGate(schema, queryLimitsFrom(config)),
    rateLimiter,
    rateLimitKey: rateLimitKeyFor(verifyToken),
    inFlight,
    admission,
    replicas: new ReadReplicas(orm, logger),
    clock,
  });
  server.keepAliveTimeout = 5_000;
  // While draining, every response closes its connection, so keep-alive clients move elsewhere.
  let draining = false;
  server.prependListener('request', (_req, res) => {
    if (draining && !res.headersSent) res.setHeader('connection', 'close');
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, resolve);
    });
  } catch (error) {
    await apollo.stop();
    await rateLimiter?.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://localhost:${port}/graphql`,
    port,
    server,
    apollo,
    rateLimiter,
    async stop(drainMs = config.shutdownTimeoutMs) {
      draining = true;
      let cut = 0;
      await new Promise<void>((resolve) => {
        // Connections that finish their last response become idle: close them as they do.
        const sweeper = setInterval(() => server.closeIdleConnections(), 50);
        const timer = setTimeout(() => {
          server.getConnections((_error, count) => {
            cut = count;
            server.closeAllConnections();
          });
        }, drainMs);
        sweeper.unref();
        timer.unref();
        server.close(() => {
          clearInterval(sweeper);
          clearTimeout(timer);
          resolve();
        });
        server.closeIdleConnections();
      });
      if (cut > 0) logger.warn({ cut, drainMs }, 'drain timed out: connections with requests in flight were cut');
      // Requests whose clients left still run: let them finish before the database goes.
      if (!(await inFlight.settled(Math.max(drainMs, 1_000)))) logger.warn({ drainMs }, 'requests whose clients had left were still running at shutdown');
      await apollo.stop();
      await rateLimiter?.close();
      return cut;
    },
  };
}
