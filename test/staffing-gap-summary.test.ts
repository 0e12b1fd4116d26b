import { Role } from '../src/graphql/enums';
import { toGlobalId } from '../src/graphql/global-id';
import { staffingGapFiguresFromSummary } from '../src/modules/staffing/staffing-gap-summary.sql';
import { GapRoots, GapUnit, staffingGapFigures, StaffingGapFigures } from '../src/modules/staffing/staffing-gap.sql';
import { mulberry32 } from '../src/shared/prng';
import { today } from '../src/shared/today';
import { startTestServer, TestServer } from './helpers/harness';
import { buildWorld, World } from './helpers/world';

/**
 * The staffing-gap summary (migration 20261204000000) against the on-the-fly SQL it replaces for
 * today. A fixed, seeded replay of thousands of random writes (GraphQL mutations with a real
 * token for part of them, direct SQL writes for volume: assignments starting, ending, reopening,
 * moving and deleted, positions' headcounts, role families and units, quotas, vacancies opening,
 * changing status and moving, units ending, reopening and created, and reorganisations), with
 * past and future dates; then, for every unit, the summary-based figures must equal the
 * on-the-fly ones, on today and on dates around it (the summary's arithmetic takes the date as a
 * parameter, which is how "today" moving at midnight is replayed), and the maintained table must
 * equal a rebuild from scratch.
 */
const WRITES = 2400;
const GRAPHQL_EVERY = 8; // one write in eight goes through the GraphQL mutations
const SEED = 20261204;

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

describe('staffingGap summary (replayed writes against the on-the-fly SQL)', () => {
  let server: TestServer;
  let admin: string;
  let world: World;
  const random = mulberry32(SEED);
  const pick = <T,>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const day0 = today();
  const someDay = () => addDays(day0, int(-700, 400));

  const units: string[] = [];
  const positions: string[] = [];
  const people: string[] = [];
  const assignments: string[] = [];
  const vacancies: string[] = [];
  const done = { sql: 0, sqlRefused: 0, graphql: 0, graphqlRefused: 0 };

  async function allUnits(): Promise<GapUnit[]> {
    return (await server.sql<{ id: string; code: string }>('select id::text, code from org_unit order by id')).map((u) => ({ id: u.id, code: u.code }));
  }

  /** Every comparison the replay asserts: each kind of roots, with and without descendants. */
  async function mismatches(dates: readonly string[]): Promise<string[]> {
    const all = await allUnits();
    const years = [...new Set(dates.map((d) => Number(d.slice(0, 4))))];
    const problems: string[] = [];
    const rootSets: Array<[string, GapRoots]> = [
      ['units', { kind: 'units', units: all }],
      ['childrenOf', { kind: 'childrenOf', parents: all }],
      ...all.slice(0, 6).map((u): [string, GapRoots] => [`unitAndChildren ${u.code}`, { kind: 'unitAndChildren', unit: u }]),
    ];
    for (const asOf of dates) {
      for (const year of years) {
        for (const [name, roots] of rootSets) {
          for (const includeDescendants of [true, false]) {
            if (roots.kind !== 'units' && !includeDescendants) continue;
            const options = { asOf, year, includeDescendants };
            const expected = await staffingGapFigures(server.sql, roots, options);
            const actual = await staffingGapFiguresFromSummary(server.sql, roots, options);
            const key = (r: StaffingGapFigures) => JSON.stringify(r);
            const expectedRows = expected.map(key).sort();
            const actualRows = actual.map(key).sort();
            if (JSON.stringify(expectedRows) !== JSON.stringify(actualRows)) {
              const first = expectedRows.find((r, i) => r !== actualRows[i]);
              problems.push(`${name} on ${asOf}, year ${year}, descendants ${includeDescendants}: expected ${first}, got ${actualRows[expectedRows.indexOf(first!)]}`);
            }
          }
        }
      }
    }
    return problems;
  }

  async function tableEqualsRebuild(): Promise<boolean> {
    const snapshot = async () =>
      JSON.stringify([
        await server.sql('select * from staffing_gap_unit order by unit_id'),
        await server.sql('select * from staffing_gap_quota order by year, unit_id'),
      ]);
    const maintained = await snapshot();
    await server.sql('select staffing_gap_rebuild()');
    return maintained === (await snapshot());
  }

  async function sqlWrite(): Promise<void> {
    const op = int(0, 16);
    const date = someDay();
    const attempt = async (sql: string, params: unknown[]) => {
      try {
        const rows = await server.sql<{ id?: string }>(sql, params);
        done.sql++;
        return rows;
      } catch {
        done.sqlRefused++; // a constraint said no (one PRIMARY, a vacancy's fill, a unit's dates): nothing written
        return [];
      }
    };
    switch (op) {
      case 0:
      case 1:
      case 2: {
        const end = random() < 0.5 ? null : addDays(date, int(0, 500));
        const [row] = await attempt('insert into assignment (person_id, position_id, kind, start_date, end_date) values (?, ?, ?, ?, ?) returning id::text', [
          pick(people), pick(positions), random() < 0.8 ? 'PRIMARY' : 'CONCURRENT', date, end,
        ]);
        if (row?.id) assignments.push(row.id);
        return;
      }
      case 3:
        await attempt('update assignment set end_date = greatest(start_date, ?::date) where id = ? and end_date is null', [date, pick(assignments)]);
        return;
      case 4:
        await attempt('update assignment set end_date = null, end_reason = null, destination_sector = null where id = ?', [pick(assignments)]);
        return;
      case 5:
        await attempt('update assignment set position_id = ? where id = ?', [pick(positions), pick(assignments)]);
        return;
      case 6:
        await attempt('delete from assignment where id = ? and not exists (select 1 from vacancy where filled_by_assignment_id = assignment.id)', [pick(assignments)]);
        return;
      case 7:
        await attempt('update position set headcount = ? where id = ?', [int(0, 6), pick(positions)]);
        return;
      case 8:
        await attempt(`update position set role_family = case when role_family = 'GENERAL_ADMINISTRATION' then 'DATA_SCIENTIST' else 'GENERAL_ADMINISTRATION' end where id = ?`, [pick(positions)]);
        return;
      case 9:
        if (random() < 0.5) {
          await attempt('update position set unit_id = ? where id = ?', [pick(units), pick(positions)]);
        } else {
          const [row] = await attempt(
            `insert into position (unit_id, title, category, role_family, seniority, pay_coefficient, headcount) values (?, 'Replay', ?, ?, 'MID', 3.0, ?) returning id::text`,
            [pick(units), pick(['CIVIL_SERVANT', 'PUBLIC_EMPLOYEE', 'CONTRACT']), pick(['GENERAL_ADMINISTRATION', 'SOFTWARE_ENGINEER']), int(0, 5)],
          );
          if (row?.id) positions.push(row.id);
        }
        return;
      case 10:
        if (random() < 0.75) {
          await attempt(
            `insert into establishment_quota (unit_id, year, category, headcount) values (?, ?, ?, ?)
             on conflict (unit_id, year, category) do update set headcount = excluded.headcount`,
            [pick(units), Number(date.slice(0, 4)), pick(['CIVIL_SERVANT', 'PUBLIC_EMPLOYEE', 'CONTRACT']), int(0, 8)],
          );
        } else {
          await attempt('delete from establishment_quota where id = (select id from establishment_quota where unit_id = ? order by id limit 1)', [pick(units)]);
        }
        return;
      case 11: {
        const [row] = await attempt('insert into vacancy (position_id, status, opened_on) values (?, ?, ?) returning id::text', [
          pick(positions), pick(['OPEN', 'OPEN', 'INTERVIEWING', 'OFFERED', 'CANCELLED']), date,
        ]);
        if (row?.id) vacancies.push(row.id);
        return;
      }
      case 12:
        await attempt(`update vacancy set status = ? where id = ? and status <> 'FILLED'`, [pick(['OPEN', 'INTERVIEWING', 'OFFERED', 'CANCELLED']), pick(vacancies)]);
        return;
      case 13: {
        // A move as a reorganisation records it: the vacancy leaves its position for another on a date.
        const vacancy = pick(vacancies);
        const to = pick(positions);
        await attempt(
          `with before as (select id, position_id from vacancy where id = ? and position_id <> ?),
                moved as (update vacancy v set position_id = ? from before b where v.id = b.id returning v.id, b.position_id as from_id)
           insert into vacancy_move (vacancy_id, from_position_id, to_position_id, effective_on) select id, from_id, ?, ? from moved`,
          [vacancy, to, to, to, date],
        );
        return;
      }
      case 14:
        await attempt('update org_unit set valid_to = ? where id = ?', [random() < 0.5 ? null : date, pick(units.slice(1))]);
        return;
      case 15:
        await attempt('update org_unit set valid_from = ? where id = ?', [random() < 0.5 ? null : date, pick(units.slice(1))]);
        return;
      default: {
        const parent = pick(units);
        const [row] = await attempt(
          `insert into org_unit (code, name, kind, parent_id, valid_from) select code || '.R' || ?, 'Replay', 'WARD', id, ? from org_unit where id = ? returning id::text`,
          [units.length, random() < 0.5 ? null : date, parent],
        );
        if (row?.id) units.push(row.id);
      }
    }
  }

  async function graphqlWrite(): Promise<void> {
    const op = int(0, 7);
    const date = someDay();
    const mutation = async (name: string, input: Record<string, unknown>, extra = '') => {
      const res = await server.gql(`mutation($input: ${name[0].toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { userErrors { code } ${extra} } }`, { input }, admin);
      expect(res.errors).toBeUndefined();
      const payload = res.data[name];
      if (payload.userErrors.length) done.graphqlRefused++;
      else done.graphql++;
      return payload;
    };
    const codeOf = async (unitId: string) => (await server.sql<{ code: string }>('select code from org_unit where id = ?', [unitId]))[0].code;
    switch (op) {
      case 0:
      case 1: {
        const payload = await mutation('assignPerson', { personId: toGlobalId('Person', pick(people)), positionId: toGlobalId('Position', pick(positions)), kind: random() < 0.8 ? 'PRIMARY' : 'CONCURRENT', startDate: date }, 'assignment { id }');
        if (payload.assignment) {
          const [row] = await server.sql<{ id: string }>('select max(id)::text as id from assignment');
          assignments.push(row.id);
        }
        return;
      }
      case 2:
        await mutation('endAssignment', { assignmentId: toGlobalId('Assignment', pick(assignments)), endDate: date, reason: 'RESIGNATION' });
        return;
      case 3:
        await mutation('transferPerson', { personId: toGlobalId('Person', pick(people)), toPositionId: toGlobalId('Position', pick(positions)), effectiveOn: date });
        return;
      case 4:
        await server.gql('mutation($input: SetQuotaInput!) { setEstablishmentQuota(input: $input) { userErrors { code } } }', {
          input: { unitCode: await codeOf(pick(units)), year: Number(date.slice(0, 4)), category: pick(['CIVIL_SERVANT', 'PUBLIC_EMPLOYEE', 'CONTRACT']), headcount: int(0, 8) },
        }, admin).then((res) => {
          expect(res.errors).toBeUndefined();
          if (res.data.setEstablishmentQuota.userErrors.length) done.graphqlRefused++;
          else done.graphql++;
        });
        return;
      case 5:
        await mutation('updatePosition', { id: toGlobalId('Position', pick(positions)), headcount: int(0, 6) });
        return;
      case 6: {
        if (random() < 0.5) {
          const payload = await mutation('openVacancy', { positionId: toGlobalId('Position', pick(positions)), openedOn: date }, 'vacancy { id }');
          if (payload.vacancy) {
            const [row] = await server.sql<{ id: string }>('select max(id)::text as id from vacancy');
            vacancies.push(row.id);
          }
        } else {
          await mutation('cancelVacancy', { vacancyId: toGlobalId('Vacancy', pick(vacancies)) });
        }
        return;
      }
      default: {
        // A reorganisation merges a unit (with everything below it) into a new one under its parent.
        const [unit] = await server.sql<{ code: string; parent: string | null }>(
          'select u.code, p.code as parent from org_unit u left join org_unit p on p.id = u.parent_id where u.id = ?',
          [pick(units.slice(1))],
        );
        const payload = await mutation('reorganizeUnits', {
          newUnit: { code: `${unit.parent ?? 'PROV'}.M${units.length}`, name: 'Đơn vị sau sáp nhập', kind: 'WARD', parentCode: unit.parent ?? 'PROV' },
          mergedUnitCodes: [unit.code],
          effectiveOn: date,
        });
        if (!payload.userErrors.length) {
          const [row] = await server.sql<{ id: string }>('select max(id)::text as id from org_unit');
          units.push(row.id);
          positions.push(...(await server.sql<{ id: string }>('select id::text from position where unit_id = ?', [row.id])).map((p) => p.id));
        }
      }
    }
  }

  beforeAll(async () => {
    server = await startTestServer();
    world = await buildWorld(server.sql);
    admin = await server.token(Role.ADMIN);
    units.push(...(await server.sql<{ id: string }>('select id::text from org_unit order by id')).map((r) => r.id));
    positions.push(...(await server.sql<{ id: string }>('select id::text from position order by id')).map((r) => r.id));
    assignments.push(...(await server.sql<{ id: string }>('select id::text from assignment order by id')).map((r) => r.id));
    vacancies.push(...(await server.sql<{ id: string }>('select id::text from vacancy order by id')).map((r) => r.id));
    await server.sql(`insert into person (full_name, birth_year, home_unit_id) select 'Người thử ' || i, 1985, ? from generate_series(1, 60) i`, [world.unit['PROV']]);
    people.push(...(await server.sql<{ id: string }>('select id::text from person order by id')).map((r) => r.id));
  }, 60_000);
  afterAll(() => server.close());

  it('starts equal to the on-the-fly figures on the hand-counted world', async () => {
    expect(await mismatches([day0])).toEqual([]);
    expect(await tableEqualsRebuild()).toBe(true);
  });

  it(`stays equal through ${WRITES} random writes, on today and on the days today moves to`, async () => {
    const dates = [day0, addDays(day0, 1), addDays(day0, -1), addDays(day0, 45), addDays(day0, -200), addDays(day0, 370)];
    for (let i = 1; i <= WRITES; i++) {
      if (i % GRAPHQL_EVERY === 0) await graphqlWrite();
      else await sqlWrite();
      if (i % 600 === 0) expect(await mismatches([day0])).toEqual([]);
    }
    // The replay did write, through both paths, and the summary holds more than zeros.
    expect(done.sql).toBeGreaterThan(WRITES / 2);
    expect(done.graphql).toBeGreaterThan(WRITES / GRAPHQL_EVERY / 4);
    const [totals] = await server.sql<{ filled: number; units: number }>('select sum(primary_open)::int as filled, count(*)::int as units from staffing_gap_unit');
    expect(totals.filled).toBeGreaterThan(20);
    expect(totals.units).toBeGreaterThan(20);
    const [moves] = await server.sql<{ n: number }>('select count(*)::int as n from vacancy_move');
    expect(moves.n).toBeGreaterThan(10);

    expect(await mismatches(dates)).toEqual([]);
    expect(await tableEqualsRebuild()).toBe(true);
  }, 600_000);

  it('answers staffingGap for today from the summary, with the on-the-fly numbers', async () => {
    const query = `query($code: String!, $year: Int!, $asOf: LocalDate) { staffingGap(unitCode: $code, year: $year, asOf: $asOf) {
      quota filled concurrentCoverage openVacancies itSeatsPlanned itSeatsFilled itSeatsCoveredConcurrently unitsWithoutQuota asOf
      children { unit { code } quota filled openVacancies itSeatsCoveredConcurrently unitsWithoutQuota } } }`;
    const year = Number(day0.slice(0, 4));
    const res = await server.gql(query, { code: 'PROV', year }, admin);
    expect(res.errors).toBeUndefined();
    expect(res.data.staffingGap.asOf).toBe(day0);
    const [prov] = await server.sql<{ id: string }>(`select id::text from org_unit where code = 'PROV'`);
    const [expected] = await staffingGapFigures(server.sql, { kind: 'units', units: [{ id: prov.id, code: 'PROV' }] }, { asOf: day0, year, includeDescendants: true });
    expect(res.data.staffingGap).toMatchObject({
      quota: expected.quota, filled: expected.filled, concurrentCoverage: expected.concurrent_coverage, openVacancies: expected.open_vacancies,
      itSeatsPlanned: expected.it_seats_planned, itSeatsFilled: expected.it_seats_filled,
      itSeatsCoveredConcurrently: expected.it_seats_covered_concurrently, unitsWithoutQuota: expected.units_without_quota,
    });
    // The summary path costs the statements the on-the-fly one did (a past date takes that one).
    const past = await server.gql(query, { code: 'PROV', year, asOf: addDays(day0, -30) }, admin);
    expect(past.errors).toBeUndefined();
    expect(res.statements).toBe(past.statements);
  });

  it('catches a summary that drifts from the base rows (the comparison can fail)', async () => {
    await server.sql(`update staffing_gap_unit set primary_open = primary_open + 1 where unit_id = (select id from org_unit where code = 'PROV.D1.W1')`);
    expect((await mismatches([day0])).length).toBeGreaterThan(0);
    expect(await tableEqualsRebuild()).toBe(false); // the rebuild puts it right
    expect(await mismatches([day0])).toEqual([]);
  });
});
