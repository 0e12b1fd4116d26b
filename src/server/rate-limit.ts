import type { IncomingMessage } from 'node:http';
import { performance } from 'node:perf_hooks';
import Redis from 'ioredis';
import type { TokenVerifier } from '../auth/token';
import type { Logger } from '../logger';

/**
 * Rate limiting per subject (OWASP GraphQL Cheat Sheet: "limit the rate of requests"). Each
 * subject — the verified token's `sub`, or the client's IP address for callers without a valid
 * token — may send `limit` requests in a window of one minute. The window is fixed and starts at
 * the subject's first request; over budget, the caller is told how many seconds remain in it.
 * (A fixed window lets a caller spend at most twice the budget across a window boundary; that is
 * the usual trade for O(1) state and a single atomic Redis call.)
 */
export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Whole seconds until the window resets (at least 1). */
  retryAfterSeconds: number;
}

export interface RateLimiter {
  hit(key: string): Promise<RateDecision>;
  close(): Promise<void>;
}

export const RATE_WINDOW_MS = 60_000;

function decision(limit: number, count: number, msLeft: number): RateDecision {
  return {
    allowed: count <= limit,
    limit,
    remaining: Math.max(limit - count, 0),
    retryAfterSeconds: Math.max(Math.ceil(msLeft / 1000), 1),
  };
}

/**
 * One process's budgets, in memory. Every window has the same length and a subject's entry is
 * re-inserted when its window restarts, so the Map's insertion order is also expiry order:
 * expired entries are swept from the front as they age (amortised O(1) per request), and when
 * more than `maxKeys` subjects are live at once the oldest window is dropped first. Memory is
 * bounded by `maxKeys`; a subject dropped that way simply starts a fresh window.
 */
export class MemoryRateLimiter implements RateLimiter {
  private readonly entries = new Map<string, { count: number; resetAt: number }>();
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly maxKeys: number;
  private readonly now: () => number;

  constructor(options: { limit: number; windowMs?: number; maxKeys?: number; now?: () => number }) {
    this.limit = options.limit;
    this.windowMs = options.windowMs ?? RATE_WINDOW_MS;
    this.maxKeys = options.maxKeys ?? 100_000;
    this.now = options.now ?? (() => performance.now());
  }

  /** Live subjects held (for tests and metrics). */
  get size(): number {
    return this.entries.size;
  }

  async hit(key: string): Promise<RateDecision> {
    return this.hitSync(key);
  }

  hitSync(key: string): RateDecision {
    const now = this.now();
    for (const [oldKey, oldEntry] of this.entries) {
      if (oldEntry.resetAt > now) break;
      this.entries.delete(oldKey);
    }
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { count: 0, resetAt: now + this.windowMs };
      this.entries.set(key, entry);
      if (this.entries.size > this.maxKeys) this.entries.delete(this.entries.keys().next().value as string);
    }
    entry.count += 1;
    return decision(this.limit, entry.count, entry.resetAt - now);
  }

  async close(): Promise<void> {
    this.entries.clear();
  }
}

/**
 * INCR and, on a key's first hit, PEXPIRE — atomically, in one round trip — and the time left.
 * The window is Redis's own TTL, so instances with skewed clocks still share one window.
 */
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
`;

type RedisWithHit = Redis & { rateLimitHit(key: string, windowMs: number): Promise<[number, number]> };

/**
 * Budgets shared by every instance through Redis, so two API processes behind a load balancer
 * give a subject one budget, not two.
 *
 * FAILS OPEN: when Redis is unreachable, slow (over `timeoutMs`) or answers an error, the request
 * is allowed and a warning is logged (at most every 30 s). Rate limiting protects the API; an
 * outage of the limiter's store must not take the API down with it. Commands are never queued
 * while disconnected (they fail at once), and ioredis keeps reconnecting in the background.
 */
export class RedisRateLimiter implements RateLimiter {
  private readonly redis: RedisWithHit;
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly prefix: string;
  private readonly logger: Logger;
  private lastWarning = 0;
  private degraded = false;

  constructor(options: { url: string; limit: number; logger: Logger; windowMs?: number; prefix?: string; timeoutMs?: number }) {
    this.limit = options.limit;
    this.windowMs = options.windowMs ?? RATE_WINDOW_MS;
    this.prefix = options.prefix ?? 'workforce-graph:rate:';
    this.logger = options.logger;
    const timeoutMs = options.timeoutMs ?? 250;
    this.redis = new Redis(options.url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: timeoutMs,
      connectTimeout: 2_000,
      retryStrategy: (attempt) => Math.min(attempt * 200, 5_000),
      lazyConnect: false,
    }) as RedisWithHit;
    this.redis.defineCommand('rateLimitHit', { numberOfKeys: 1, lua: HIT_SCRIPT });
    // Without a listener ioredis prints every connection error to stderr.
    this.redis.on('error', (error: Error) => this.warn(error));
    this.redis.on('ready', () => {
      if (this.degraded) this.logger.info('rate limiting through Redis again');
      this.degraded = false;
    });
  }

  private warn(error: unknown): void {
    this.degraded = true;
    const now = Date.now();
    if (now - this.lastWarning < 30_000) return;
    this.lastWarning = now;
    this.logger.warn({ err: error instanceof Error ? { message: error.message } : String(error) }, 'rate limit store (Redis) unavailable: requests are allowed without a limit until it returns');
  }

  async hit(key: string): Promise<RateDecision> {
    try {
      const [count, ttl] = await this.redis.rateLimitHit(this.prefix + key, this.windowMs);
      return decision(this.limit, Number(count), Number(ttl));
    } catch (error) {
      this.warn(error);
      return { allowed: true, limit: this.limit, remaining: this.limit, retryAfterSeconds: 1 };
    }
  }

  async close(): Promise<void> {
    if (this.redis.status === 'ready') await this.redis.quit().catch(() => undefined);
    // Also stops a client that is still trying to (re)connect.
    this.redis.disconnect();
  }
}

/** The limiter the configuration asks for; null when RATE_LIMIT_PER_MINUTE is 0. */
export function createRateLimiter(options: { perMinute: number; redisUrl?: string; logger: Logger }): RateLimiter | null {
  if (options.perMinute <= 0) return null;
  if (options.redisUrl) return new RedisRateLimiter({ url: options.redisUrl, limit: options.perMinute, logger: options.logger });
  return new MemoryRateLimiter({ limit: options.perMinute });
}

/**
 * Whose budget a request spends: `sub:<subject>` for a token whose signature verifies (its role
 * and unit are checked later, as usual), `ip:<address>` for everyone else — so a caller cannot
 * pick a fresh budget by inventing subjects in unsigned tokens. The address is the socket's peer:
 * behind a proxy, anonymous callers share the proxy's budget.
 */
export function rateLimitKeyFor(verifyToken: TokenVerifier): (req: IncomingMessage) => Promise<string> {
  return async (req) => {
    const header = req.headers.authorization;
    const match = header ? /^Bearer\s+([A-Za-z0-9._~+/=-]+)\s*$/i.exec(header) : null;
    if (match) {
      try {
        return `sub:${(await verifyToken(match[1])).subject}`;
      } catch {
        // not a valid token: counted against the address
      }
    }
    return `ip:${req.socket.remoteAddress ?? 'unknown'}`;
  };
}
