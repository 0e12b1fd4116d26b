import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../src/graphql/enums';
import { toGlobalId } from '../src/graphql/global-id';
import { SqlRunner, sqlRunnerFor } from '../src/db/sql-runner';
import { attritionHistory, cohortGroups } from '../src/modules/forecast/forecast.sql';
import { mulberry32 } from '../src/shared/prng';
import { today } from '../src/shared/today';
import { FORECAST_ROLLUP_MISMATCHES_SQL, FORECAST_SUMMARY_MISMATCHES_SQL } from './helpers/forecast-summary';
import { startTestServer, TestServer } from './helpers/harness';

/**
 * The forecast reads summaries the database keeps beside the assignments (migration 20261205).
 * Here every kind of write they follow, each followed by the summaries against a count from
 * scratch and by forecasts worked out by hand:
 *
 *   S (PROVINCE) ── S.A (WARD): qGen (CIVIL_SERVANT), qIt (CIVIL_SERVANT, IT)
 *                └─ S.B (WARD): qB (CONTRACT)
 *   X (PROVINCE)
 *
 *   k1 man 1970-03-10, qGen since 2020-01-01 (retires 2032)
 *   k2 woman 1980-05-05, qIt 2020-01-01 → 2026-09-30 RESIGNATION: on 2026-06-30, not today's
 *   k3 man born 1975, qB from 2026-09-01: today's, not yet on 2026-06-30
 */
const FORECAST = `query($unit: String!, $asOf: LocalDate, $rate: Float) {
  workforceForecast(unitCode: $unit, years: 1, attritionRate: $rate, asOf: $asOf) {
    cohort retiringBeforeStart attritionRate attritionSource byCategory { category cohort }
  }
}`;

async function insertId(run: SqlRunner, sql: string, params: unknown[]): Promise<string> {
  const [row] = await run<{ id: string }>(`${sql} returning id`, params);
  return String(row.id);
}

describe('the forecast summaries', () => {
  let server: TestServer;
  let admin: string;
  const unit: Record<string, string> = {};
  const position: Record<string, string> = {};
  const person: Record<string, string> = {};

  const forecast = async (code: string, asOf: string, rate: number | null = 0) => {
    const res = await server.gql(FORECAST, { unit: code, asOf, rate }, admin);
    expect(res.errors).toBeUndefined();
    const f = res.data.workforceForecast;
    return { ...f, byCategory: f.byCategory.map((c: any) => [c.category, c.cohort]) };
  };
  const mismatches = async () => (await server.sql<{ cohort: number; spans: number }>(FORECAST_SUMMARY_MISMATCHES_SQL))[0];
  const rollUpMismatches = async () => (await server.sql<{ cohort_below: number; spans_below: number; staged: number }>(FORECAST_ROLLUP_MISMATCHES_SQL))[0];

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.token(Role.ADMIN);
    const run = server.sql;
    for (const [code, kind, parent] of [['S', 'PROVINCE', null], ['S.A', 'WARD', 'S'], ['S.B', 'WARD', 'S'], ['X', 'PROVINCE', null]] as const) {
      unit[code] = await insertId(run, 'insert into org_unit (code, name, kind, parent_id) values (?, ?, ?, ?)', [code, `Đơn vị ${code}`, kind, parent ? unit[parent] : null]);
    }
    for (const [key, code, family, category] of [['qGen', 'S.A', 'GENERAL_ADMINISTRATION', 'CIVIL_SERVANT'], ['qIt', 'S.A', 'SOFTWARE_ENGINEER', 'CIVIL_SERVANT'], ['qB', 'S.B', 'GENERAL_ADMINISTRATION', 'CONTRACT']] as const) {
      position[key] = await insertId(run, `insert into position (unit_id, title, category, role_family, seniority, pay_coefficient, headcount) values (?, ?, ?, ?, 'JUNIOR', 2.34, 5)`, [unit[code], `Vị trí ${key}`, category, family]);
    }
    for (const [key, sex, birthDate, birthYear] of [['k1', 'MALE', '1970-03-10', 1970], ['k2', 'FEMALE', '1980-05-05', 1980], ['k3', 'MALE', null, 1975]] as const) {
      person[key] = await insertId(run, 'insert into person (full_name, sex, birth_date, birth_year, home_unit_id) values (?, ?, ?, ?, ?)', [key, sex, birthDate, birthYear, unit.S]);
    }
    // k1 and k2 in one statement, as a bulk load writes them.
    await run(
      `insert into assignment (person_id, position_id, kind, start_date, end_date, end_reason)
       values (?, ?, 'PRIMARY', '2020-01-01', null, null), (?, ?, 'PRIMARY', '2020-01-01', '2026-09-30', 'RESIGNATION')`,
      [person.k1, position.qGen, person.k2, position.qIt],
    );
    await run(`insert into assignment (person_id, position_id, kind, start_date) values (?, ?, 'PRIMARY', '2026-09-01')`, [person.k3, position.qB]);
    // A CONCURRENT assignment is no one's place in the cohort.
    await run(`insert into assignment (person_id, position_id, kind, start_date) values (?, ?, 'CONCURRENT', '2021-01-01')`, [person.k2, position.qB]);
  });
  afterAll(() => server.close());

  it('counts the cohort on any day, not only today: ends and starts after it are corrected for', async () => {
    expect(await mismatches()).toEqual({ cohort: 0, spans: 0, cohort_members: 2 });
    expect(await rollUpMismatches()).toEqual({ cohort_below: 0, spans_below: 0, staged: 0 });
    expect(await forecast('S', '2026-06-30')).toMatchObject({ cohort: 2, retiringBeforeStart: 0, byCategory: [['CIVIL_SERVANT', 2]] });
    expect(await forecast('S', '2026-10-01')).toMatchObject({ cohort: 2, byCategory: [['CIVIL_SERVANT', 1], ['CONTRACT', 1]] });
    expect(await forecast('S.B', '2026-06-30')).toMatchObject({ cohort: 0, byCategory: [] });
    // Observed over 2024–2026: k2 left in 2026; on 1 January 2024, 2025, 2026 k1 and k2 were in post.
    const observed = await forecast('S', '2027-06-30', null);
    expect(observed.attritionSource).toBe('OBSERVED');
    expect(observed.attritionRate).toBeCloseTo(1 / 6, 12);
  });

  it('follows a position to another unit and into another category', async () => {
    await server.sql(`update position set unit_id = ? where id = ?`, [unit.X, position.qB]);
    await server.sql(`update position set role_family = 'DATA_SCIENTIST', category = 'PUBLIC_EMPLOYEE' where id = ?`, [position.qGen]);
    expect(await mismatches()).toMatchObject({ cohort: 0, spans: 0 });
    expect(await rollUpMismatches()).toEqual({ cohort_below: 0, spans_below: 0, staged: 0 });
    expect(await forecast('S', '2026-10-01')).toMatchObject({ cohort: 1, byCategory: [['PUBLIC_EMPLOYEE', 1]] });
    expect(await forecast('X', '2026-10-01')).toMatchObject({ cohort: 1, byCategory: [['CONTRACT', 1]] });
  });

  it('follows a person whose birth is corrected into another retirement year', async () => {
    // Born January 1960, a man retired on 2020-02-01: before any forecast from 2026.
    await server.sql(`update person set birth_date = '1960-01-01', birth_year = 1960 where id = ?`, [person.k1]);
    expect(await mismatches()).toMatchObject({ cohort: 0, spans: 0 });
    expect(await rollUpMismatches()).toEqual({ cohort_below: 0, spans_below: 0, staged: 0 });
    expect(await forecast('S', '2026-10-01')).toMatchObject({ cohort: 1, retiringBeforeStart: 1 });
  });

  it('follows ended, moved and deleted assignments, and the separations observed from them', async () => {
    // k1 transfers to qB (now in X) at the end of 2026: not a separation, and out of S's headcounts.
    await server.sql(`update assignment set end_date = '2026-12-31', end_reason = 'TRANSFER' where person_id = ? and kind = 'PRIMARY'`, [person.k1]);
    await server.sql(`insert into assignment (person_id, position_id, kind, start_date) values (?, ?, 'PRIMARY', '2027-01-01')`, [person.k1, position.qB]);
    expect(await mismatches()).toMatchObject({ cohort: 0, spans: 0 });
    expect(await rollUpMismatches()).toEqual({ cohort_below: 0, spans_below: 0, staged: 0 });
    // Over 2025–2027: k2's resignation; 1 January 2025 and 2026 had k1 and k2, 2027 nobody.
    const observed = await forecast('S', '2028-06-30', null);
    expect(observed).toMatchObject({ cohort: 0, attritionSource: 'OBSERVED' });
    expect(observed.attritionRate).toBeCloseTo(1 / 4, 12);
    expect(await forecast('X', '2027-06-30')).toMatchObject({ cohort: 2, byCategory: [['CONTRACT', 2]] });

    // k3's assignment moves to qIt, back in S; then it is deleted as recorded in error.
    await server.sql(`update assignment set position_id = ? where person_id = ? and kind = 'PRIMARY'`, [position.qIt, person.k3]);
    expect(await mismatches()).toMatchObject({ cohort: 0, spans: 0 });
    expect(await rollUpMismatches()).toEqual({ cohort_below: 0, spans_below: 0, staged: 0 });
    expect(await forecast('S', '2027-06-30')).toMatchObject({ cohort: 1, byCategory: [['CIVIL_SERVANT', 1]] });
    await server.sql(`delete from assignment where person_id = ? and kind = 'PRIMARY'`, [person.k3]);
    expect(await mismatches()).toEqual({ cohort: 0, spans: 0, cohort_members: 1 });
    expect(await rollUpMismatches()).toEqual({ cohort_below: 0, spans_below: 0, staged: 0 });
    expect(await forecast('S', '2027-06-30')).toMatchObject({ cohort: 0, byCategory: [] });
  });
  it('caps observed attrition at 1: more separations than January headcounts make no negative retirements', async () => {
    // Z, one post. On 2026-06-30 (Y0 = 2026, observed over 2023–2025) the cohort is z1 (born
    // 1990, retires in 2052) and z2 (a man born 1966-06-15: retirementDate 2028-07-01, a
    // retirement of 2028). z3, z4, z5 resigned in 2023, 2024, 2025; only z3 was in post on a
    // 1 January of the window (2023). Separations 3 over January headcounts 1: the ratio is 3,
    // and with a = 3 the weight (1 - a)^(k-1) of 2028 is -2, so 2028 would retire -2 people.
    // A yearly share of leavers cannot exceed the whole, so a = 1: everyone left in service
    // leaves in 2027, and nobody is left to retire in 2028.
    unit.Z = await insertId(server.sql, `insert into org_unit (code, name, kind) values ('Z', 'Đơn vị Z', 'PROVINCE')`, []);
    const post = await insertId(server.sql, `insert into position (unit_id, title, category, role_family, seniority, pay_coefficient, headcount) values (?, 'Vị trí Z', 'CIVIL_SERVANT', 'GENERAL_ADMINISTRATION', 'JUNIOR', 2.34, 9)`, [unit.Z]);
    for (const [name, birth, start, end] of [
      ['z1', '1990-01-15', '2025-02-01', null],
      ['z2', '1966-06-15', '2025-06-01', null],
      ['z3', '1985-03-03', '2022-06-01', '2023-03-31'],
      ['z4', '1988-04-04', '2024-02-01', '2024-10-31'],
      ['z5', '1992-05-05', '2025-03-01', '2025-08-31'],
    ] as const) {
      const id = await insertId(server.sql, `insert into person (full_name, sex, birth_date, birth_year) values (?, 'MALE', ?, ?)`, [name, birth, Number(birth.slice(0, 4))]);
      await server.sql(`insert into assignment (person_id, position_id, kind, start_date, end_date, end_reason) values (?, ?, 'PRIMARY', ?, ?, ?)`, [id, post, start, end, end ? 'RESIGNATION' : null]);
    }
    const res = await server.gql(
      `query { workforceForecast(unitCode: "Z", years: 2, asOf: "2026-06-30") {
         cohort attritionRate attritionSource years { year startHeadcount retirements otherSeparations endHeadcount endHeadcountLow endHeadcountHigh }
       } }`,
      {},
      admin,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.workforceForecast).toEqual({
      cohort: 2,
      attritionRate: 1,
      attritionSource: 'OBSERVED',
      years: [
        // 2027, k = 1, weight 1: both in service, nobody retires, (2 - 0) × 1 leave otherwise.
        { year: 2027, startHeadcount: 2, retirements: 0, otherSeparations: 2, endHeadcount: 0, endHeadcountLow: 0, endHeadcountHigh: 0 },
        // 2028, k = 2, weight 0: z2's retirement weighs nothing.
        { year: 2028, startHeadcount: 0, retirements: 0, otherSeparations: 0, endHeadcount: 0, endHeadcountLow: 0, endHeadcountHigh: 0 },
      ],
    });
  });

  it('applies the roll-up at commit: two writers taking the same ancestor rows in opposite orders do not deadlock', async () => {
    // Four wards under D, each with a CIVIL_SERVANT and a PUBLIC_EMPLOYEE post; four men born
    // alike, so all four fall in one retirement year. Each writer writes in two wards of its own
    // (per-unit rows and locks apart), but into the same two rows of D's roll-up, in opposite
    // orders: locked statement by statement, that is a deadlock.
    for (const [code, parent] of [['D', null], ['D.A', 'D'], ['D.B', 'D'], ['D.C', 'D'], ['D.D', 'D']] as const) {
      unit[code] = await insertId(server.sql, 'insert into org_unit (code, name, kind, parent_id) values (?, ?, ?, ?)', [code, `Đơn vị ${code}`, 'WARD', parent ? unit[parent] : null]);
    }
    const post: Record<string, string> = {};
    for (const code of ['D.A', 'D.B', 'D.C', 'D.D']) {
      for (const category of ['CIVIL_SERVANT', 'PUBLIC_EMPLOYEE']) {
        post[`${code} ${category}`] = await insertId(server.sql, `insert into position (unit_id, title, category, role_family, seniority, pay_coefficient, headcount) values (?, 'Vị trí', ?, 'GENERAL_ADMINISTRATION', 'JUNIOR', 2.34, 5)`, [unit[code], category]);
      }
    }
    const men: string[] = [];
    for (let i = 0; i < 4; i++) men.push(await insertId(server.sql, `insert into person (full_name, sex, birth_date, birth_year) values (?, 'MALE', '1985-05-05', 1985)`, [`d${i}`]));
    const assign = (run: SqlRunner, person: string, position: string, start: string) =>
      run(`insert into assignment (person_id, position_id, kind, start_date) values (?, ?, 'PRIMARY', ?)`, [person, position, start]);

    let firstDone!: () => void;
    let secondDone!: () => void;
    const firstWrote = new Promise<void>((resolve) => (firstDone = resolve));
    const secondWrote = new Promise<void>((resolve) => (secondDone = resolve));
    // Different start years keep the writers' span rows apart too. A lock wait in a writer's
    // statements would be a defect: the lock timeout turns it into an error instead of a hang.
    const writer = (steps: (run: SqlRunner) => Promise<void>) =>
      server.orm.em.fork().transactional(async (tx) => {
        const run = sqlRunnerFor(tx as EntityManager);
        await run(`set local lock_timeout = '20s'`);
        await steps(run);
      });
    const first = writer(async (run) => {
      await assign(run, men[0], post['D.A CIVIL_SERVANT'], '2021-03-01');
      firstDone();
      await secondWrote;
      await assign(run, men[1], post['D.B PUBLIC_EMPLOYEE'], '2021-03-01');
    });
    const second = writer(async (run) => {
      await firstWrote;
      await assign(run, men[2], post['D.C PUBLIC_EMPLOYEE'], '2022-03-01');
      secondDone();
      await assign(run, men[3], post['D.D CIVIL_SERVANT'], '2022-03-01');
    });
    await Promise.all([first, second]);
    expect(await rollUpMismatches()).toEqual({ cohort_below: 0, spans_below: 0, staged: 0 });
    expect(await forecast('D', '2026-10-01')).toMatchObject({ cohort: 4, byCategory: [['CIVIL_SERVANT', 2], ['PUBLIC_EMPLOYEE', 2]] });
  });

  it('counts a writer still in flight when a subtree moves: the move waits for its commit', async () => {
    // A writer adds a seat under L.A and has not committed when L.A is recoded under M. Counted
    // at once, the move would take L.A's committed counts from L to M, and the writer's commit
    // would then add its seat to L (its ancestor when it wrote) and never to M.
    for (const [code, parent] of [['L', null], ['L.A', 'L'], ['M', null]] as const) {
      unit[code] = await insertId(server.sql, 'insert into org_unit (code, name, kind, parent_id) values (?, ?, ?, ?)', [code, `Đơn vị ${code}`, parent ? 'WARD' : 'PROVINCE', parent ? unit[parent] : null]);
    }
    const seat = await insertId(server.sql, `insert into position (unit_id, title, category, role_family, seniority, pay_coefficient, headcount) values (?, 'Vị trí', 'CIVIL_SERVANT', 'GENERAL_ADMINISTRATION', 'JUNIOR', 2.34, 5)`, [unit['L.A']]);
    const [held, joining] = [
      await insertId(server.sql, `insert into person (full_name, sex, birth_date, birth_year) values ('l0', 'FEMALE', '1990-02-02', 1990)`, []),
      await insertId(server.sql, `insert into person (full_name, sex, birth_date, birth_year) values ('l1', 'MALE', '1980-08-08', 1980)`, []),
    ];
    await server.sql(`insert into assignment (person_id, position_id, kind, start_date) values (?, ?, 'PRIMARY', '2020-01-01')`, [held, seat]);

    let wrote!: () => void;
    const writerWrote = new Promise<void>((resolve) => (wrote = resolve));
    let movePid = 0;
    const moveDone = { value: false };
    const writer = server.orm.em.fork().transactional(async (tx) => {
      const run = sqlRunnerFor(tx as EntityManager);
      await run(`insert into assignment (person_id, position_id, kind, start_date) values (?, ?, 'PRIMARY', '2024-05-01')`, [joining, seat]);
      wrote();
      // Commit only once the move has either finished or is waiting for this transaction.
      for (;;) {
        if (moveDone.value) break;
        if (movePid) {
          const [w] = await server.sql<{ waiting: boolean }>(`select coalesce(bool_or(wait_event_type = 'Lock'), false) as waiting from pg_stat_activity where pid = ?`, [movePid]);
          if (w.waiting) break;
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    });
    await writerWrote;
    const move = server.orm.em.fork().transactional(async (tx) => {
      const run = sqlRunnerFor(tx as EntityManager);
      movePid = (await run<{ pid: number }>('select pg_backend_pid() as pid'))[0].pid;
      await run(`update org_unit set code = 'M.A' || substr(code, length('L.A') + 1) where path <@ 'L.A'::ltree`);
    }).finally(() => (moveDone.value = true));
    await Promise.all([writer, move]);
    expect(await rollUpMismatches()).toEqual({ cohort_below: 0, spans_below: 0, staged: 0 });
    expect(await forecast('M', '2026-10-01')).toMatchObject({ cohort: 2 });
    expect(await forecast('L', '2026-10-01')).toMatchObject({ cohort: 0 });
  });

  /*
   * The roll-ups up the tree (migration 20261206), replayed: a fixed, seeded sequence of random
   * writes (direct SQL for volume, GraphQL mutations with an ADMIN token for some, several in
   * one transaction, some rolled back), including the tree's own changes: units created at the
   * bottom and above existing ones, recoded alone and with their subtree, deleted, ended and
   * reopened, and reorganisations. At checkpoints the summaries and their roll-ups equal counts
   * from scratch, nothing stays staged, and for every unit on dates around today the forecast's
   * two readers equal their definition counted from the assignments.
   */
  const WRITES = 720;
  const CHECK_EVERY = 240;
  const GRAPHQL_EVERY = 8;
  const SEED = 20261206;

  /** cohortGroups / attritionHistory from their definition: the assignments, the scope written out. */
  async function fromScratch(rootId: string, asOf: string) {
    const scope = `select u.id from org_unit root join org_unit u on u.path <@ root.path
                    where root.id = ?1 and (u.id = root.id or ((u.valid_from is null or u.valid_from <= ?2::date) and (u.valid_to is null or u.valid_to >= ?2::date)))`;
    const bind = (sql: string, values: Record<string, unknown>) => {
      const params: unknown[] = [];
      return { text: sql.replace(/\?(\d)/g, (_, n) => (params.push(values[n]), '?')), params };
    };
    const year = Number(asOf.slice(0, 4));
    const cohort = bind(
      `select p.category, p.is_it_specialist, forecast_retirement_year(pe.sex, pe.birth_date, pe.birth_year) as retirement_year, count(*)::int as members
         from assignment a join position p on p.id = a.position_id join person pe on pe.id = a.person_id
        where a.kind = 'PRIMARY' and a.start_date <= ?2::date and (a.end_date is null or a.end_date >= ?2::date) and p.unit_id in (${scope})
        group by 1, 2, 3`,
      { 1: rootId, 2: asOf },
    );
    const history = bind(
      `select (select count(*) from assignment a join position p on p.id = a.position_id
                where a.kind = 'PRIMARY' and p.unit_id in (${scope}) and a.end_date between make_date(?3, 1, 1) and make_date(?4, 12, 31)
                  and (a.end_reason is null or a.end_reason not in ('TRANSFER', 'REORGANISATION')))::int as separations,
              (select count(*) from assignment a join position p on p.id = a.position_id
                 cross join generate_series(?3, ?4) y
                where a.kind = 'PRIMARY' and p.unit_id in (${scope})
                  and a.start_date <= make_date(y, 1, 1) and (a.end_date is null or a.end_date >= make_date(y, 1, 1)))::int as january_headcounts`,
      { 1: rootId, 2: asOf, 3: year - 3, 4: year - 1 },
    );
    const groups = await server.sql<{ category: string; is_it_specialist: boolean; retirement_year: number | null; members: number }>(cohort.text, cohort.params);
    const [h] = await server.sql<{ separations: number; january_headcounts: number }>(history.text, history.params);
    return {
      cohort: groups.map((r) => ({ category: r.category, isItSpecialist: r.is_it_specialist, retirementYear: r.retirement_year, members: r.members })),
      history: { separations: h.separations, januaryHeadcounts: h.january_headcounts },
    };
  }

  it('keeps the roll-ups up the tree through random writes, reorganisations and recodings, and reads every unit on every day as from scratch', async () => {
    const random = mulberry32(SEED);
    const pick = <T,>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
    const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
    const day0 = today();
    const addDays = (date: string, days: number) => {
      const d = new Date(`${date}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() + days);
      return d.toISOString().slice(0, 10);
    };
    const someDay = () => addDays(day0, int(-1500, 400));
    const ids = async (sql: string) => (await server.sql<{ id: string }>(sql)).map((r) => String(r.id));
    const units = await ids('select id from org_unit order by id');
    const positions = await ids('select id from position order by id');
    await server.sql(
      `insert into person (full_name, sex, birth_date, birth_year, home_unit_id)
       select 'Người thử ' || i, case when i % 3 = 0 then 'FEMALE' when i % 7 = 0 then null else 'MALE' end,
              case when i % 5 = 0 then null else make_date(1962 + i % 40, 1 + i % 12, 1 + i % 28) end, 1962 + i % 40, ?
         from generate_series(1, 50) i`,
      [unit.S],
    );
    const people = await ids('select id from person order by id');
    await server.sql(
      `insert into establishment_quota (unit_id, year, category, headcount)
       select u.id, y, c, 1000 from org_unit u, generate_series(2020, 2030) y, unnest(?::text[]) c on conflict do nothing`,
      [['CIVIL_SERVANT', 'PUBLIC_EMPLOYEE', 'CONTRACT']],
    );
    const assignments = await ids('select id from assignment order by id');
    const done = { writes: 0, refused: 0, rolledBack: 0, graphql: 0, graphqlRefused: 0 };
    const categories = ['CIVIL_SERVANT', 'PUBLIC_EMPLOYEE', 'CONTRACT'];
    const families = ['GENERAL_ADMINISTRATION', 'SOFTWARE_ENGINEER'];

    /** One random write on `run`; false when the database refused it (nothing written). */
    async function sqlWrite(run: SqlRunner, inTransaction: boolean): Promise<void> {
      const date = someDay();
      const attempt = async (sql: string, params: unknown[]) => {
        if (inTransaction) return run<{ id?: string }>(sql, params); // a refusal rolls the whole transaction back
        try {
          const rows = await run<{ id?: string }>(sql, params);
          done.writes++;
          return rows;
        } catch {
          done.refused++;
          return [];
        }
      };
      switch (int(0, 17)) {
        case 0:
        case 1:
        case 2: {
          const end = random() < 0.4 ? addDays(date, int(0, 900)) : null;
          const reason = end ? pick(['RETIREMENT', 'RESIGNATION', 'TRANSFER', 'REORGANISATION', null]) : null;
          const [row] = await attempt('insert into assignment (person_id, position_id, kind, start_date, end_date, end_reason) values (?, ?, ?, ?, ?, ?) returning id::text', [
            pick(people), pick(positions), random() < 0.85 ? 'PRIMARY' : 'CONCURRENT', date, end, reason,
          ]);
          if (row?.id) assignments.push(row.id);
          return;
        }
        case 3:
          await attempt(`update assignment set end_date = greatest(start_date, ?::date), end_reason = ? where id = ? and end_date is null`, [date, pick(['RESIGNATION', 'TRANSFER', null]), pick(assignments)]);
          return;
        case 4:
          await attempt('update assignment set end_date = null, end_reason = null where id = ?', [pick(assignments)]);
          return;
        case 5:
          await attempt('update assignment set position_id = ? where id = ?', [pick(positions), pick(assignments)]);
          return;
        case 6:
          await attempt('delete from assignment where id = ? and not exists (select 1 from vacancy where filled_by_assignment_id = assignment.id)', [pick(assignments)]);
          return;
        case 7:
          await attempt('update position set unit_id = ? where id = ?', [pick(units), pick(positions)]);
          return;
        case 8:
          await attempt('update position set category = ?, role_family = ? where id = ?', [pick(categories), pick(families), pick(positions)]);
          return;
        case 9: {
          const [row] = await attempt(
            `insert into position (unit_id, title, category, role_family, seniority, pay_coefficient, headcount) values (?, 'Replay', ?, ?, 'MID', 3.0, 9) returning id::text`,
            [pick(units), pick(categories), pick(families)],
          );
          if (row?.id) positions.push(row.id);
          return;
        }
        case 10:
          await attempt('update person set sex = ?, birth_date = ?, birth_year = ? where id = ?', [pick(['MALE', 'FEMALE', null]), random() < 0.3 ? null : `${int(1960, 2000)}-0${int(1, 9)}-15`, int(1960, 2000), pick(people)]);
          return;
        case 11:
          await attempt('update org_unit set valid_to = ? where id = ?', [random() < 0.5 ? null : date, pick(units)]);
          return;
        case 12:
          await attempt('update org_unit set valid_from = ? where id = ?', [random() < 0.5 ? null : addDays(day0, -int(30, 1500)), pick(units)]);
          return;
        case 13: {
          // A unit at the bottom, or two levels down with the level between missing (filled by case 14).
          const skip = random() < 0.4;
          const [row] = await attempt(
            `insert into org_unit (code, name, kind, parent_id, valid_from) select code || ? , 'Replay', 'WARD', id, ? from org_unit where id = ? returning id::text`,
            [skip ? `.G${units.length}.H${units.length}` : `.R${units.length}`, random() < 0.5 ? null : date, pick(units)],
          );
          if (row?.id) units.push(row.id);
          return;
        }
        case 14: {
          // The missing level above a unit: inserted above units that already hold counts.
          const rows = await attempt(
            `insert into org_unit (code, name, kind) select distinct ltree2text(subpath(u.path, 0, nlevel(u.path) - 1)), 'Replay', 'DISTRICT' from org_unit u
              where nlevel(u.path) > 1 and not exists (select 1 from org_unit x where x.path = subpath(u.path, 0, nlevel(u.path) - 1)) returning id::text`,
            [],
          );
          units.push(...rows.map((r) => r.id!));
          return;
        }
        case 15: {
          // A unit recoded with its subtree (one statement, every path below changes), or alone.
          const [target] = await run<{ code: string }>('select code from org_unit where id = ?', [pick(units)]);
          const [under] = await run<{ code: string }>('select code from org_unit where id = ?', [pick(units)]);
          if (!target || !under) return; // created in a transaction rolled back
          const code = `${under.code}.K${int(0, 9999)}`;
          if (random() < 0.6) {
            await attempt(`update org_unit set code = ? || substr(code, length(?) + 1) where path <@ ?::ltree and not (?::ltree <@ path)`, [code, target.code, target.code, under.code]);
          } else {
            await attempt(`update org_unit set code = ? where code = ?`, [code, target.code]);
          }
          return;
        }
        case 16: {
          const [gone] = await attempt('delete from org_unit where id = ? returning id::text', [pick(units.slice(4))]);
          if (gone?.id && !inTransaction) units.splice(units.indexOf(gone.id), 1);
          return;
        }
        default:
          await attempt('update org_unit set name = name where id = ?', [pick(units)]);
      }
    }

    async function graphqlWrite(): Promise<void> {
      // Near today, where the commands' own rules (open units, quotas, one PRIMARY) let most through.
      const date = addDays(day0, int(-60, 60));
      const mutation = async (name: string, input: Record<string, unknown>, extra = '') => {
        const res = await server.gql(`mutation($input: ${name[0].toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { userErrors { code } ${extra} } }`, { input }, admin);
        // A random code may be refused as bad input; anything else is a defect.
        expect((res.errors ?? []).filter((e: any) => e.extensions?.code !== 'BAD_USER_INPUT')).toEqual([]);
        const payload = res.data?.[name] ?? { userErrors: res.errors };
        if (payload.userErrors.length) done.graphqlRefused++;
        else done.graphql++;
        return payload;
      };
      switch (int(0, 4)) {
        case 0:
          await mutation('assignPerson', { personId: toGlobalId('Person', pick(people)), positionId: toGlobalId('Position', pick(positions)), kind: 'PRIMARY', startDate: date });
          return;
        case 1:
          await mutation('endAssignment', { assignmentId: toGlobalId('Assignment', pick(assignments)), endDate: date, reason: 'RESIGNATION' });
          return;
        case 2:
          await mutation('transferPerson', { personId: toGlobalId('Person', pick(people)), toPositionId: toGlobalId('Position', pick(positions)), effectiveOn: date });
          return;
        default: {
          const open = await server.sql<{ code: string; parent: string }>(
            `select u.code, p.code as parent from org_unit u join org_unit p on p.id = u.parent_id
              where u.valid_to is null and u.valid_from is null and p.valid_to is null and p.valid_from is null order by u.id`,
          );
          if (!open.length) return;
          const merged = pick(open);
          const parent = merged.parent;
          const payload = await mutation('reorganizeUnits', {
            newUnit: { code: `${parent}.M${units.length}`, name: 'Đơn vị sau sáp nhập', kind: 'WARD', parentCode: parent },
            mergedUnitCodes: [merged.code],
            effectiveOn: date,
          });
          if (!payload.userErrors.length) {
            units.splice(0, units.length, ...(await ids('select id from org_unit order by id')));
            positions.splice(0, positions.length, ...(await ids('select id from position order by id')));
          }
        }
      }
    }

    const checkpoint = async () => {
      expect(await mismatches()).toMatchObject({ cohort: 0, spans: 0 });
      expect(await rollUpMismatches()).toEqual({ cohort_below: 0, spans_below: 0, staged: 0 });
      const problems: string[] = [];
      const all = await ids('select id from org_unit order by id');
      for (const asOf of [addDays(day0, -800), addDays(day0, -30), day0, addDays(day0, 250)]) {
        for (const id of all) {
          const expected = await fromScratch(id, asOf);
          const cohort = await cohortGroups(server.sql, id, asOf);
          const history = await attritionHistory(server.sql, id, asOf, Number(asOf.slice(0, 4)));
          const sorted = (groups: unknown[]) => groups.map((g) => JSON.stringify(g)).sort();
          if (JSON.stringify(sorted(cohort)) !== JSON.stringify(sorted(expected.cohort))) problems.push(`cohort of unit ${id} on ${asOf}`);
          if (JSON.stringify(history) !== JSON.stringify(expected.history)) problems.push(`history of unit ${id} on ${asOf}: ${JSON.stringify(history)} ≠ ${JSON.stringify(expected.history)}`);
        }
      }
      expect(problems).toEqual([]);
    };

    for (let i = 1; i <= WRITES; i++) {
      if (i % GRAPHQL_EVERY === 0) await graphqlWrite();
      else if (i % 10 === 3) {
        // Several writes in one transaction (the staged changes meet at its commit); one in
        // three is rolled back at the end, leaving nothing behind.
        const rollBack = random() < 1 / 3;
        const writes = int(2, 4);
        try {
          await server.orm.em.fork().transactional(async (tx) => {
            const run = sqlRunnerFor(tx as EntityManager);
            for (let w = 0; w < writes; w++) await sqlWrite(run, true);
            if (rollBack) throw new Error('rolled back');
          });
          done.writes += writes;
        } catch {
          done.rolledBack++;
        }
      } else await sqlWrite(server.sql, false);
      if (i % CHECK_EVERY === 0) await checkpoint();
    }
    // The replay did what it says: most writes went through, some were refused or rolled back,
    // the tree grew, and the cohort is neither empty nor trivial.
    expect(done.writes).toBeGreaterThan(WRITES / 2);
    expect(done.refused + done.rolledBack).toBeGreaterThan(10);
    expect(done.graphql).toBeGreaterThan(10);
    const [tree] = await server.sql<{ units: number; deep: number; rolled: number }>(
      `select count(*)::int as units, count(*) filter (where nlevel(path) >= 4)::int as deep,
              (select count(distinct unit_id) from forecast_cohort_below where members <> 0)::int as rolled from org_unit`,
    );
    expect(tree.units).toBeGreaterThan(30);
    expect(tree.deep).toBeGreaterThan(5);
    expect(tree.rolled).toBeGreaterThan(5);
  }, 600_000);

  it('catches a roll-up that drifts', async () => {
    await server.sql(`update forecast_cohort_below set members = members + 1 where ctid = (select ctid from forecast_cohort_below where members <> 0 limit 1)`);
    expect((await rollUpMismatches()).cohort_below).toBeGreaterThan(0);
  });
});
