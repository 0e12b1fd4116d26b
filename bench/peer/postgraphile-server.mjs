// PostGraphile v5 beside our server, for the benchmark's nested-list comparison (bench/peer.ts).
// Plain ESM run directly by a Node 24 binary (PostGraphile 5.1 needs Node >= 22); the packages
// come from the repo's node_modules. Env: DATABASE_URL, PORT (0 = any free port), POOL_SIZE.
// Prints one JSON line {"ready":true,"url":…,"pid":…} on stdout once it listens; exits on SIGTERM.
import { createServer } from 'node:http';
import pg from 'pg';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';

function intEnv(name, fallback, min, max) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('DATABASE_URL is required');
const port = intEnv('PORT', 0, 0, 65535);
const poolSize = intEnv('POOL_SIZE', 10, 1, 200);
const host = '127.0.0.1';

const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
pool.on('error', (error) => console.error('idle pg client error:', error.message));

/** @type {GraphileConfig.Preset} */
const preset = {
  extends: [PostGraphileAmberPreset],
  // Amber hides condition/orderBy on unindexed columns (PgIndexBehaviorsPlugin); our schema has no
  // index on org_unit.kind / valid_to or assignment.end_date, which the nested-list query filters
  // on. PostGraphile's own V4 preset drops this plugin by default (ignoreIndexes); so do we.
  disablePlugins: ['PgIndexBehaviorsPlugin'],
  pgServices: [makePgService({ pool, schemas: ['public'], pubsub: false })],
  grafserv: { port, host, graphqlPath: '/graphql', graphiql: false, graphiqlOnGraphQLGET: false, watch: false, websockets: false },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
// Build the schema (introspection) before announcing readiness.
await pgl.getSchema();
const serv = pgl.createServ(grafserv);
const server = createServer();
server.keepAliveTimeout = 65_000;
await serv.addTo(server, false);
await new Promise((resolve, reject) => {
  server.once('error', reject);
  server.listen({ port, host }, () => {
    server.removeListener('error', reject);
    resolve();
  });
});
const address = server.address();
const url = `http://${host}:${typeof address === 'object' && address ? address.port : port}/graphql`;
process.stdout.write(`${JSON.stringify({ ready: true, url, pid: process.pid, node: process.version, poolSize })}\n`);

let stopping = false;
async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  try {
    await new Promise((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections?.();
    });
    await serv.release?.();
    await pgl.release();
    await pool.end();
    process.exit(0);
  } catch (error) {
    console.error(`shutdown after ${signal} failed:`, error);
    process.exit(1);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
