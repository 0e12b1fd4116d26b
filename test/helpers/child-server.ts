import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const TS_REGISTER = path.join(ROOT, 'test', 'helpers', 'ts-register.js');
const MAIN = path.join(ROOT, 'src', 'main.ts');

export interface ChildServer {
  url: string;
  port: number;
  pid: number;
  process: ChildProcess;
  /** Every log line so far, parsed (pino JSON). */
  logs: Array<Record<string, any>>;
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM, then SIGKILL if it is still there after `graceMs`. */
  stop(graceMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * The real `src/main.ts` in a child process (compiled on the fly by ts-register.js), the way an
 * operator runs it: configured by environment only. Resolves once it logs that it is ready.
 * `entry` runs another build of it instead (`[dist/src/main.js]`).
 */
export async function startChildServer(env: Record<string, string>, readyTimeoutMs = 60_000, entry: string[] = [TS_REGISTER, MAIN]): Promise<ChildServer> {
  const child = spawn(process.execPath, entry, {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_ENV: 'test',
      PORT: '0',
      LOG_LEVEL: 'info',
      SEED_DEMO_DATA: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Array<Record<string, any>> = [];
  const raw: string[] = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  let buffered = '';
  let onReady: ((url: string) => void) | null = null;
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      raw.push(line);
      try {
        const entry = JSON.parse(line) as Record<string, any>;
        logs.push(entry);
        if (entry.msg === 'workforce-graph is ready' && onReady) onReady(String(entry.url));
      } catch {
        // not a log line
      }
    }
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => raw.push(chunk));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start in ${readyTimeoutMs} ms:\n${raw.join('\n')}`));
    }, readyTimeoutMs);
    onReady = (found) => {
      clearTimeout(timer);
      resolve(found);
    };
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code ?? signal}) before it was ready:\n${raw.join('\n')}`));
    });
  });
  return {
    url,
    port: Number(new URL(url).port),
    pid: child.pid!,
    process: child,
    logs,
    exited,
    async stop(graceMs = 15_000) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        const result = await exited;
        clearTimeout(timer);
        return result;
      }
      return exited;
    },
  };
}
