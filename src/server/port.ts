import { createServer } from 'node:net';

/** The port asked for is taken: said before anything else starts, with how to choose another. */
export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(`port ${port} is in use (another workforce-graph, or another program, listens there); choose another with PORT, e.g. PORT=${port === 65535 ? 4001 : port + 1} npm start`);
  }
}

/**
 * Resolves when `port` can be listened on, as the HTTP server will (every address), so a taken
 * port is reported before an embedded database is created or loaded, not after a minute of it.
 * Port 0 (any free port) is always free. The HTTP server still reports EADDRINUSE itself, should
 * another program take the port in between.
 */
export async function assertPortFree(port: number): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' ? new PortInUseError(port) : error));
    probe.listen(port, () => probe.close(() => resolve()));
  });
}
