/**
 * Every setting, read once from the environment and validated. The README's configuration
 * table documents each one; keep the two in step.
 */
export type NodeEnv = 'development' | 'production' | 'test';

export interface Config {
  /** HTTP port; 0 picks a free one (tests). */
  port: number;
  /** PostgreSQL connection string; unset means "start the embedded server". */
  databaseUrl: string | undefined;
  /** Where the embedded server keeps its data. */
  embeddedDataDir: string;
  /** HS256 secret for access tokens. */
  jwtSecret: string;
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
  /** Query limits (OWASP): nesting depth, aliases, objects a query may return, lexical tokens. */
  maxQueryDepth: number;
  maxQueryAliases: number;
  maxQueryCost: number;
  maxQueryTokens: number;
  /** Requests per minute per subject (the token's `sub`; anonymous callers by IP); 0 turns it off. */
  rateLimitPerMinute: number;
  /** Redis shared by every instance for the rate limit; unset keeps the budget in memory. */
  redisUrl: string | undefined;
  /** On SIGTERM/SIGINT, how long requests in flight may run before their connections are cut. */
  shutdownTimeoutMs: number;
  /** Run operations compiled by graphql-jit (COMPILED_EXECUTION, default true); false runs graphql-js's executor. */
  compiledExecution: boolean;
}

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

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const nodeEnv = (env.NODE_ENV || 'development') as NodeEnv;
  if (!['development', 'production', 'test'].includes(nodeEnv)) {
    throw new ConfigError(`NODE_ENV must be development, production or test, got "${env.NODE_ENV}"`);
  }
  const jwtSecret = env.JWT_SECRET || '';
  if (nodeEnv === 'production' && jwtSecret.length < 32) {
    throw new ConfigError('JWT_SECRET is required in production and must be at least 32 characters');
  }
  const logLevel = env.LOG_LEVEL || (nodeEnv === 'test' ? 'silent' : 'info');
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent; got "${logLevel}"`);
  }
  const redisUrl = env.REDIS_URL || undefined;
  if (redisUrl && !/^rediss?:\/\/[^\s]+$/.test(redisUrl)) {
    throw new ConfigError('REDIS_URL must be a redis:// or rediss:// URL');
  }
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
    embeddedDataDir: env.EMBEDDED_PG_DIR || '.data/postgres',
    jwtSecret: jwtSecret || DEVELOPMENT_JWT_SECRET,
    nodeEnv,
    exposeStatementCount: statementHeader ? statementHeader === 'true' : nodeEnv !== 'production',
    exposeStackTraces: env.NODE_ENV === 'development',
    logLevel,
    dbPoolSize: intSetting(env, 'DB_POOL_SIZE', 10, 1, 200),
    seedDemoData: env.SEED_DEMO_DATA !== 'false',
    maxQueryDepth: intSetting(env, 'MAX_QUERY_DEPTH', 10, 2, 100),
    maxQueryAliases: intSetting(env, 'MAX_QUERY_ALIASES', 30, 0, 10_000),
    maxQueryCost: intSetting(env, 'MAX_QUERY_COST', 500_000, 100, 100_000_000),
    maxQueryTokens: intSetting(env, 'MAX_QUERY_TOKENS', 5_000, 100, 1_000_000),
    rateLimitPerMinute: intSetting(env, 'RATE_LIMIT_PER_MINUTE', 1200, 0, 1_000_000),
    redisUrl,
    shutdownTimeoutMs: intSetting(env, 'SHUTDOWN_TIMEOUT_MS', 10_000, 0, 600_000),
    compiledExecution: compiled !== 'false',
  };
}
