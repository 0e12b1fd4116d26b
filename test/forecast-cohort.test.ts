import { Role } from '../src/graphql/enums';
import type { SqlRunner } from '../src/db/sql-runner';
import { FORECAST_SUMMARY_MISMATCHES_SQL } from './helpers/forecast-summary';
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
    expect(await forecast('S', '2026-10-01')).toMatchObject({ cohort: 1, byCategory: [['PUBLIC_EMPLOYEE', 1]] });
    expect(await forecast('X', '2026-10-01')).toMatchObject({ cohort: 1, byCategory: [['CONTRACT', 1]] });
  });

  it('follows a person whose birth is corrected into another retirement year', async () => {
    // Born January 1960, a man retired on 2020-02-01: before any forecast from 2026.
    await server.sql(`update person set birth_date = '1960-01-01', birth_year = 1960 where id = ?`, [person.k1]);
    expect(await mismatches()).toMatchObject({ cohort: 0, spans: 0 });
    expect(await forecast('S', '2026-10-01')).toMatchObject({ cohort: 1, retiringBeforeStart: 1 });
  });

  it('follows ended, moved and deleted assignments, and the separations observed from them', async () => {
    // k1 transfers to qB (now in X) at the end of 2026: not a separation, and out of S's headcounts.
    await server.sql(`update assignment set end_date = '2026-12-31', end_reason = 'TRANSFER' where person_id = ? and kind = 'PRIMARY'`, [person.k1]);
    await server.sql(`insert into assignment (person_id, position_id, kind, start_date) values (?, ?, 'PRIMARY', '2027-01-01')`, [person.k1, position.qB]);
    expect(await mismatches()).toMatchObject({ cohort: 0, spans: 0 });
    // Over 2025–2027: k2's resignation; 1 January 2025 and 2026 had k1 and k2, 2027 nobody.
    const observed = await forecast('S', '2028-06-30', null);
    expect(observed).toMatchObject({ cohort: 0, attritionSource: 'OBSERVED' });
    expect(observed.attritionRate).toBeCloseTo(1 / 4, 12);
    expect(await forecast('X', '2027-06-30')).toMatchObject({ cohort: 2, byCategory: [['CONTRACT', 2]] });

    // k3's assignment moves to qIt, back in S; then it is deleted as recorded in error.
    await server.sql(`update assignment set position_id = ? where person_id = ? and kind = 'PRIMARY'`, [position.qIt, person.k3]);
    expect(await mismatches()).toMatchObject({ cohort: 0, spans: 0 });
    expect(await forecast('S', '2027-06-30')).toMatchObject({ cohort: 1, byCategory: [['CIVIL_SERVANT', 1]] });
    await server.sql(`delete from assignment where person_id = ? and kind = 'PRIMARY'`, [person.k3]);
    expect(await mismatches()).toEqual({ cohort: 0, spans: 0, cohort_members: 1 });
    expect(await forecast('S', '2027-06-30')).toMatchObject({ cohort: 0, byCategory: [] });
  });
});
