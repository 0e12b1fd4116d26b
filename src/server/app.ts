import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import { Authenticator } from '../auth/authenticate';
import type { Config } from '../config';
import type { Orm } from '../db/orm';
import type { Logger } from '../logger';
import { createApollo } from './apollo';
import type { RequestContext } from './context';
import { createHttpServer } from './http';

export interface RunningApp {
  url: string;
  port: number;
  server: Server;
  apollo: ApolloServer<RequestContext>;
  /** Stops accepting connections, lets requests in flight finish (up to `drainMs`), then stops Apollo. */
  stop(drainMs?: number): Promise<void>;
}

/** Starts the HTTP server and Apollo on an open database. */
export async function startApp(config: Config, orm: Orm, logger: Logger): Promise<RunningApp> {
  const apollo = createApollo(config, logger);
  await apollo.start();
  const server = createHttpServer({
    apollo,
    orm,
    authenticator: new Authenticator(config.jwtSecret),
    logger,
    exposeStatementCount: config.nodeEnv !== 'production',
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, resolve);
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://localhost:${port}/graphql`,
    port,
    server,
    apollo,
    async stop(drainMs = 10_000) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          server.closeAllConnections();
          resolve();
        }, drainMs);
        timer.unref();
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
        server.closeIdleConnections();
      });
      await apollo.stop();
    },
  };
}
