import { seedIfEmpty } from '../src/app/seed';
import { Role } from '../src/graphql/enums';
import { createLogger } from '../src/logger';
import type { SqlRunner } from '../src/db/sql-runner';
import { errorCode, startTestServer, TestServer } from './helpers/harness';

/**
 * turnover and workforceForecast through GraphQL, on a world small enough to work out by hand.
 *
 *   T (PROVINCE) ── T.A (WARD): pIt (IT, CS, 5 seats), pGen (CS, 5 seats); quota CS 2026: 6, 2027: 5
 *                └─ T.B (WARD): pB (CONTRACT, 5 seats); quota CONTRACT 2026: 3
 *   OUT (PROVINCE) ─ pOut
 *
 * The cohort on 2026-06-30 (all PRIMARY since 2020-01-01):
 *   c1 man 1964-03-15, pGen  retires 2025-07-01 (before the forecast: retiringBeforeStart)
 *   c2 man 1966-01-01, pIt   retires 2027-11-01
 *   c3 woman 1970-01-15, pGen retires 2027-06-01
 *   c4 woman 1990-05-05, pIt  retires 2050-06-01
 *   c5 no sex, born 1980, pB  no retirement date
 *   c6 man born 1967 (year only: July), pB  retires 2029-08-01
 * Who left (all on T's posts):
 *   l7  pGen 2020-01-01 → 2024-05-31 RESIGNATION, to PRIVATE
 *   l8  pIt  2021-01-01 → 2025-03-31 RESIGNATION, to PRIVATE
 *   l9  pB   2022-01-01 → 2023-12-31 TRANSFER, next PRIMARY on pOut (out of scope) from 2024-01-01
 *   l10 pGen 2019-01-01 → 2025-06-30 REORGANISATION
 *   l11 pB   2023-02-01 → 2024-12-31, no reason recorded
 *   l12 pGen 2020-01-01 → 2024-06-30 TRANSFER, next PRIMARY on pB 2024-07-01 → 2026-01-31 RETIREMENT
 */
async function insertId(run: SqlRunner, sql: string, params: unknown[]): Promise<string> {
  const [row] = await run<{ id: string }>(`${sql} returning id`, params);
  return String(row.id);
}

async function buildForecastWorld(run: SqlRunner) {
  const unit: Record<string, string> = {};
  for (const [code, kind, parent] of [['T', 'PROVINCE', null], ['T.A', 'WARD', 'T'], ['T.B', 'WARD', 'T'], ['OUT', 'PROVINCE', null]] as const) {
    unit[code] = await insertId(run, 'insert into org_unit (code, name, kind, parent_id) values (?, ?, ?, ?)', [code, `Đơn vị ${code}`, kind, parent ? unit[parent] : null]);
  }
  for (const [code, year, category, headcount] of [['T.A', 2026, 'CIVIL_SERVANT', 6], ['T.A', 2027, 'CIVIL_SERVANT', 5], ['T.B', 2026, 'CONTRACT', 3]] as const) {
    await run('insert into establishment_quota (unit_id, year, category, headcount) values (?, ?, ?, ?)', [unit[code], year, category, headcount]);
  }
  const position: Record<string, string> = {};
  for (const [key, code, family, category] of [['pIt', 'T.A', 'SOFTWARE_ENGINEER', 'CIVIL_SERVANT'], ['pGen', 'T.A', 'GENERAL_ADMINISTRATION', 'CIVIL_SERVANT'], ['pB', 'T.B', 'GENERAL_ADMINISTRATION', 'CONTRACT'], ['pOut', 'OUT', 'GENERAL_ADMINISTRATION', 'CIVIL_SERVANT']] as const) {
    position[key] = await insertId(run, `insert into position (unit_id, title, category, role_family, seniority, pay_coefficient, headcount) values (?, ?, ?, ?, 'JUNIOR', 2.34, 5)`, [unit[code], `Vị trí ${key}`, category, family]);
  }
  const person = async (name: string, sex: string | null, birthDate: string | null, birthYear: number | null) =>
    insertId(run, 'insert into person (full_name, sex, birth_date, birth_year, home_unit_id) values (?, ?, ?, ?, ?)', [name, sex, birthDate, birthYear ?? (birthDate ? Number(birthDate.slice(0, 4)) : null), unit.T]);
  const assign = (personId: string, key: string, start: string, end: string | null = null, reason: string | null = null, sector: string | null = null) =>
    run(`insert into assignment (person_id, position_id, kind, start_date, end_date, end_reason, destination_sector) values (?, ?, 'PRIMARY', ?, ?, ?, ?)`, [personId, position[key], start, end, reason, sector]);
  await assign(await person('c1', 'MALE', '1964-03-15', null), 'pGen', '2020-01-01');
  await assign(await person('c2', 'MALE', '1966-01-01', null), 'pIt', '2020-01-01');
  await assign(await person('c3', 'FEMALE', '1970-01-15', null), 'pGen', '2020-01-01');
  await assign(await person('c4', 'FEMALE', '1990-05-05', null), 'pIt', '2020-01-01');
  await assign(await person('c5', null, null, 1980), 'pB', '2020-01-01');
  await assign(await person('c6', 'MALE', null, 1967), 'pB', '2020-01-01');
  await assign(await person('l7', 'FEMALE', '1985-01-01', null), 'pGen', '2020-01-01', '2024-05-31', 'RESIGNATION', 'PRIVATE');
  await assign(await person('l8', 'MALE', '1990-01-01', null), 'pIt', '2021-01-01', '2025-03-31', 'RESIGNATION', 'PRIVATE');
  const l9 = await person('l9', 'MALE', '1988-01-01', null);
  await assign(l9, 'pB', '2022-01-01', '2023-12-31', 'TRANSFER');
  await assign(l9, 'pOut', '2024-01-01');
  await assign(await person('l10', 'FEMALE', '1975-01-01', null), 'pGen', '2019-01-01', '2025-06-30', 'REORGANISATION');
  await assign(await person('l11', 'MALE', '1995-01-01', null), 'pB', '2023-02-01', '2024-12-31');
  const l12 = await person('l12', 'FEMALE', '1966-02-01', null);
  await assign(l12, 'pGen', '2020-01-01', '2024-06-30', 'TRANSFER');
  await assign(l12, 'pB', '2024-07-01', '2026-01-31', 'RETIREMENT');
}

const FORECAST = `query($unit: String!, $years: Int, $rate: Float, $asOf: LocalDate) {
  workforceForecast(unitCode: $unit, years: $years, attritionRate: $rate, asOf: $asOf) {
    asOf attritionRate attritionSource cohort retiringBeforeStart
    years { year startHeadcount retirements otherSeparations endHeadcount endHeadcountLow endHeadcountHigh quota quotaCarriedForward projectedGap itRetirements itEndHeadcount }
    byCategory { category cohort years { year endHeadcount quota quotaCarriedForward } }
  }
}`;
const TURNOVER = `query($unit: String!, $from: LocalDate!, $to: LocalDate!) {
  turnover(unitCode: $unit, from: $from, to: $to) { unit { code } from to separations byReason { reason count } transfersOut averageHeadcount rate itSeparations lostToPrivate }
}`;

describe('turnover and the workforce forecast', () => {
  let server: TestServer;
  let admin: string;
  beforeAll(async () => {
    server = await startTestServer();
    await buildForecastWorld(server.sql);
    admin = await server.token(Role.ADMIN);
  });
  afterAll(() => server.close());

  it('forecasts each year as the contract says, with a given attrition rate', async () => {
    const res = await server.gql(FORECAST, { unit: 'T', years: 3, rate: 0.1, asOf: '2026-06-30' }, admin);
    expect(res.errors).toBeUndefined();
    const f = res.data.workforceForecast;
    expect(f).toMatchObject({ asOf: '2026-06-30', attritionRate: 0.1, attritionSource: 'GIVEN', cohort: 6, retiringBeforeStart: 1 });
    const [y27, y28, y29] = f.years;
    // 2027: c2..c6 in service, c2 and c3 retire, 10 % of the other three leave.
    expect(y27).toMatchObject({ year: 2027, startHeadcount: 5, retirements: 2, quota: 5, quotaCarriedForward: false, itRetirements: 1, endHeadcountLow: 2, endHeadcountHigh: 3 });
    expect(y27.otherSeparations).toBeCloseTo(0.3, 12);
    expect(y27.endHeadcount).toBeCloseTo(2.7, 12);
    expect(y27.projectedGap).toBeCloseTo(2.3, 12);
    expect(y27.itEndHeadcount).toBeCloseTo(0.9, 12);
    // 2028: c4, c5, c6 at 0.9; no quota row, 2027's 5 carried forward.
    expect(y28).toMatchObject({ year: 2028, retirements: 0, quota: 5, quotaCarriedForward: true });
    expect(y28.startHeadcount).toBeCloseTo(2.7, 12);
    expect(y28.endHeadcount).toBeCloseTo(2.43, 12);
    expect(y28.itEndHeadcount).toBeCloseTo(0.81, 12);
    // 2029: weight 0.81, c6 retires.
    expect(y29.retirements).toBeCloseTo(0.81, 12);
    expect(y29.otherSeparations).toBeCloseTo(0.162, 12);
    expect(y29.endHeadcount).toBeCloseTo(1.458, 12);
    expect(y29.projectedGap).toBeCloseTo(3.542, 12);
    // Per category: the CONTRACT quota of 2026 carries into 2027.
    expect(f.byCategory.map((c: any) => [c.category, c.cohort, c.years[0].quota, c.years[0].quotaCarriedForward])).toEqual([
      ['CIVIL_SERVANT', 4, 5, false],
      ['CONTRACT', 2, 3, true],
    ]);
  });

  it('observes attrition over the three years before asOf', async () => {
    // Separations 2023–2025: l7, l8, l11 (l9 and l12 transferred, l10 was reorganised) = 3.
    // Active PRIMARY on 1 Jan 2023, 2024, 2025: the cohort 6 × 3, l7 2, l8 3, l9 1, l10 3, l11 1, l12 2 + 1 = 31.
    const res = await server.gql(FORECAST, { unit: 'T', years: 1, asOf: '2026-06-30' }, admin);
    expect(res.data.workforceForecast.attritionSource).toBe('OBSERVED');
    expect(res.data.workforceForecast.attritionRate).toBeCloseTo(3 / 31, 12);
    // OUT has held l9 since 2024: observed, and nobody left.
    const quiet = await server.gql(FORECAST, { unit: 'OUT', years: 1, asOf: '2026-06-30' }, admin);
    expect(quiet.data.workforceForecast).toMatchObject({ attritionRate: 0, attritionSource: 'OBSERVED', cohort: 1 });
    // As of mid-2024 it has no 1 January with anyone on it in 2021–2023: the default 0.
    const none = await server.gql(FORECAST, { unit: 'OUT', years: 1, asOf: '2024-06-30' }, admin);
    expect(none.data.workforceForecast).toMatchObject({ attritionRate: 0, attritionSource: 'DEFAULT', cohort: 1 });
  });

  it('counts turnover by reason, transfers out, the IT split and leavers to the private sector', async () => {
    const res = await server.gql(TURNOVER, { unit: 'T', from: '2023-01-01', to: '2025-12-31' }, admin);
    expect(res.errors).toBeUndefined();
    const t = res.data.turnover;
    expect(t).toMatchObject({ separations: 3, transfersOut: 1, itSeparations: 1, lostToPrivate: 2 });
    expect(t.byReason).toEqual([{ reason: 'RESIGNATION', count: 2 }, { reason: null, count: 1 }]);
    // On 2023-01-01: the cohort 6, l7, l8, l9, l10, l12 = 11; on 2025-12-31: the cohort 6 and l12 on pB = 7.
    expect(t.averageHeadcount).toBe(9);
    expect(t.rate).toBeCloseTo(3 / 9, 12);
  });

  it('answers every role in its subtree, and nobody outside it', async () => {
    for (const role of [Role.ANALYST, Role.POLICYMAKER, Role.HR_OFFICER]) {
      const token = await server.token(role, 'T');
      expect((await server.gql(TURNOVER, { unit: 'T', from: '2025-01-01', to: '2025-12-31' }, token)).errors).toBeUndefined();
      expect((await server.gql(FORECAST, { unit: 'T.A', years: 2 }, token)).errors).toBeUndefined();
      const outside = await server.gql(FORECAST, { unit: 'OUT', years: 2 }, token);
      expect(errorCode(outside)).toBe('FORBIDDEN');
    }
  });

  it('refuses bad input with BAD_USER_INPUT before any SQL', async () => {
    for (const variables of [{ years: 0 }, { years: 31 }, { years: 3, rate: -0.1 }, { years: 3, rate: 1.5 }]) {
      const res = await server.gql(FORECAST, { unit: 'T', ...variables }, admin);
      expect({ variables, code: errorCode(res), statements: res.statements }).toEqual({ variables, code: 'BAD_USER_INPUT', statements: 0 });
    }
    for (const [from, to] of [['2025-02-01', '2025-01-31'], ['1970-01-01', '2025-01-01']]) {
      const res = await server.gql(TURNOVER, { unit: 'T', from, to }, admin);
      expect({ from, code: errorCode(res), statements: res.statements }).toEqual({ from, code: 'BAD_USER_INPUT', statements: 0 });
    }
  });

  it('runs a fixed number of statements, whatever the size of the cohort', async () => {
    const forecast = await server.gql(FORECAST, { unit: 'T', years: 30 }, admin);
    expect(forecast.errors).toBeUndefined();
    expect(forecast.statements).toBeLessThanOrEqual(4);
    const turnover = await server.gql(TURNOVER, { unit: 'T', from: '2020-01-01', to: '2025-12-31' }, admin);
    expect(turnover.statements).toBeLessThanOrEqual(2);
  });
});

describe('the forecast on the demo city', () => {
  let server: TestServer;
  let analyst: string;
  beforeAll(async () => {
    server = await startTestServer();
    await seedIfEmpty(server.orm, createLogger('silent'));
    // The old city's token: it reads the city's history before the reform and today's city (its successor).
    analyst = await server.token(Role.ANALYST, 'VN.HO_CHI_MINH');
  }, 180_000);
  afterAll(() => server.close());

  it('shows Xã Hiệp Phước (with Long Thới\'s staff) retiring faster than the city, and separations with reasons behind the observed rate', async () => {
    const share = async (unit: string) => {
      const res = await server.gql(FORECAST, { unit, years: 10, rate: 0 }, analyst);
      expect(res.errors).toBeUndefined();
      const f = res.data.workforceForecast;
      const retiring = f.retiringBeforeStart + f.years.reduce((n: number, y: any) => n + y.retirements, 0);
      return { cohort: f.cohort, share: retiring / f.cohort };
    };
    const city = await share('VN.HCM');
    const commune = await share('VN.HCM.HIEP_PHUOC');
    expect(city.cohort).toBeGreaterThan(commune.cohort);
    expect(commune.share).toBeGreaterThan(2 * city.share);
    // The three years the rate observes are the old city's: today's city began on 2025-07-01.
    const observed = await server.gql(FORECAST, { unit: 'VN.HO_CHI_MINH', years: 1, asOf: '2025-06-30' }, analyst);
    expect(observed.data.workforceForecast.attritionSource).toBe('OBSERVED');
    expect(observed.data.workforceForecast.attritionRate).toBeGreaterThan(0);
    const turnover = await server.gql(TURNOVER, { unit: 'VN.HO_CHI_MINH', from: '2023-01-01', to: '2025-06-30' }, analyst);
    expect(turnover.data.turnover.separations).toBeGreaterThan(0);
    expect(turnover.data.turnover.byReason.some((r: any) => r.reason === 'RESIGNATION')).toBe(true);
  });
});
