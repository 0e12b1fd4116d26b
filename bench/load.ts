import autocannon from 'autocannon';
import { Pool } from 'pg';

/** Throughput and latency of one side of a case, measured with the same client settings. */
export interface LoadFigures {
  rps: number;
  p50_ms: number;
  p95_ms: number;
  requests: number;
  errors: number;
  /** Every answered request's latency, for combining runs (not written to the results). */
  latencies?: number[];
}

export interface ClientSettings {
  /** Concurrent connections (clients), each with one request in flight. */
  connections: number;
  /** Seconds of measurement, after a separate warm-up. */
  seconds: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round(sorted[index] * 10) / 10;
}

function figures(latencies: number[], errors: number, seconds: number): LoadFigures {
  latencies.sort((a, b) => a - b);
  return {
    latencies,
    rps: Math.round((latencies.length / seconds) * 100) / 100,
    p50_ms: percentile(latencies, 50),
    p95_ms: percentile(latencies, 95),
    requests: latencies.length + errors,
    errors,
  };
}

/**
 * POSTs one GraphQL body with autocannon over keep-alive HTTP for `seconds`, `connections` at a
 * time. Latencies are autocannon's own per-response times (it reports no p95 itself); a
 * non-2xx answer, a timeout or a socket error counts as an error. `check` looks at the first
 * answer's body, so a case that answers errors fails the bench instead of timing them.
 */
export async function loadHttp(url: string, headers: Record<string, string>, body: string, settings: ClientSettings): Promise<LoadFigures> {
  const latencies: number[] = [];
  let errors = 0;
  let instance: ReturnType<typeof autocannon.track> | undefined;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      {
        url,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
        connections: settings.connections,
        duration: settings.seconds,
        timeout: 300,
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    ) as unknown as ReturnType<typeof autocannon.track>;
  });
  const tracker = instance as unknown as NodeJS.EventEmitter;
  tracker.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    else errors++;
  });
  tracker.on('reqError', () => errors++);
  const result = await done;
  errors = Math.max(errors, result.errors + result.timeouts + result.non2xx);
  return figures(latencies, errors, settings.seconds);
}

/**
 * Runs one SQL statement in a loop from `connections` clients of their own for `seconds`: the
 * floor's side of a case, with the same concurrency and duration as the HTTP side.
 */
export async function loadSql(databaseUrl: string, sql: string, params: unknown[], settings: ClientSettings): Promise<LoadFigures> {
  const pool = new Pool({ connectionString: databaseUrl, max: settings.connections });
  const latencies: number[] = [];
  let errors = 0;
  try {
    const until = performance.now() + settings.seconds * 1000;
    await Promise.all(
      Array.from({ length: settings.connections }, async () => {
        const client = await pool.connect();
        try {
          while (performance.now() < until) {
            const started = performance.now();
            try {
              await client.query(sql, params);
              latencies.push(performance.now() - started);
            } catch {
              errors++;
            }
          }
        } finally {
          client.release();
        }
      }),
    );
  } finally {
    await pool.end();
  }
  return figures(latencies, errors, settings.seconds);
}

/** Two or more runs of the same side taken as one: their latencies pooled over their total time. */
export function combined(runs: readonly LoadFigures[], seconds: number): LoadFigures {
  const latencies = runs.flatMap((r) => r.latencies ?? []);
  return figures(latencies, runs.reduce((sum, r) => sum + r.errors, 0), seconds);
}
