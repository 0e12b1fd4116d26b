/**
 * `npm run bench [-- --quick] [--keep]`: the performance benchmark at national scale.
 *
 * It builds its own database (embedded PostgreSQL, or the server of DATABASE_URL), loads the
 * national dataset set-based inside PostgreSQL (bench/scale.ts: 2,000,000 people, or 200,000
 * with --quick) plus three regions sized for the analytics cases (bench/data.ts), starts our
 * server as its own process and PostGraphile v5 as another (both on Node 24, installed once into
 * a cache folder), both with a pool of POOL_SIZE, warms up, and measures
 * each case with autocannon against the real HTTP endpoint with real tokens:
 *
 *   nested-list           provinces → children → positions → active assignments → person, first 20
 *                         at each level, beside PostGraphile (ratio = our rps / its rps)
 *   staffing-gap-nation   staffingGap of the nation with its 34 provinces today (from the
 *                         summary), beside the SQL floor (bench/floor.ts; ratio = our p95 / the floor's p95)
 *   staffing-gap-nation-past  the same a year back (counted on the fly), beside the floor for that date
 *   staffing-gap-commune  staffingGap of one commune
 *   match-candidates      matchCandidates over 100,000 candidates (10,000 quick)
 *   placement-plan        placementPlan over 1,000 vacancies × 5,000 applicants (100 × 500 quick)
 *   simulate-policy       simulatePolicy over 100,000 IT vacancies (10,000 quick), and policy-curve
 *   workforce-forecast-nation  workforceForecast of the nation, 10 years (target: p95 ≤ 2 s at full scale)
 *   turnover-province     turnover of one province over the last three full years
 *   reorganize-units      reorganizeUnits of a ward of 2,000 people (same at both scales)
 *   mixed                 64 clients for 2 minutes over reads and writes (bench/mixed-load.ts),
 *                         with the server's peak RSS
 *
 * Prints a table and writes bench/results/latest.json and bench/results/<scale>.json; when
 * both scales have run on this machine, `growth` holds log(t_full / t_quick) / log(10) per case.
 */
import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { signToken } from '../src/auth/token';
import { ensureDatabase } from '../src/db/database';
import { EmbeddedDatabase, startEmbeddedPostgres } from '../src/db/embedded-postgres';
import { createOrm, migrate } from '../src/db/orm';
import { sqlRunnerFor } from '../src/db/sql-runner';
import { Role } from '../src/graphql/enums';
import { toGlobalId } from '../src/graphql/global-id';
import { today } from '../src/shared/today';
import { generateBenchData, generateReorganisationWards, Scale } from './data';
import { FloorRow, STAFFING_GAP_FLOOR_SQL } from './floor';
import { combined, LoadFigures, loadHttp, loadSql, percentile } from './load';
import { runMixedLoad, MixedLoadResult } from './mixed-load';
import { copyDataDirectory, Standby, startStandby } from './standby';
import { countPostGraphileNestedPeople, ensureNode24, POSTGRAPHILE_NESTED_LIST_QUERY, repoRoot, startPostGraphile } from './peer';
import { countNationalData, FULL_PEOPLE, generateNationalData } from './scale';
import { entities } from '../src/app/entities';

const POOL_SIZE = 10;
const SECRET = 'bench-secret-bench-secret-bench-secret';

export const NESTED_LIST_QUERY = `{ orgUnits(kind: PROVINCE, first: 20) { edges { node { code name
  children(first: 20) { edges { node { code name
    positions(first: 20) { edges { node { title headcount
      assignments(activeOnly: true, first: 20) { kind startDate person { fullName } } } } } } } } } } } }`;

interface CaseResult {
  name: string;
  ours: Omit<LoadFigures, 'requests' | 'errors'>;
  peer: { name: string; rps: number; p50_ms: number; p95_ms: number } | null;
  ratio: number | null;
  statements: number;
  clients: string;
  note: string;
  /** Mixed-load cases: the first distinct errors and each operation's figures, so that an error seen once can be read after. */
  load?: Pick<MixedLoadResult, 'errorSamples' | 'byOperation'>;
}

function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * The Node our server runs on: the peer's Node 24 (the current LTS), so that the comparisons are
 * like for like (on Node 20 our process spent about 10 % more CPU per nested-list answer than on
 * 24); BENCH_OURS_ON=machine keeps it on this machine's Node, as `npm start` would.
 */
async function ourNode(): Promise<string> {
  return process.env.BENCH_OURS_ON === 'machine' ? process.execPath : (await ensureNode24()).nodePath;
}

/** Our server as a process of its own, so that its RSS is its own. */
async function startOurServer(nodePath: string, databaseUrl: string, extraEnv: Record<string, string> = {}): Promise<{ url: string; pid: number; peakRssMb(): number; stop(): Promise<void> }> {
  const port = await freePort();
  // As `npm start` runs it (package.json): a 64 MB young generation, where V8's default made the
  // nested list's 68,000 seats a share of scavenges (14 % less CPU per answer, docs/performance.md).
  const child: ChildProcess = spawn(nodePath, ['--max-semi-space-size=64', path.join(repoRoot(), 'dist', 'src', 'main.js')], {
    env: {
      ...process.env,
      NODE_ENV: 'production', // as deployed (graphql-js skips its development checks)
      SQL_STATEMENT_HEADER: 'true', // the statement counts the bench reports
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      JWT_SECRET: SECRET,
      SEED_DEMO_DATA: 'false',
      RATE_LIMIT_PER_MINUTE: '0', // 64 bench clients share a handful of tokens
      DB_POOL_SIZE: String(POOL_SIZE),
      LOG_LEVEL: 'warn',
      ...extraEnv,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}/graphql`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`our server exited with ${child.exitCode} while starting`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 120_000) throw new Error('our server did not become ready in 120 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    pid: child.pid!,
    // VmHWM: the peak resident set size the kernel saw for the process.
    peakRssMb: () => Math.round(Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function post(url: string, token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<{ body: any; statements: number; ms: number }> {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as any;
  const ms = performance.now() - started;
  if (!response.ok || body.errors) throw new Error(`bench query failed (${response.status}): ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
  return { body, statements: Number(response.headers.get('x-sql-statements') ?? NaN), ms };
}

function countOurNestedPeople(data: any): number {
  let people = 0;
  for (const province of data.orgUnits.edges) {
    for (const child of province.node.children.edges) {
      for (const position of child.node.positions.edges) people += position.node.assignments.length;
    }
  }
  return people;
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const scaleName = quick ? 'quick' : 'full';
  const people = quick ? FULL_PEOPLE / 10 : FULL_PEOPLE;
  const regions: Scale = quick
    ? { wards: 100, candidates: 10_000, applicants: 500, simVacancies: 10_000 }
    : { wards: 1_000, candidates: 100_000, applicants: 5_000, simVacancies: 100_000 };
  const benchStarted = Date.now();

  let adminUrl = process.env.DATABASE_URL;
  let stopEmbedded: (() => Promise<void>) | null = null;
  // Embedded: kept on stop, so that the mixed load with a replica can copy the stopped primary
  // into a standby; the whole folder is removed at the end.
  let embedded: EmbeddedDatabase | null = null;
  const embeddedRoot = adminUrl ? null : mkdtempSync(path.join(tmpdir(), 'wf-bench-'));
  if (embeddedRoot) {
    // Walkable by the postgres user PostgreSQL runs as under root, so the data (and the standby
    // copied next to it) stay in this folder, removed at the end.
    chmodSync(embeddedRoot, 0o755);
    embedded = await startEmbeddedPostgres({ dataDir: path.join(embeddedRoot, 'pg'), persistent: true });
    adminUrl = embedded.adminUrl;
    stopEmbedded = async () => {
      await embedded?.stop();
      rmSync(embeddedRoot, { recursive: true, force: true });
    };
  }
  if (!adminUrl) throw new Error('no database to run the bench on');
  const database = `wf_bench_${Date.now()}`;
  await ensureDatabase(adminUrl, database);
  const dbUrl = new URL(adminUrl);
  dbUrl.pathname = `/${database}`;
  const databaseUrl = dbUrl.toString();

  console.log(`loading the ${scaleName} national dataset (${people.toLocaleString('en')} people) and the analytics regions ${JSON.stringify(regions)}`);
  const loadStarted = Date.now();
  const orm = await createOrm({ url: databaseUrl, entities, poolSize: 2 });
  await migrate(orm);
  const run = sqlRunnerFor(orm.em.fork());
  await generateNationalData(run, { people });
  const ids = await generateBenchData(run, regions);
  const reorganisationWards = await generateReorganisationWards(run, 3);
  // As autovacuum would have left a live database: hint bits set and the visibility map built,
  // so that the first case measured does not pay for the load's freshly written pages.
  await run('vacuum (analyze)');
  // And with the load's dirty pages written out: otherwise the checkpoint that follows a bulk
  // load runs under the first case measured (ours), and not under the floor measured after it.
  await run('checkpoint').catch(() => console.log('(no CHECKPOINT: the bench\'s database user is not a superuser)'));
  const national = await countNationalData(run);
  // A commune the dataset is on (today's, holding positions): Hồ Chí Minh City's first by code.
  const [{ commune }] = await run<{ commune: string }>(
    `select u.code as commune from org_unit u
     where u.path <@ 'VN.HCM' and u.kind in ('WARD', 'COMMUNE') and u.valid_to is null and exists (select 1 from position p where p.unit_id = u.id)
     order by u.code limit 1`,
  );
  await orm.close(true);
  const loadSeconds = (Date.now() - loadStarted) / 1000;
  console.log(`loaded in ${loadSeconds.toFixed(1)} s`);

  const oursOn = await ourNode();
  const oursNodeVersion = execFileSync(oursOn, ['--version'], { encoding: 'utf8' }).trim();
  let ours = await startOurServer(oursOn, databaseUrl);
  let standby: Standby | null = null;
  const peer = await startPostGraphile({ databaseUrl, poolSize: POOL_SIZE });
  // PostGraphile may still be building its schema once it listens: let it finish before any
  // case is measured, so that its start-up does not share the CPU with our first case.
  await post(peer.url, null, '{ __typename }');
  const admin = await signToken({ subject: 'bench', role: Role.ADMIN }, SECRET);
  const auth = { authorization: `Bearer ${admin}` };
  const year = Number(today().slice(0, 4));
  const cases: CaseResult[] = [];

  /** Warms up (three answers, the first checked), then measures our side of a case. */
  async function measureOurs(query: string, variables: Record<string, unknown>, connections: number, seconds: number) {
    const warm = await post(ours.url, admin, query, variables);
    for (let i = 0; i < 2; i++) await post(ours.url, admin, query, variables);
    const figures = await loadHttp(ours.url, auth, JSON.stringify({ query, variables }), { connections, seconds });
    if (figures.errors) throw new Error(`${figures.errors} errors while measuring ${query.slice(0, 60)}`);
    return { warm, figures };
  }
  const slim = (f: LoadFigures) => ({ rps: f.rps, p50_ms: f.p50_ms, p95_ms: f.p95_ms });

  try {
    // staffing-gap-nation, beside the SQL floor; first, before the nested list's large answers
    // leave a grown heap behind. Today's answer comes from the summary; a year back, from the
    // on-the-fly SQL, each beside the floor for its own date.
    const measureGapAgainstFloor = async (name: string, asOf: string | null) => {
      console.log(`measuring ${name} (ours, the SQL floor, the floor, ours)…`);
      const date = asOf ?? today();
      const settings = { connections: 4, seconds: quick ? 15 : 30 };
      const query = `query($year: Int!, $asOf: LocalDate) { staffingGap(unitCode: "VN", year: $year, asOf: $asOf) { quota filled gap itGap children { unit { code } quota filled gap itGap } } }`;
      const variables = { year, asOf };
      const { warm, figures } = await measureOurs(query, variables, settings.connections, settings.seconds / 2);
      const client = new Client({ connectionString: databaseUrl });
      await client.connect();
      const { rows } = await client.query<FloorRow>(STAFFING_GAP_FLOOR_SQL, ['VN', date, year]);
      await client.end();
      const gap = warm.body.data.staffingGap;
      const ourRows = [{ child: null, quota: gap.quota, filled: gap.filled, gap: gap.gap, it_gap: gap.itGap }, ...gap.children.map((c: any) => ({ child: c.unit.code, quota: c.quota, filled: c.filled, gap: c.gap, it_gap: c.itGap }))];
      const floorRows = rows.filter((r) => r.is_root || r.child !== null).map((r) => ({ child: r.is_root ? null : r.child, quota: r.quota, filled: r.filled, gap: r.gap, it_gap: r.it_gap }));
      if (JSON.stringify(ourRows) !== JSON.stringify(floorRows)) throw new Error(`${name}: the floor's numbers differ from ours:\n${JSON.stringify(floorRows.slice(0, 3))}\n${JSON.stringify(ourRows.slice(0, 3))}`);
      await loadSql(databaseUrl, STAFFING_GAP_FLOOR_SQL, ['VN', date, year], { connections: settings.connections, seconds: 3 });
      // Ours, the floor, the floor, ours: each side gets half its time early and half late, so
      // whatever drifts during the case (caches, the client's own heap) weighs on both alike.
      const half = { connections: settings.connections, seconds: settings.seconds / 2 };
      const floorRuns: LoadFigures[] = [];
      const ourRuns: LoadFigures[] = [figures];
      floorRuns.push(await loadSql(databaseUrl, STAFFING_GAP_FLOOR_SQL, ['VN', date, year], half));
      floorRuns.push(await loadSql(databaseUrl, STAFFING_GAP_FLOOR_SQL, ['VN', date, year], half));
      ourRuns.push(await loadHttp(ours.url, auth, JSON.stringify({ query, variables }), half));
      const floor = combined(floorRuns, settings.seconds);
      const mine = combined(ourRuns, settings.seconds);
      if (mine.errors) throw new Error(`${mine.errors} errors while measuring ${name}`);
      cases.push({
        name,
        ours: slim(mine),
        peer: { name: 'SQL floor (one hand-written statement, pg client)', ...slim(floor) },
        ratio: floor.p95_ms > 0 ? round(mine.p95_ms / floor.p95_ms) : null,
        statements: warm.statements,
        clients: `${settings.connections} × ${settings.seconds} s (ABBA)`,
        note: `nation and ${gap.children.length} provinces as of ${date}: quota ${gap.quota.toLocaleString('en')}, filled ${gap.filled.toLocaleString('en')}; same numbers as the floor`,
      });
      console.log(`${name}: ours p95 ${mine.p95_ms} ms, the floor's ${floor.p95_ms} ms, ratio ${cases[cases.length - 1].ratio}`);
    };
    await measureGapAgainstFloor('staffing-gap-nation', null);
    await measureGapAgainstFloor('staffing-gap-nation-past', `${year - 1}${today().slice(4)}`.replace(/-02-29$/, '-02-28'));

    // nested-list, beside PostGraphile.
    {
      console.log('measuring nested-list (ours, PostGraphile, PostGraphile, ours)…');
      const settings = { connections: 4, seconds: quick ? 20 : 30 };
      // Both sides warm up before either is measured, then ABBA halves as for the floor: the
      // side measured first would otherwise carry whatever the caches still lack after the load.
      const half = { connections: settings.connections, seconds: settings.seconds / 2 };
      const warm = await post(ours.url, admin, NESTED_LIST_QUERY);
      const ourPeople = countOurNestedPeople(warm.body.data);
      const peerAnswer = await post(peer.url, null, POSTGRAPHILE_NESTED_LIST_QUERY);
      const peerPeople = countPostGraphileNestedPeople(peerAnswer.body);
      if (peerPeople !== ourPeople) throw new Error(`nested-list: PostGraphile returned ${peerPeople} people, we returned ${ourPeople}`);
      for (let i = 0; i < 2; i++) {
        await post(ours.url, admin, NESTED_LIST_QUERY);
        await post(peer.url, null, POSTGRAPHILE_NESTED_LIST_QUERY);
      }
      const ourBody = JSON.stringify({ query: NESTED_LIST_QUERY, variables: {} });
      const peerBody = JSON.stringify({ query: POSTGRAPHILE_NESTED_LIST_QUERY });
      const ourRuns = [await loadHttp(ours.url, auth, ourBody, half)];
      const peerRuns = [await loadHttp(peer.url, {}, peerBody, half), await loadHttp(peer.url, {}, peerBody, half)];
      ourRuns.push(await loadHttp(ours.url, auth, ourBody, half));
      const figures = combined(ourRuns, settings.seconds);
      const theirs = combined(peerRuns, settings.seconds);
      if (figures.errors || theirs.errors) throw new Error(`nested-list: ${figures.errors} errors from us, ${theirs.errors} from PostGraphile`);
      cases.push({
        name: 'nested-list',
        ours: slim(figures),
        peer: { name: `PostGraphile 5.1.5 on Node ${peer.nodeVersion}`, ...slim(theirs) },
        ratio: theirs.rps > 0 ? round(figures.rps / theirs.rps) : null,
        statements: warm.statements,
        clients: `${settings.connections} × ${settings.seconds} s (ABBA)`,
        note: `${ourPeople.toLocaleString('en')} people per answer (both); pool ${POOL_SIZE} each, one process each`,
      });
    }

    const single = async (name: string, query: string, variables: Record<string, unknown>, connections: number, seconds: number, describe: (data: any) => string) => {
      console.log(`measuring ${name}…`);
      const { warm, figures } = await measureOurs(query, variables, connections, seconds);
      cases.push({ name, ours: slim(figures), peer: null, ratio: null, statements: warm.statements, clients: `${connections} × ${seconds} s`, note: describe(warm.body.data) });
    };

    await single('staffing-gap-commune', `query($code: String!, $year: Int!) { staffingGap(unitCode: $code, year: $year) { quota filled gap itGap itSeatsCoveredConcurrently openVacancies } }`, { code: commune, year }, 4, 10, (d) => `${commune}: quota ${d.staffingGap.quota}, filled ${d.staffingGap.filled}`);
    await single(
      'match-candidates',
      `query($id: ID!) { matchCandidates(positionId: $id, first: 10) { score candidate { id } person { id } missing { level } } }`,
      { id: toGlobalId('Position', ids.matchPositionId) },
      4,
      quick ? 10 : 20,
      (d) => `the region's ${regions.candidates.toLocaleString('en')} candidates and its staff; best ${d.matchCandidates[0]?.score}`,
    );
    await single('placement-plan', `{ placementPlan(unitCode: "PLAN", minScore: 0.5) { totalScore unplacedVacancies suggestions { score } } }`, {}, 2, quick ? 10 : 30, (d) =>
      `${regions.wards.toLocaleString('en')} vacancies × ${regions.applicants.toLocaleString('en')} applicants: ${d.placementPlan.suggestions.length} placed`,
    );
    const simulation = { unitCode: 'SIM', asOf: today(), changes: { monthlyAllowanceDelta: 2_000_000 } };
    await single(
      'simulate-policy',
      `query($input: SimulatePolicyInput!) { simulatePolicy(input: $input) { vacanciesConsidered deltaExpectedHires costPerAdditionalHire byUnit { vacanciesConsidered } } }`,
      { input: simulation },
      4,
      quick ? 10 : 20,
      (d) => `${d.simulatePolicy.vacanciesConsidered.toLocaleString('en')} IT vacancies, +${d.simulatePolicy.deltaExpectedHires.toFixed(1)} hires`,
    );
    await single('policy-curve', `query($input: SimulatePolicyInput!) { policyCurve(input: $input) { fraction expectedHires } }`, { input: simulation }, 4, 10, (d) => `${d.policyCurve.length} points`);
    await single(
      'workforce-forecast-nation',
      `query($code: String!) { workforceForecast(unitCode: $code, years: 10) { cohort attritionRate attritionSource years { year endHeadcount endHeadcountLow endHeadcountHigh retirements projectedGap itEndHeadcount } byCategory { category years { endHeadcount } } } }`,
      { code: 'VN' },
      4,
      quick ? 10 : 20,
      (d) => `${d.workforceForecast.cohort.toLocaleString('en')} in the cohort, attrition ${(d.workforceForecast.attritionRate * 100).toFixed(1)} % (${d.workforceForecast.attritionSource})`,
    );
    const province = commune.split('.').slice(0, 2).join('.');
    await single(
      'turnover-province',
      `query($code: String!, $from: LocalDate!, $to: LocalDate!) { turnover(unitCode: $code, from: $from, to: $to) { separations byReason { reason count } transfersOut averageHeadcount rate itSeparations lostToPrivate } }`,
      { code: province, from: `${Number(today().slice(0, 4)) - 3}-01-01`, to: `${Number(today().slice(0, 4)) - 1}-12-31` },
      4,
      10,
      (d) => `${province}: ${d.turnover.separations.toLocaleString('en')} separations over three years, rate ${d.turnover.rate === null ? '—' : (d.turnover.rate * 100).toFixed(1) + ' %'}`,
    );

    // reorganize-units: each run ends its ward, so each merges a ward of its own, one at a time.
    {
      const times: number[] = [];
      let statements = 0;
      let note = '';
      for (const code of reorganisationWards) {
        const { body, ms, statements: n } = await post(
          ours.url,
          admin,
          `mutation($input: ReorganizeUnitsInput!) { reorganizeUnits(input: $input) { positionsMoved assignmentsMoved vacanciesMoved userErrors { message } } }`,
          { input: { newUnit: { code: `${code}_NEW`, name: 'Phường Mới', kind: 'WARD', parentCode: 'REORG' }, mergedUnitCodes: [code], effectiveOn: today() } },
        );
        const r = body.data.reorganizeUnits;
        if (r.userErrors.length) throw new Error(`bench reorganisation refused: ${JSON.stringify(r.userErrors)}`);
        times.push(ms);
        statements = n;
        note = `a ward of ${r.assignmentsMoved} assignments, ${r.positionsMoved} positions, ${r.vacanciesMoved} vacancies, one at a time`;
      }
      times.sort((a, b) => a - b);
      cases.push({ name: 'reorganize-units', ours: { rps: round(1000 / (times.reduce((a, b) => a + b, 0) / times.length)), p50_ms: percentile(times, 50), p95_ms: percentile(times, 95) }, peer: null, ratio: null, statements, clients: `1 × ${times.length} runs`, note });
    }

    // mixed: 64 clients, 2 minutes, reads and writes; last, since it writes.
    const mixedSeconds = Number(process.env.BENCH_MIXED_SECONDS ?? 120);
    console.log(`measuring the mixed load (64 clients, ${mixedSeconds} s)…`);
    const mixed = await runMixedLoad({ url: ours.url, databaseUrl, jwtSecret: SECRET, connections: 64, durationSeconds: mixedSeconds });
    const rssMax = ours.peakRssMb();
    cases.push({
      name: 'mixed',
      ours: { rps: round(mixed.rps), p50_ms: round(mixed.p50_ms, 1), p95_ms: round(mixed.p95_ms, 1) },
      peer: null,
      ratio: null,
      statements: NaN,
      clients: `64 × ${mixedSeconds} s`,
      note: `${mixed.requests.toLocaleString('en')} requests, ${mixed.errors} errors, peak RSS ${rssMax} MB`,
    });

    const mixedCase = (name: string, m: MixedLoadResult, clients: string, note: string): CaseResult => ({
      name,
      ours: { rps: round(m.rps), p50_ms: round(m.p50_ms, 1), p95_ms: round(m.p95_ms, 1) },
      peer: null,
      ratio: null,
      statements: NaN,
      clients,
      note: `${m.requests.toLocaleString('en')} requests, ${m.errors} errors; ${note}`,
      load: { errorSamples: m.errorSamples, byOperation: m.byOperation },
    });

    // mixed-one-core: the same mix with the whole system on one core (our server, PostgreSQL
    // with every backend it forks, and the load's clients): the half-as-fast machine.
    const allCores = `0-${cpus().length - 1}`;
    const postmasterPid = embedded ? Number(readFileSync(path.join(embedded.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]) : null;
    const pin = (cpuList: string) => {
      for (const pid of [process.pid, ours.pid, ...(postmasterPid ? [postmasterPid] : [])]) execFileSync('taskset', ['-a', '-p', '-c', cpuList, String(pid)], { stdio: 'ignore' });
      // Backends forked before the pin keep their own mask: pin them too.
      if (postmasterPid) {
        for (const child of readFileSync(`/proc/${postmasterPid}/task/${postmasterPid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) {
          try {
            execFileSync('taskset', ['-a', '-p', '-c', cpuList, child], { stdio: 'ignore' });
          } catch {
            // it has exited meanwhile
          }
        }
      }
    };
    let hasTaskset = cpus().length > 1;
    try {
      execFileSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' });
    } catch {
      hasTaskset = false;
    }
    if (hasTaskset) {
      console.log(`measuring the mixed load on one core (64 clients, ${mixedSeconds} s)…`);
      pin('0');
      try {
        const oneCore = await runMixedLoad({ url: ours.url, databaseUrl, jwtSecret: SECRET, connections: 64, durationSeconds: mixedSeconds });
        cases.push(mixedCase('mixed-one-core', oneCore, `64 × ${mixedSeconds} s`, `taskset -c 0: our server, ${postmasterPid ? 'PostgreSQL and' : '(not the external PostgreSQL) and'} the load on one core`));
      } finally {
        pin(allCores);
      }
    } else {
      console.log('(no mixed-one-core: taskset is missing or the machine has one core)');
    }

    // mixed-replica: the same mix with the analytics reading from a streaming standby of the
    // embedded primary, on this same machine (so it shares the cores; what it shows is the cost
    // and the correctness of the split, not more capacity).
    if (embedded && embeddedRoot) {
      console.log(`measuring the mixed load with a streaming replica (64 clients, ${mixedSeconds} s)…`);
      // PostGraphile's measurements are done; it would only see its connections cut.
      await peer.stop();
      await ours.stop();
      const port = embedded.port;
      await embedded.stop();
      const standbyDir = path.join(path.dirname(embedded.dataDir), 'standby');
      copyDataDirectory(embedded.dataDir, standbyDir);
      embedded = await startEmbeddedPostgres({ dataDir: embedded.dataDir, persistent: true, port });
      standby = await startStandby({ copyOfPrimary: standbyDir, primaryAdminUrl: embedded.adminUrl, port: await freePort() });
      ours = await startOurServer(oursOn, databaseUrl, { DATABASE_REPLICA_URLS: standby.urlFor(database) });
      const withReplica = await runMixedLoad({ url: ours.url, databaseUrl, jwtSecret: SECRET, connections: 64, durationSeconds: mixedSeconds });
      cases.push(mixedCase('mixed-replica', withReplica, `64 × ${mixedSeconds} s`, 'analytics on a streaming standby on this machine'));
    } else {
      console.log('(no mixed-replica: DATABASE_URL names a server the bench cannot copy into a standby)');
    }

    const caseNamed = (name: string) => cases.find((c) => c.name === name)!;
    const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), node: oursNodeVersion, loadNode: process.version, peerNode: peer.nodeVersion, poolSize: POOL_SIZE, processes: 1 };
    const resultsDir = path.join(repoRoot(), 'bench', 'results');
    mkdirSync(resultsDir, { recursive: true });
    const other = path.join(resultsDir, `${quick ? 'full' : 'quick'}.json`);
    const growth: Record<string, number> = {};
    let growthNote = 'run both scales on this machine to fill growth';
    if (existsSync(other)) {
      const previous = JSON.parse(readFileSync(other, 'utf8')) as { at: string; cases: CaseResult[] };
      const quickCases = quick ? cases : previous.cases;
      const fullCases = quick ? previous.cases : cases;
      for (const c of fullCases) {
        const q = quickCases.find((x) => x.name === c.name);
        if (q && q.ours.p50_ms > 0 && c.ours.p50_ms > 0) growth[c.name] = round(Math.log(c.ours.p50_ms / q.ours.p50_ms) / Math.log(10));
      }
      growthNote = `p50 exponents between this run and the ${quick ? 'full' : 'quick'} run of ${previous.at}`;
    }
    const result = {
      scale: scaleName,
      at: new Date().toISOString(),
      machine,
      dataset: { ...national, analyticsRegions: regions, loadSeconds: round(loadSeconds, 1) },
      cases,
      load: { errors: mixed.errors, requests: mixed.requests, rss_mb_max: rssMax, rps: round(mixed.rps), p50_ms: mixed.p50_ms, p95_ms: mixed.p95_ms, errorSamples: mixed.errorSamples, byOperation: mixed.byOperation },
      growth: { ...growth, note: growthNote },
      targets: {
        'nested-list ≥ 2.0× PostGraphile rps': (caseNamed('nested-list').ratio ?? 0) >= 2,
        'nested-list ≤ 6 SQL statements': caseNamed('nested-list').statements <= 6,
        'staffing-gap-nation p95 ≤ 1.5× the SQL floor': (caseNamed('staffing-gap-nation').ratio ?? Infinity) <= 1.5,
        'staffing-gap-nation (today, from the summary) p95 ≤ 0.25× the SQL floor': (caseNamed('staffing-gap-nation').ratio ?? Infinity) <= 0.25,
        'staffing-gap-nation-past (a year back, on the fly) p95 ≤ 1.2× the SQL floor': (caseNamed('staffing-gap-nation-past').ratio ?? Infinity) <= 1.2,
        'simulate-policy p95 ≤ 2 s': (cases.find((c) => c.name === 'simulate-policy')?.ours.p95_ms ?? Infinity) <= 2000,
        'workforce-forecast-nation p95 ≤ 2 s': (cases.find((c) => c.name === 'workforce-forecast-nation')?.ours.p95_ms ?? Infinity) <= 2000,
        'mixed load: 0 errors': mixed.errors === 0,
        'mixed load: ≥ 100 rps': mixed.rps >= 100,
        'mixed load: p95 ≤ 1.5 s': mixed.p95_ms <= 1500,
        'mixed load on one core: 0 errors': cases.find((c) => c.name === 'mixed-one-core')?.note.includes(' 0 errors') ?? false,
        'mixed load with a replica: 0 errors': cases.find((c) => c.name === 'mixed-replica')?.note.includes(' 0 errors') ?? false,
        'mixed load: RSS ≤ 1 GB': rssMax <= 1024,
      },
      seconds: Math.round((Date.now() - benchStarted) / 1000),
    };

    console.log(`\nworkforce-graph bench, ${scaleName} scale, ${new Date().toISOString().slice(0, 10)}: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GiB; ours on Node ${machine.node}, PostGraphile on Node ${machine.peerNode}, the load on Node ${machine.loadNode}; pool ${POOL_SIZE}, one process each`);
    console.log(`dataset: ${national.people.toLocaleString('en')} people, ${national.communes.toLocaleString('en')} communes, ${national.vacancies.toLocaleString('en')} vacancies, ${national.applications.toLocaleString('en')} applications (loaded in ${loadSeconds.toFixed(0)} s)`);
    const pad = (v: unknown, n: number) => String(v ?? '—').padStart(n);
    console.log(`${'case'.padEnd(27)}${pad('rps', 9)}${pad('p50 ms', 10)}${pad('p95 ms', 10)}${pad('SQL', 5)}  ${'peer rps'.padStart(9)}${pad('p50 ms', 10)}${pad('p95 ms', 10)}${pad('ratio', 7)}  clients      note`);
    for (const c of cases) {
      console.log(
        `${c.name.padEnd(27)}${pad(c.ours.rps, 9)}${pad(c.ours.p50_ms, 10)}${pad(c.ours.p95_ms, 10)}${pad(Number.isNaN(c.statements) ? '—' : c.statements, 5)}  ${pad(c.peer?.rps, 9)}${pad(c.peer?.p50_ms, 10)}${pad(c.peer?.p95_ms, 10)}${pad(c.ratio, 7)}  ${c.clients.padEnd(12)} ${c.note}`,
      );
    }
    console.log(`peers: ${cases.filter((c) => c.peer).map((c) => `${c.name}: ${c.peer!.name}`).join('; ')}`);
    console.log(`mixed load: ${mixed.requests} requests, ${mixed.errors} errors, peak RSS ${rssMax} MB${mixed.errorSamples.length ? `; first errors: ${mixed.errorSamples.join(' | ')}` : ''}`);
    for (const c of cases) if (c.load?.errorSamples.length) console.log(`${c.name}: first errors: ${c.load.errorSamples.join(' | ')}`);
    if (Object.keys(growth).length) console.log(`growth (${growthNote}): ${Object.entries(growth).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    for (const [target, holds] of Object.entries(result.targets)) console.log(`${holds ? 'holds ' : 'MISSES'}  ${target}`);
    console.log(`bench took ${result.seconds} s`);

    const text = `${JSON.stringify(result, null, 2)}\n`;
    writeFileSync(path.join(resultsDir, `${scaleName}.json`), text);
    writeFileSync(path.join(resultsDir, 'latest.json'), text);
    console.log(`wrote bench/results/latest.json and bench/results/${scaleName}.json`);
  } finally {
    await peer.stop();
    await ours.stop();
    await standby?.stop();
    if (process.argv.includes('--keep')) {
      console.log(`kept database ${database} (${databaseUrl})`);
    } else {
      const client = new Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${database} with (force)`);
      await client.end();
    }
    await stopEmbedded?.();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
