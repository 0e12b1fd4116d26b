import { Client } from 'pg';
import { createOrm } from '../src/db/orm';
import { entities } from '../src/app/entities';
import { seedIfEmpty } from '../src/app/seed';
import { createLogger } from '../src/logger';
import { Role } from '../src/graphql/enums';
import { toGlobalId } from '../src/graphql/global-id';
import { AS_OF } from '../seeds/demo-data';
import { COORDINATOR_LOCAL, CROSS_PROVINCE_KEYS, DISTRIBUTED, FACTS_ON_EVERY_SHARD, REFERENCE, UNIQUE_RULES, UNIT_PROVINCE_SQL, citusDdl } from '../scripts/citus-plan';
import { createTestDatabase, TestDatabase } from './helpers/test-database';
import { startServerOn, TestServer } from './helpers/harness';

/**
 * The Citus plan of docs/scaling.md, held against the real schema and the demo's data. Citus is
 * not installable here, so the test checks what the plan rests on: every table has a place;
 * every distributed row has one province; foreign keys join rows of one province except the
 * listed ones; and a province's queries answer the same from a database holding only its
 * shard (its distributed rows, and the reference and coordinator tables whole) as from the whole.
 */
describe('the Citus plan: distributed by province', () => {
  let whole: TestDatabase;
  let admin: Client;
  const shards = new Map<string, TestDatabase>();
  let provinces: string[] = [];

  const connect = async (url: string) => {
    const client = new Client({ connectionString: url });
    await client.connect();
    return client;
  };

  beforeAll(async () => {
    whole = await createTestDatabase();
    const orm = await createOrm({ url: whole.url, entities, poolSize: 2 });
    await seedIfEmpty(orm, createLogger('silent'));
    await orm.close(true);
    const db = await connect(whole.url);
    await db.query(UNIT_PROVINCE_SQL);
    // The provinces holding seats: each gets a database of its own shard.
    const { rows } = await db.query<{ province: string }>(
      `select distinct citus_plan_unit_province(u.code) as province from org_unit u
       where exists (select 1 from position p where p.unit_id = u.id) or exists (select 1 from establishment_quota q where q.unit_id = u.id) order by 1`,
    );
    provinces = rows.map((r) => r.province);
    await db.end();
    admin = await connect(process.env.WF_TEST_ADMIN_URL!);
    for (const province of provinces) {
      const shard = await createTestDatabase();
      await admin.query(`drop database ${shard.name}`);
      await admin.query(`create database ${shard.name} template ${whole.name}`);
      const client = await connect(shard.url);
      // Rows are removed as a shard would lack them; constraints were checked in the whole.
      await client.query(`set session_replication_role = replica`);
      for (const { table, province: provinceOf } of DISTRIBUTED) {
        const kept = FACTS_ON_EVERY_SHARD.filter((f) => f.table === table).map((f) => ` and not (${f.rows})`).join('');
        await client.query(`delete from ${table} t where ${provinceOf} is distinct from $1${kept}`, [province]);
      }
      await client.end();
      shards.set(province, shard);
    }
  }, 180_000);

  afterAll(async () => {
    await admin?.end();
    for (const shard of shards.values()) await shard.drop();
    await whole?.drop();
  });

  it('gives every table of the schema exactly one place', async () => {
    const db = await connect(whole.url);
    const { rows } = await db.query<{ table_name: string }>(
      `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    );
    await db.end();
    const placed = [...DISTRIBUTED.map((d) => d.table), ...REFERENCE, ...COORDINATOR_LOCAL];
    expect(new Set(placed).size).toBe(placed.length);
    expect([...placed].sort()).toEqual(rows.map((r) => r.table_name));
  });

  it('names each distributed table\'s primary key, and every unique or exclusion rule it loses', async () => {
    const db = await connect(whole.url);
    for (const { table, key } of DISTRIBUTED) {
      const { rows } = await db.query<{ column: string }>(
        `select a.attname as column from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
         where i.indrelid = $1::regclass and i.indisprimary and array_position(i.indkey::int2[], a.attnum) < i.indnkeyatts -- (0-based) not its INCLUDE columns
         order by array_position(i.indkey::int2[], a.attnum)`,
        [table],
      );
      expect({ table, key: rows.map((r) => r.column) }).toEqual({ table, key });
    }
    const distributed = DISTRIBUTED.map((d) => d.table);
    const { rows: unique } = await db.query<{ table: string; name: string }>(
      `select c.relname as table, i.relname as name from pg_index x join pg_class c on c.oid = x.indrelid join pg_class i on i.oid = x.indexrelid
       where c.relname = any($1) and x.indisunique and not x.indisprimary
       union select conrelid::regclass::text, conname from pg_constraint where contype = 'x' and conrelid::regclass::text = any($1)
       order by 1, 2`,
      [distributed],
    );
    await db.end();
    expect(unique.map((u) => `${u.table}.${u.name}`)).toEqual(UNIQUE_RULES.map((r) => `${r.table}.${r.constraint}`).sort());
  });

  it('finds one province for every distributed row of the demo', async () => {
    const db = await connect(whole.url);
    for (const { table, province } of DISTRIBUTED) {
      const { rows } = await db.query<{ rows: number; without: number }>(
        `select count(*)::int as rows, count(*) filter (where ${province} is null)::int as without from ${table} t`,
      );
      expect({ table, without: rows[0].without }).toEqual({ table, without: 0 });
    }
    await db.end();
    expect(provinces.length).toBeGreaterThanOrEqual(2);
  });

  it('joins rows of one province through every foreign key between distributed tables, but the listed ones', async () => {
    const db = await connect(whole.url);
    const { rows: keys } = await db.query<{ from: string; to: string; column: string; target: string }>(
      `select conrelid::regclass::text as from, confrelid::regclass::text as to, a.attname as column, b.attname as target
       from pg_constraint c
       join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
       join pg_attribute b on b.attrelid = c.confrelid and b.attnum = c.confkey[1]
       where contype = 'f' order by 1, 3`,
    );
    const byTable = new Map(DISTRIBUTED.map((d) => [d.table, d]));
    const between = keys.filter((k) => byTable.has(k.from.replace(/"/g, '')) && byTable.has(k.to.replace(/"/g, '')));
    expect(between.length).toBeGreaterThan(10);
    const crossing: string[] = [];
    for (const key of between) {
      const from = byTable.get(key.from.replace(/"/g, ''))!;
      const to = byTable.get(key.to.replace(/"/g, ''))!;
      const { rows } = await db.query<{ n: number }>(
        `select count(*)::int as n from ${from.table} t join ${to.table} target on target.${key.target} = t.${key.column}
         where ${from.province} is distinct from ${to.province.replace(/\bt\./g, 'target.')}`,
      );
      if (rows[0].n > 0) crossing.push(`${from.table} -> ${to.table}`);
    }
    await db.end();
    const allowed = new Set(CROSS_PROVINCE_KEYS.map((k) => `${k.from} -> ${k.to}`));
    expect(crossing.filter((k) => !allowed.has(k))).toEqual([]);
  });

  it('answers each province\'s questions from its shard alone, as from the whole', async () => {
    const servers: TestServer[] = [];
    const start = (db: TestDatabase) => startServerOn(db.url, {}, async () => undefined).then((s) => (servers.push(s), s));
    try {
      const full = await start(whole);
      const [pkg] = await full.sql<{ id: string }>(`select id from incentive_package order by id limit 1`);
      for (const province of provinces) {
        const shard = await start(shards.get(province)!);
        const hr = await full.token(Role.HR_OFFICER, province);
        const policymaker = await full.token(Role.POLICYMAKER, province);
        const [position] = await full.sql<{ id: string }>(
          `select p.id from position p join org_unit u on u.id = p.unit_id where u.path <@ ?::ltree and exists (select 1 from position_requirement r where r.position_id = p.id) order by p.id limit 1`,
          [province],
        );
        const questions: Array<[string, string, Record<string, unknown>, string]> = [
          [`staffingGap`, `query($code: String!) { staffingGap(unitCode: $code, year: 2026, asOf: "${AS_OF}") { quota filled gap itGap openVacancies unitsWithoutQuota concurrentCoverage children { unit { code } quota filled gap itGap } } }`, {}, hr],
          [`skillGaps`, `query($code: String!) { skillGaps(unitCode: $code, asOf: "${AS_OF}") { competency { code } gap seatsRequiring seatsEmpty seatsHeldBelowLevel seatsOneLevelShort seatsMet peopleWithSkill } }`, {}, hr],
          [`placementFit`, `query($code: String!) { placementFit(unitCode: $code, asOf: "${AS_OF}") { assignmentsEvaluated fullyQualified mismatched fitRate } }`, {}, hr],
          [`recruitmentFunnel`, `query($code: String!) { recruitmentFunnel(unitCode: $code, from: "2023-01-01", to: "2026-12-31") { applications hires internalHires externalHires offers offersAccepted offersDeclined acceptanceRate medianDaysToFill byStage { stage count } declineReasons { reason count } } }`, {}, hr],
          [`turnover`, `query($code: String!) { turnover(unitCode: $code, from: "2023-01-01", to: "2025-12-31") { separations transfersOut averageHeadcount rate itSeparations lostToPrivate byReason { reason count } } }`, {}, hr],
          [`workforceForecast`, `query($code: String!) { workforceForecast(unitCode: $code, years: 5, asOf: "${AS_OF}") { cohort retiringBeforeStart attritionRate years { year startHeadcount retirements otherSeparations endHeadcount quota projectedGap itEndHeadcount } } }`, {}, hr],
          [`placementPlan`, `query($code: String!) { placementPlan(unitCode: $code) { totalScore unplacedVacancies suggestions { score vacancy { id } candidate { id } } } }`, {}, hr],
          [`vacancies`, `query($code: String!) { vacancies(unitCode: $code, first: 100) { totalCount edges { node { id status } } } }`, {}, hr],
          [`positions`, `query($code: String!) { positions(unitCode: $code, first: 100) { totalCount edges { node { id title assignments { kind person { id fullName } } } } } }`, {}, hr],
          [`people`, `query($code: String!) { people(unitCode: $code, first: 100) { totalCount edges { node { id fullName } } } }`, {}, hr],
          [`matchCandidates`, `query($position: ID!) { matchCandidates(positionId: $position, first: 10) { score candidate { id } person { id } missing { level } } }`, { position: toGlobalId('Position', position.id) }, hr],
          [`simulatePolicy`, `query($code: String!, $pkg: ID!) { simulatePolicy(input: { unitCode: $code, asOf: "${AS_OF}", changes: { incentivePackageId: $pkg, monthlyAllowanceDelta: 2000000 } }) { vacanciesConsidered baseline { expectedHires annualIncentiveCost } scenario { expectedHires annualIncentiveCost } } }`, { pkg: toGlobalId('IncentivePackage', pkg.id) }, policymaker],
        ];
        for (const [name, query, variables, token] of questions) {
          const vars = { code: province, ...variables };
          const fromWhole = await full.gql(query, vars, token);
          const fromShard = await shard.gql(query, vars, token);
          expect({ province, name, errors: fromWhole.errors }).toEqual({ province, name, errors: undefined });
          expect({ province, name, answer: fromShard.data }).toEqual({ province, name, answer: fromWhole.data });
        }
      }
      // The top of the tree is the sum of the shards: what the coordinator combines when a
      // national question fans out to every province.
      const adminToken = await full.token(Role.ADMIN);
      const gapOf = async (server: TestServer, code: string) =>
        (await server.gql(`query($code: String!) { staffingGap(unitCode: $code, year: 2026, asOf: "${AS_OF}") { quota filled itGap openVacancies } }`, { code }, adminToken)).data.staffingGap;
      const roots = await full.sql<{ code: string }>(`select code from org_unit where parent_id is null and (valid_to is null or valid_to >= ?::date) order by code`, [AS_OF]);
      const add = (a: Record<string, number>, b: Record<string, number>) => Object.fromEntries(Object.keys(b).map((k) => [k, (a[k] ?? 0) + b[k]]));
      let top: Record<string, number> = {};
      for (const { code } of roots) top = add(top, await gapOf(full, code));
      let fromShards: Record<string, number> = {};
      for (const [index, province] of provinces.entries()) fromShards = add(fromShards, await gapOf(servers[index + 1], province));
      expect(top.quota).toBeGreaterThan(0);
      expect(fromShards).toEqual(top);
    } finally {
      for (const server of servers) await server.close();
    }
  }, 240_000);

  it('prints DDL that places every table', () => {
    const ddl = citusDdl().join(';\n');
    for (const table of REFERENCE) expect(ddl).toContain(`create_reference_table('${table}')`);
    for (const { table } of DISTRIBUTED) expect(ddl).toMatch(new RegExp(`create_distributed_table\\('${table}', 'province'`));
  });
});
