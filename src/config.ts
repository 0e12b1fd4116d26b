/**
 * Every setting, read once from the environment and validated. The README's configuration
 * table documents each one; keep the two in step.
 */
import { DEFAULT_TIME_ZONE, isTimeZone } from './shared/today';

export type NodeEnv = 'development' | 'production' | 'test';

export interface Config {
  /** HTTP port; 0 picks a free one (tests). */
  port: number;
  /** PostgreSQL connection string; unset means "start the embedded server". */
  databaseUrl: string | undefined;
  /** Streaming replicas of DATABASE_URL that the analytics read from (DATABASE_REPLICA_URLS). */
  databaseReplicaUrls: string[];
  /** Where the embedded server keeps its data. */
  embeddedDataDir: string;
  /** HS256 secret for access tokens (what `npm run token` signs with); unused when `jwks` is set. */
  jwtSecret: string;
  /** Verify tokens against the identity provider's published keys (JWT_JWKS_URL); HS256 is then off. */
  jwks: JwksSettings | undefined;
  nodeEnv: NodeEnv;
  /** Report SQL statements per request in `x-sql-statements`: SQL_STATEMENT_HEADER, else outside production. */
  exposeStatementCount: boolean;
  /** Stack traces in error responses: only when NODE_ENV is explicitly "development". */
  exposeStackTraces: boolean;
  logLevel: string;
  /** Size of the PostgreSQL connection pool. */
  dbPoolSize: number;
  /** Load the demo data when the database is empty. */
  seedDemoData: boolean;
  /** The IANA zone that decides what "today" is (APP_TIME_ZONE): the server's one clock reads it. */
  timeZone: string;
  /** Query limits (OWASP): nesting depth, aliases, objects a query may return, lexical tokens. */
  maxQueryDepth: number;
  maxQueryAliases: number;
  maxQueryCost: number;
  maxQueryTokens: number;
  /** Field selections a query may hold once its fragments are expanded. */
  maxQueryFields: number;
  /** Requests per minute per subject (the token's `sub`; anonymous callers by IP); 0 turns it off. */
  rateLimitPerMinute: number;
  /** Redis shared by every instance for the rate limit; unset keeps the budget in memory. */
  redisUrl: string | undefined;
  /** On SIGTERM/SIGINT, how long requests in flight may run before their connections are cut. */
  shutdownTimeoutMs: number;
  /** Run operations compiled by graphql-jit (COMPILED_EXECUTION, default true); false runs graphql-js's executor. */
  compiledExecution: boolean;
  /**
   * Admission control (src/server/admission.ts): short operations, and the costly analytics in a
   * lane of their own, where each costly operation also has a cap of its own.
   */
  admission: { requests: LaneSettings; analytics: LaneSettings; perAnalyticsOperation: Omit<LaneSettings, 'queueTimeoutMs'> };
}

/** One lane of admission control: how many operations run at once, how many may wait, and for how long. */
export interface LaneSettings {
  maxConcurrent: number;
  maxQueued: number;
  queueTimeoutMs: number;
}

/** Tokens issued by the organisation's identity provider (Keycloak, Azure AD, a government OIDC provider). */
export interface JwksSettings {
  /** Where the provider publishes its signing keys (JSON Web Key Set). */
  url: string;
  /** Accepted `iss` values (one or more). */
  issuers: string[];
  /** Accepted `aud` values: the token must name one of them. */
  audiences: string[];
  /** Asymmetric signature algorithms accepted; never an HMAC one. */
  algorithms: string[];
  /** Claim holding the role, and the unit: a name, or a dotted path into nested claims. */
  roleClaim: string;
  unitClaim: string;
  /** Leeway for `exp` and `nbf` between the provider's clock and ours. */
  clockToleranceSeconds: number;
  /** Least time between two fetches of the key set when a token names an unknown key. */
  jwksCooldownSeconds: number;
  /** How long a fetched key set is used before it is fetched again. */
  jwksCacheMaxAgeSeconds: number;
}

/** Signature algorithms a JWKS may verify: public-key ones only, so no algorithm confusion with HS256. */
export const JWKS_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

/** Settings that mean something only with JWT_JWKS_URL: set without it, they would be silently ignored. */
const JWKS_ONLY_SETTINGS = [
  'JWT_ISSUER', 'JWT_AUDIENCE', 'JWT_ALGORITHMS', 'JWT_ROLE_CLAIM', 'JWT_UNIT_CLAIM',
  'JWT_CLOCK_TOLERANCE_SECONDS', 'JWT_JWKS_COOLDOWN_SECONDS', 'JWT_JWKS_CACHE_MAX_AGE_SECONDS',
];

/** The secret `npm run token` and a development server share; refused in production. */
export const DEVELOPMENT_JWT_SECRET = 'workforce-graph-development-secret-do-not-use-in-production';

export class ConfigError extends Error {}

function intSetting(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function listSetting(env: NodeJS.ProcessEnv, name: string): string[] {
  return (env[name] ?? '').split(',').map((item) => item.trim()).filter(Boolean);
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function jwksSettings(env: NodeJS.ProcessEnv, nodeEnv: NodeEnv): JwksSettings | undefined {
  const raw = env.JWT_JWKS_URL || '';
  if (!raw) {
    const orphan = JWKS_ONLY_SETTINGS.find((name) => env[name]);
    if (orphan) throw new ConfigError(`${orphan} applies only to tokens verified through JWT_JWKS_URL, which is not set`);
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`JWT_JWKS_URL must be an http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigError(`JWT_JWKS_URL must be an http(s) URL, got "${raw}"`);
  // Keys fetched in clear text could be swapped on the way; a sidecar on this host is the exception.
  if (nodeEnv === 'production' && url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
    throw new ConfigError('JWT_JWKS_URL must be https:// in production (http:// only to this host)');
  }
  const issuers = listSetting(env, 'JWT_ISSUER');
  if (!issuers.length) throw new ConfigError('JWT_ISSUER is required with JWT_JWKS_URL: the identity provider\'s issuer, as its tokens\' "iss" says');
  // Without an audience any token the provider issued for another application would be accepted here.
  const audiences = listSetting(env, 'JWT_AUDIENCE');
  if (!audiences.length) throw new ConfigError('JWT_AUDIENCE is required with JWT_JWKS_URL: this service\'s client id or audience, as its tokens\' "aud" says');
  const algorithms = env.JWT_ALGORITHMS ? listSetting(env, 'JWT_ALGORITHMS') : ['RS256', 'ES256'];
  const refused = algorithms.find((alg) => !JWKS_ALGORITHMS.includes(alg));
  if (refused || !algorithms.length) {
    throw new ConfigError(`JWT_ALGORITHMS must list some of ${JWKS_ALGORITHMS.join(', ')}; got "${refused ?? env.JWT_ALGORITHMS}"`);
  }
  const claimName = (name: string, fallback: string) => {
    const value = (env[name] ?? '').trim() || fallback;
    if (value.length > 200 || /\s/.test(value) || value.startsWith('.') || value.endsWith('.')) {
      throw new ConfigError(`${name} must be a claim name or a dotted path such as realm_access.roles, got "${env[name]}"`);
    }
    return value;
  };
  return {
    url: url.href,
    issuers,
    audiences,
    algorithms,
    roleClaim: claimName('JWT_ROLE_CLAIM', 'role'),
    unitClaim: claimName('JWT_UNIT_CLAIM', 'unit'),
    clockToleranceSeconds: intSetting(env, 'JWT_CLOCK_TOLERANCE_SECONDS', 30, 0, 600),
    jwksCooldownSeconds: intSetting(env, 'JWT_JWKS_COOLDOWN_SECONDS', 30, 0, 3600),
    jwksCacheMaxAgeSeconds: intSetting(env, 'JWT_JWKS_CACHE_MAX_AGE_SECONDS', 600, 1, 86_400),
  };
}

function replicaUrls(env: NodeJS.ProcessEnv): string[] {
  const urls = listSetting(env, 'DATABASE_REPLICA_URLS');
  // A replica of the embedded server cannot exist: it has no replication set up.
  if (urls.length && !env.DATABASE_URL) throw new ConfigError('DATABASE_REPLICA_URLS needs DATABASE_URL: replicas are copies of that primary');
  for (const raw of urls) {
    let url: URL | null = null;
    try {
      url = new URL(raw);
    } catch {
      // reported below, without echoing a password
    }
    if (!url || !['postgres:', 'postgresql:'].includes(url.protocol) || !url.hostname) {
      throw new ConfigError(`DATABASE_REPLICA_URLS must list postgres:// URLs separated by commas; entry ${urls.indexOf(raw) + 1} is not one`);
    }
  }
  if (new Set(urls).size !== urls.length) throw new ConfigError('DATABASE_REPLICA_URLS lists the same replica twice');
  return urls;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const nodeEnv = (env.NODE_ENV || 'development') as NodeEnv;
  if (!['development', 'production', 'test'].includes(nodeEnv)) {
    throw new ConfigError(`NODE_ENV must be development, production or test, got "${env.NODE_ENV}"`);
  }
  const jwtSecret = env.JWT_SECRET || '';
  const jwks = jwksSettings(env, nodeEnv);
  if (nodeEnv === 'production' && !jwks && jwtSecret.length < 32) {
    throw new ConfigError('JWT_SECRET is required in production (at least 32 characters), unless JWT_JWKS_URL is set');
  }
  const logLevel = env.LOG_LEVEL || (nodeEnv === 'test' ? 'silent' : 'info');
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent; got "${logLevel}"`);
  }
  const redisUrl = env.REDIS_URL || undefined;
  if (redisUrl && !/^rediss?:\/\/[^\s]+$/.test(redisUrl)) {
    throw new ConfigError('REDIS_URL must be a redis:// or rediss:// URL');
  }
  const timeZone = env.APP_TIME_ZONE || DEFAULT_TIME_ZONE;
  if (!isTimeZone(timeZone)) throw new ConfigError(`APP_TIME_ZONE must be an IANA time zone such as ${DEFAULT_TIME_ZONE}, got "${timeZone}"`);
  const statementHeader = env.SQL_STATEMENT_HEADER;
  if (statementHeader !== undefined && statementHeader !== '' && !['true', 'false'].includes(statementHeader)) {
    throw new ConfigError(`SQL_STATEMENT_HEADER must be true or false, got "${statementHeader}"`);
  }
  const compiled = env.COMPILED_EXECUTION;
  if (compiled !== undefined && compiled !== '' && !['true', 'false'].includes(compiled)) {
    throw new ConfigError(`COMPILED_EXECUTION must be true or false, got "${compiled}"`);
  }
  return {
    port: intSetting(env, 'PORT', 4000, 0, 65535),
    databaseUrl: env.DATABASE_URL || undefined,
    databaseReplicaUrls: replicaUrls(env),
    embeddedDataDir: env.EMBEDDED_PG_DIR || '.data/postgres',
    jwtSecret: jwtSecret || DEVELOPMENT_JWT_SECRET,
    jwks,
    nodeEnv,
    exposeStatementCount: statementHeader ? statementHeader === 'true' : nodeEnv !== 'production',
    exposeStackTraces: env.NODE_ENV === 'development',
    logLevel,
    dbPoolSize: intSetting(env, 'DB_POOL_SIZE', 10, 1, 200),
    seedDemoData: env.SEED_DEMO_DATA !== 'false',
    timeZone,
    maxQueryDepth: intSetting(env, 'MAX_QUERY_DEPTH', 10, 2, 100),
    maxQueryAliases: intSetting(env, 'MAX_QUERY_ALIASES', 30, 0, 10_000),
    maxQueryCost: intSetting(env, 'MAX_QUERY_COST', 500_000, 100, 100_000_000),
    maxQueryTokens: intSetting(env, 'MAX_QUERY_TOKENS', 5_000, 100, 1_000_000),
    maxQueryFields: intSetting(env, 'MAX_QUERY_FIELDS', 5_000, 100, 1_000_000),
    rateLimitPerMinute: intSetting(env, 'RATE_LIMIT_PER_MINUTE', 1200, 0, 1_000_000),
    redisUrl,
    shutdownTimeoutMs: intSetting(env, 'SHUTDOWN_TIMEOUT_MS', 10_000, 0, 600_000),
    compiledExecution: compiled !== 'false',
    admission: {
      requests: {
        maxConcurrent: intSetting(env, 'MAX_CONCURRENT_REQUESTS', 20, 1, 10_000),
        maxQueued: intSetting(env, 'MAX_QUEUED_REQUESTS', 100, 0, 100_000),
        queueTimeoutMs: intSetting(env, 'QUEUE_TIMEOUT_MS', 5_000, 1, 600_000),
      },
      // Fewer than the pool's connections (DB_POOL_SIZE, 10), so short requests always find some.
      // The costly analytics are most of the database's work in a national mix (about 70 % at
      // full scale): with 4 slots they got too little of the CPU, and their queue, not the
      // machine, set the pace (docs/performance.md, 2026-12-03 evening).
      analytics: {
        maxConcurrent: intSetting(env, 'MAX_CONCURRENT_ANALYTICS', 8, 1, 1_000),
        maxQueued: intSetting(env, 'MAX_QUEUED_ANALYTICS', 64, 0, 100_000),
        queueTimeoutMs: intSetting(env, 'ANALYTICS_QUEUE_TIMEOUT_MS', 15_000, 1, 600_000),
      },
      // One costly operation alone holds at most half the analytics slots. Its own queue waits
      // outside the lane's (a waiter enters the lane only once it holds its operation's slot),
      // so it may be as long as the lane's without crowding the others out of it.
      perAnalyticsOperation: {
        maxConcurrent: intSetting(env, 'MAX_CONCURRENT_PER_ANALYTICS_OPERATION', 4, 1, 1_000),
        maxQueued: intSetting(env, 'MAX_QUEUED_PER_ANALYTICS_OPERATION', 64, 0, 100_000),
      },
    },
  };
}
