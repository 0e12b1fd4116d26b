import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { freePort } from '../../src/db/embedded-postgres';

export interface PgBouncer {
  /** `databaseUrl` with its host and port replaced by PgBouncer's. */
  urlFor(databaseUrl: string): string;
  /** The admin console (SHOW STATS …). */
  adminUrl: string;
  stop(): Promise<void>;
}

function which(command: string): string | null {
  for (const dir of [...(process.env.PATH ?? '').split(':'), '/usr/sbin', '/usr/local/sbin']) {
    const candidate = path.join(dir, command);
    if (dir && existsSync(candidate)) return candidate;
  }
  return null;
}

/**
 * Starts Debian's pgbouncer in transaction mode in front of the PostgreSQL of `databaseUrl`, on
 * a free port of 127.0.0.1, from an ini written to a temporary folder. PgBouncer refuses to run
 * as root, so under root it runs as the `postgres` user (which embedded-postgres creates).
 * Resolves with why it cannot run when it cannot.
 */
export async function startPgBouncer(databaseUrl: string): Promise<PgBouncer | { skipped: string }> {
  const binary = which('pgbouncer');
  if (!binary) return { skipped: 'pgbouncer is not installed (apt-get install pgbouncer)' };
  let owner: { uid: number; gid: number } | undefined;
  if (userInfo().uid === 0) {
    try {
      owner = { uid: Number(execFileSync('id', ['-u', 'postgres']).toString()), gid: Number(execFileSync('id', ['-g', 'postgres']).toString()) };
    } catch {
      return { skipped: 'running as root, and there is no postgres user to run pgbouncer as' };
    }
  }
  const target = new URL(databaseUrl);
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'wf-pgbouncer-'));
  chmodSync(dir, 0o755);
  const user = decodeURIComponent(target.username);
  const password = decodeURIComponent(target.password);
  const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;
  writeFileSync(path.join(dir, 'userlist.txt'), `${quote(user)} ${quote(password)}\n`, { mode: 0o600 });
  writeFileSync(
    path.join(dir, 'pgbouncer.ini'),
    [
      '[databases]',
      `* = host=${target.hostname} port=${target.port}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = plain',
      `auth_file = ${path.join(dir, 'userlist.txt')}`,
      'pool_mode = transaction',
      'max_client_conn = 500',
      'default_pool_size = 10',
      `admin_users = ${user}`,
      `logfile = ${path.join(dir, 'pgbouncer.log')}`,
      `pidfile = ${path.join(dir, 'pgbouncer.pid')}`,
      '',
    ].join('\n'),
  );
  if (owner) for (const file of ['', 'userlist.txt', 'pgbouncer.ini']) chownSync(path.join(dir, file), owner.uid, owner.gid);
  const child: ChildProcess = spawn(binary, [path.join(dir, 'pgbouncer.ini')], { stdio: ['ignore', 'ignore', 'pipe'], ...(owner ?? {}) });
  const output: string[] = [];
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => output.push(chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const urlFor = (url: string) => {
    const through = new URL(url);
    through.hostname = '127.0.0.1';
    through.port = String(port);
    return through.toString();
  };
  const adminUrl = urlFor(new URL('/pgbouncer', databaseUrl).toString());
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGINT');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // Ready once it answers a query through to PostgreSQL.
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`pgbouncer exited with ${child.exitCode}: ${output.join('')}`);
    }
    const probe = new Client({ connectionString: urlFor(databaseUrl) });
    probe.on('error', () => undefined);
    try {
      await probe.connect();
      await probe.query('select 1');
      await probe.end();
      break;
    } catch (error) {
      await probe.end().catch(() => undefined);
      if (attempt >= 200) {
        await stop();
        throw new Error(`pgbouncer did not answer: ${String(error)} ${output.join('')}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return { urlFor, adminUrl, stop };
}
