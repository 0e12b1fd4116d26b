import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../src/config';
import { freePort } from '../src/db/embedded-postgres';
import { Role } from '../src/graphql/enums';
import type { Logger } from '../src/logger';
import { MemoryRateLimiter, RedisRateLimiter } from '../src/server/rate-limit';
import type { TestServer } from './helpers/harness';
import { startConfiguredServer } from './helpers/test-database';

/** A logger that remembers its warnings. */
function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  const logger = {
    warnings,
    warn: (_obj: unknown, msg?: string) => warnings.push(String(msg ?? _obj)),
    info: () => undefined,
    error: () => undefined,
    debug: () => undefined,
  };
  return logger as unknown as Logger & { warnings: string[] };
}

const ME = '{ me { subject } }';

describe('rate limit settings', () => {
  it('defaults to 1200 a minute, 0 turns it off, anything else is refused', () => {
    expect(loadConfig({}).rateLimitPerMinute).toBe(1200);
    expect(loadConfig({ RATE_LIMIT_PER_MINUTE: '0' }).rateLimitPerMinute).toBe(0);
    expect(() => loadConfig({ RATE_LIMIT_PER_MINUTE: '-1' })).toThrow(/RATE_LIMIT_PER_MINUTE/);
    expect(() => loadConfig({ RATE_LIMIT_PER_MINUTE: 'lots' })).toThrow(/RATE_LIMIT_PER_MINUTE/);
    expect(loadConfig({}).redisUrl).toBeUndefined();
    expect(() => loadConfig({ REDIS_URL: 'localhost:6379' })).toThrow(/REDIS_URL/);
  });
});

describe('in-memory limiter', () => {
  it('allows the budget in a window, then refuses with the seconds left, and starts afresh after it', () => {
    let now = 0;
    const limiter = new MemoryRateLimiter({ limit: 3, windowMs: 60_000, now: () => now });
    expect([1, 2, 3].map(() => limiter.hitSync('sub:a').allowed)).toEqual([true, true, true]);
    now = 20_000;
    const refused = limiter.hitSync('sub:a');
    expect(refused).toMatchObject({ allowed: false, remaining: 0, retryAfterSeconds: 40 });
    expect(limiter.hitSync('sub:b').allowed).toBe(true);
    now = 60_000;
    expect(limiter.hitSync('sub:a')).toMatchObject({ allowed: true, remaining: 2 });
  });

  it('keeps memory bounded: expired subjects are swept, and the oldest go first past maxKeys', () => {
    let now = 0;
    const limiter = new MemoryRateLimiter({ limit: 1, windowMs: 1_000, maxKeys: 100, now: () => now });
    for (let i = 0; i < 1_000; i++) limiter.hitSync(`ip:${i}`);
    expect(limiter.size).toBe(100);
    expect(limiter.hitSync('ip:999').allowed).toBe(false); // the newest are kept
    now = 5_000;
    limiter.hitSync('ip:new');
    expect(limiter.size).toBe(1);
  });
});

describe('rate limit over HTTP', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startConfiguredServer({ RATE_LIMIT_PER_MINUTE: '5' });
  });
  afterAll(() => server.close());

  it('answers 429 with Retry-After and RATE_LIMITED once a subject has spent its budget', async () => {
    const token = await server.token(Role.ADMIN, null, { sub: 'budget-spender' });
    for (let i = 0; i < 5; i++) {
      const ok = await server.gql(ME, {}, token);
      expect(ok.status).toBe(200);
      expect(ok.headers.get('ratelimit-remaining')).toBe(String(4 - i));
    }
    const refused = await server.gql(ME, {}, token);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.errors).toEqual([
      { message: expect.stringContaining('Too many requests'), extensions: { code: 'RATE_LIMITED', retryAfterSeconds: retryAfter } },
    ]);
    expect(refused.data).toBeUndefined();
    expect(refused.headers.get('x-request-id')).toBeTruthy();
  });

  it('gives separate subjects separate budgets, whatever their role', async () => {
    const first = await server.token(Role.HR_OFFICER, 'NOWHERE', { sub: 'officer-1' });
    const second = await server.token(Role.ADMIN, null, { sub: 'officer-2' });
    for (let i = 0; i < 5; i++) await server.gql(ME, {}, first);
    expect((await server.gql(ME, {}, first)).status).toBe(429);
    expect((await server.gql(ME, {}, second)).status).toBe(200);
    // The same subject with another token shares the budget.
    const firstAgain = await server.token(Role.ADMIN, null, { sub: 'officer-1' });
    expect((await server.gql(ME, {}, firstAgain)).status).toBe(429);
  });

  it('counts callers without a valid token by address, so forged subjects buy no budget', async () => {
    const forged = (sub: string) => `${Buffer.from('{"alg":"HS256"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub, role: 'ADMIN' })).toString('base64url')}.c2lnbmF0dXJl`;
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await server.gql(ME, {}, null)).status);
    for (let i = 0; i < 3; i++) statuses.push((await server.gql(ME, {}, forged(`made-up-${i}`))).status);
    expect(statuses.slice(0, 5).every((s) => s !== 429)).toBe(true);
    expect(statuses[5]).toBe(429);
  });

  it('never limits /healthz and /readyz', async () => {
    const base = server.url.replace(/\/graphql$/, '');
    for (let i = 0; i < 12; i++) {
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
    }
  });
});

describe('rate limit off', () => {
  it('is not applied when RATE_LIMIT_PER_MINUTE is 0', async () => {
    const server = await startConfiguredServer({ RATE_LIMIT_PER_MINUTE: '0' });
    try {
      expect(server.app.rateLimiter).toBeNull();
      const token = await server.token(Role.ADMIN);
      const statuses = await Promise.all(Array.from({ length: 60 }, () => server.gql(ME, {}, token).then((r) => r.status)));
      expect(new Set(statuses)).toEqual(new Set([200]));
    } finally {
      await server.close();
    }
  });
});

describe('rate limit through Redis', () => {
  it('fails open, with a warning, when Redis cannot be reached', async () => {
    const logger = recordingLogger();
    const limiter = new RedisRateLimiter({ url: `redis://127.0.0.1:${await freePort()}`, limit: 1, logger });
    try {
      const decisions = await Promise.all([limiter.hit('sub:x'), limiter.hit('sub:x'), limiter.hit('sub:x')]);
      expect(decisions.every((d) => d.allowed)).toBe(true);
      expect(logger.warnings.join('\n')).toMatch(/Redis\) unavailable: requests are allowed/);
    } finally {
      await limiter.close();
    }
  });

  const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
  const redisReachable = reachableSync(redisUrl);
  if (!redisReachable) {
    console.warn(`SKIPPED: the shared-budget tests need a Redis at ${redisUrl} (set REDIS_URL); none is reachable.`);
  }
  const withRedis = redisReachable ? it : it.skip;

  withRedis('shares one budget between two limiter instances (needs a Redis; skipped with a warning without one)', async () => {
    const prefix = `workforce-graph-test:${randomBytes(6).toString('hex')}:`;
    const logger = recordingLogger();
    const one = new RedisRateLimiter({ url: redisUrl, limit: 10, logger, prefix });
    const two = new RedisRateLimiter({ url: redisUrl, limit: 10, logger, prefix });
    try {
      // Wait for both connections: hits before then fail open.
      await Promise.all([one, two].map((l) => new Promise<void>((resolve) => {
        const redis = (l as unknown as { redis: { status: string; once(e: string, f: () => void): void } }).redis;
        if (redis.status === 'ready') resolve();
        else redis.once('ready', () => resolve());
      })));
      const decisions = await Promise.all(Array.from({ length: 16 }, (_, i) => (i % 2 ? one : two).hit('sub:shared')));
      expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
      const refused = decisions.find((d) => !d.allowed)!;
      expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(59);
      expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
      expect((await one.hit('sub:someone-else')).allowed).toBe(true);
      expect(logger.warnings).toEqual([]);
    } finally {
      await one.close();
      await two.close();
    }
  });

  withRedis('gives a subject one budget across two servers (needs a Redis; skipped with a warning without one)', async () => {
    const env = { RATE_LIMIT_PER_MINUTE: '4', REDIS_URL: redisUrl };
    const first = await startConfiguredServer(env);
    const second = await startConfiguredServer(env, first.database);
    try {
      const token = await first.token(Role.ADMIN, null, { sub: `two-servers-${randomBytes(6).toString('hex')}` });
      await new Promise((r) => setTimeout(r, 300)); // both Redis connections up
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await (i % 2 ? first : second).gql(ME, {}, token)).status);
      expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    } finally {
      await second.close();
      await first.close();
    }
  });
});

/** Whether something accepts TCP connections at a redis:// URL, decided before tests are defined. */
function reachableSync(url: string): boolean {
  const { hostname, port } = new URL(url);
  const probe = `const s=require('net').connect(${Number(port || 6379)},${JSON.stringify(hostname)});s.setTimeout(800);s.on('connect',()=>process.exit(0));s.on('timeout',()=>process.exit(1));s.on('error',()=>process.exit(1));`;
  return spawnSync(process.execPath, ['-e', probe], { timeout: 3_000 }).status === 0;
}
