/**
 * `npm run bench [-- --quick]`: builds its own database, loads synthetic data of the service's
 * scale set-based inside PostgreSQL, starts the real server, warms up, and times each case
 * over HTTP with a real token. Prints a table and writes bench/results/latest.json.
 *
 * Cases (full scale; --quick divides the data by 10):
 *   placement-plan   placementPlan over 1,000 open vacancies × 5,000 candidates with live applications
 *   match-candidates matchCandidates over 100,000 candidates (and internal staff)
 *   simulate-policy  simulatePolicy over 100,000 IT vacancies, and its 11-point policyCurve
 *   staffing-gap     staffingGap with children over a region of 1,000 wards
 *   reorganize-units reorganizeUnits of a ward of 2,000 people (1,000 positions), once per ward (same at both scales)
 */
import 'reflect-metadata';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus, totalmem } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { signToken } from '../src/auth/token';
import { loadConfig } from '../src/config';
import { ensureDatabase } from '../src/db/database';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres';
import { createOrm, migrate } from '../src/db/orm';
import { sqlRunnerFor } from '../src/db/sql-runner';
import { Role } from '../src/graphql/enums';
import { toGlobalId } from '../src/graphql/global-id';
import { createLogger } from '../src/logger';
import { startApp } from '../src/server/app';
import { today } from '../src/shared/today';
import { generateBenchData, generateReorganisationWards, Scale } from './data';

interface CaseResult {
  name: string;
  runs: number;
  p50_ms: number;
  p95_ms: number;
  statements: number;
  note: string;
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round(sorted[Math.max(index, 0)] * 10) / 10;
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const scale: Scale = quick
    ? { wards: 100, candidates: 10_000, applicants: 500, simVacancies: 10_000 }
    : { wards: 1_000, candidates: 100_000, applicants: 5_000, simVacancies: 100_000 };
  const secret = 'bench-secret-bench-secret-bench-secret';
  const logger = createLogger('warn');

  let adminUrl = process.env.DATABASE_URL;
  let stopEmbedded: (() => Promise<void>) | null = null;
  if (!adminUrl) {
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(mkdtempSync(path.join(tmpdir(), 'wf-bench-')), 'pg'), persistent: false });
    adminUrl = embedded.adminUrl;
    stopEmbedded = () => embedded.stop();
  }
  const database = `wf_bench_${Date.now()}`;
  await ensureDatabase(adminUrl, database);
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  const orm = await createOrm({ url: url.toString(), poolSize: 10 });
  await migrate(orm);

  console.log(`loading ${quick ? 'quick' : 'full'} data: ${JSON.stringify(scale)}`);
  const loadStarted = Date.now();
  const ids = await generateBenchData(sqlRunnerFor(orm.em.fork()), scale);
  const reorganisationWards = await generateReorganisationWards(sqlRunnerFor(orm.em.fork()), 3);
  console.log(`loaded in ${((Date.now() - loadStarted) / 1000).toFixed(1)} s`);

  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', JWT_SECRET: secret, LOG_LEVEL: 'warn' });
  const app = await startApp(config, orm, logger);
  const token = await signToken({ subject: 'bench', role: Role.ADMIN }, secret);

  async function gql(query: string, variables: Record<string, unknown> = {}): Promise<{ ms: number; statements: number; body: any }> {
    const started = performance.now();
    const response = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = await response.json();
    const ms = performance.now() - started;
    if ((body as { errors?: unknown }).errors) throw new Error(`bench query failed: ${JSON.stringify((body as { errors: unknown }).errors)}`);
    return { ms, statements: Number(response.headers.get('x-sql-statements')), body };
  }

  async function measure(name: string, runs: number, query: string, variables: Record<string, unknown>, describe: (body: any) => string): Promise<CaseResult> {
    const warm = await gql(query, variables);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push((await gql(query, variables)).ms);
    times.sort((a, b) => a - b);
    return { name, runs, p50_ms: percentile(times, 50), p95_ms: percentile(times, 95), statements: warm.statements, note: describe(warm.body.data) };
  }

  const cases: CaseResult[] = [];
  cases.push(
    await measure('placement-plan', 5, `{ placementPlan(unitCode: "PLAN", minScore: 0.5) { totalScore unplacedVacancies suggestions { score } } }`, {}, (d) =>
      `${scale.wards} vacancies × ${scale.applicants} applicants: ${d.placementPlan.suggestions.length} pairs, total ${d.placementPlan.totalScore.toFixed(2)}`,
    ),
  );
  cases.push(
    await measure(
      'match-candidates',
      10,
      `query($id: ID!) { matchCandidates(positionId: $id, first: 10) { score candidate { id } person { id } missing { level } } }`,
      { id: toGlobalId('Position', ids.matchPositionId) },
      (d) => `${scale.candidates} candidates: best ${d.matchCandidates[0]?.score}`,
    ),
  );
  const simulation = { unitCode: 'SIM', asOf: today(), changes: { monthlyAllowanceDelta: 2_000_000 } };
  cases.push(
    await measure(
      'simulate-policy',
      5,
      `query($input: SimulatePolicyInput!) { simulatePolicy(input: $input) { vacanciesConsidered deltaExpectedHires costPerAdditionalHire byUnit { vacanciesConsidered } } }`,
      { input: simulation },
      (d) => `${d.simulatePolicy.vacanciesConsidered} vacancies, +${d.simulatePolicy.deltaExpectedHires.toFixed(1)} hires`,
    ),
  );
  cases.push(
    await measure('policy-curve', 5, `query($input: SimulatePolicyInput!) { policyCurve(input: $input) { fraction expectedHires } }`, { input: simulation }, (d) => `${d.policyCurve.length} points`),
  );
  cases.push(
    await measure(
      'staffing-gap',
      10,
      `{ staffingGap(unitCode: "PLAN", year: ${Number(today().slice(0, 4))}) { quota filled gap itGap children { quota filled gap children { gap } } } }`,
      {},
      (d) => `${d.staffingGap.children.length} districts, quota ${d.staffingGap.quota}`,
    ),
  );

  {
    // Each reorganisation ends its ward, so each run merges a ward of its own (no warm-up).
    const times: number[] = [];
    let statements = 0;
    let note = '';
    for (const code of reorganisationWards) {
      const { ms, statements: n, body } = await gql(
        `mutation($input: ReorganizeUnitsInput!) { reorganizeUnits(input: $input) { positionsMoved assignmentsMoved vacanciesMoved userErrors { message } } }`,
        { input: { newUnit: { code: `${code}_NEW`, name: 'Phường Mới', kind: 'WARD', parentCode: 'REORG' }, mergedUnitCodes: [code], effectiveOn: today() } },
      );
      const r = body.data.reorganizeUnits;
      if (r.userErrors.length) throw new Error(`bench reorganisation refused: ${JSON.stringify(r.userErrors)}`);
      times.push(ms);
      statements = n;
      note = `a ward of ${r.assignmentsMoved} assignments, ${r.positionsMoved} positions, ${r.vacanciesMoved} vacancies`;
    }
    times.sort((a, b) => a - b);
    cases.push({ name: 'reorganize-units', runs: times.length, p50_ms: percentile(times, 50), p95_ms: percentile(times, 95), statements, note });
  }

  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version };
  console.log(`\nworkforce-graph bench (${quick ? 'quick' : 'full'} scale) on ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GiB, Node ${machine.node}`);
  console.log(`${'case'.padEnd(18)}${'p50 ms'.padStart(10)}${'p95 ms'.padStart(10)}${'SQL'.padStart(6)}  note`);
  for (const c of cases) console.log(`${c.name.padEnd(18)}${String(c.p50_ms).padStart(10)}${String(c.p95_ms).padStart(10)}${String(c.statements).padStart(6)}  ${c.note}`);

  mkdirSync(path.join(__dirname, '..', '..', 'bench', 'results'), { recursive: true });
  const out = path.join(__dirname, '..', '..', 'bench', 'results', 'latest.json');
  writeFileSync(out, `${JSON.stringify({ scale: quick ? 'quick' : 'full', at: new Date().toISOString(), machine, dataset: scale, cases }, null, 2)}\n`);
  console.log(`\nwrote ${path.relative(process.cwd(), out)}`);

  await app.stop(1000);
  await orm.close(true);
  if (process.argv.includes('--keep')) {
    console.log(`kept database ${database} for inspection`);
  } else {
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${database} with (force)`);
    await admin.end();
  }
  await stopEmbedded?.();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
