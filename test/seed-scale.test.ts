import { FloorRow, STAFFING_GAP_FLOOR_SQL } from '../bench/floor';
import { generateNationalData, NationalCounts, scaledCounts } from '../bench/scale';
import { Role } from '../src/graphql/enums';
import { fromGlobalId, toGlobalId } from '../src/graphql/global-id';
import type { SqlRunner } from '../src/db/sql-runner';
import { staffingGapFigures } from '../src/modules/staffing/staffing-gap.sql';
import { today } from '../src/shared/today';
import { startTestServer, TestServer } from './helpers/harness';

const PEOPLE = 20_000;

/** The values of $1, $2 … in the order they occur, for a runner that takes `?` placeholders. */
function floorParams(sql: string, values: unknown[]): unknown[] {
  return [...sql.matchAll(/\$(\d)/g)].map((m) => values[Number(m[1]) - 1]);
}

describe('seed:scale — the national shape at a tiny scale', () => {
  let server: TestServer;
  let counts: NationalCounts;
  const year = Number(today().slice(0, 4));

  beforeAll(async () => {
    server = await startTestServer();
    counts = await generateNationalData(server.sql, { people: PEOPLE });
    await server.sql('analyze');
  }, 180_000);

  afterAll(async () => {
    await server?.close();
  });

  it('has 34 provinces and the scaled communes and departments, under their provinces', async () => {
    const expected = scaledCounts(PEOPLE);
    expect(counts.provinces).toBe(34);
    expect(counts.communes).toBe(expected.communes);
    expect(counts.departments).toBe(expected.departments);
    expect(expected.communes).toBe(33);
    expect(expected.departments).toBe(7);
    const [row] = await server.sql<{ orphans: number; provinces: string[] }>(
      `select count(*) filter (where p.kind is distinct from (case u.kind when 'PROVINCE' then 'NATION' else 'PROVINCE' end) or u.path <@ p.path is not true)::int as orphans,
              array_agg(u.code order by u.code) filter (where u.kind = 'PROVINCE') as provinces
       from org_unit u left join org_unit p on p.id = u.parent_id where u.code like 'VN.%'`,
    );
    expect(row.orphans).toBe(0);
    expect(row.provinces[0]).toBe('VN.P01');
    expect(row.provinces[33]).toBe('VN.P34');
  });

  it('has people, competencies, positions in every unit and quotas for two years', async () => {
    expect(counts.people).toBe(PEOPLE);
    expect(counts.personCompetencies).toBeGreaterThanOrEqual(PEOPLE * 2);
    expect(counts.personCompetencies).toBeLessThanOrEqual(PEOPLE * 4);
    const [row] = await server.sql<{ without_positions: number; years: number[] }>(
      `select (select count(*) from org_unit u where u.code like 'VN.%' and not exists (select 1 from position p where p.unit_id = u.id))::int as without_positions,
              (select array_agg(distinct q.year order by q.year) from establishment_quota q join org_unit u on u.id = q.unit_id and u.code like 'VN.%') as years`,
    );
    expect(row.without_positions).toBe(0);
    expect(row.years).toEqual([year, year + 1]);
  });

  it('fills most people PRIMARY, ~5 % CONCURRENT, some ended, never over the current quota', async () => {
    expect(counts.primaryAssignments).toBeGreaterThan(PEOPLE * 0.85);
    expect(counts.concurrentAssignments).toBeGreaterThan(PEOPLE * 0.03);
    expect(counts.concurrentAssignments).toBeLessThan(PEOPLE * 0.07);
    expect(counts.endedAssignments).toBeGreaterThan(0);
    const [over] = await server.sql<{ over: number; with_room: number; units: number }>(
      `with active as (
         select p.unit_id, p.category, count(*) as n
         from assignment a join position p on p.id = a.position_id
         where a.kind = 'PRIMARY' and a.start_date <= ?::date and (a.end_date is null or a.end_date >= ?::date)
         group by p.unit_id, p.category),
       per_unit as (
         select q.unit_id, sum(q.headcount) as quota, sum(coalesce(a.n, 0)) as filled
         from establishment_quota q left join active a on a.unit_id = q.unit_id and a.category = q.category
         where q.year = ? group by q.unit_id)
       select (select count(*) from active a left join establishment_quota q on q.unit_id = a.unit_id and q.category = a.category and q.year = ?
               where a.n > coalesce(q.headcount, 0))::int as over,
              (select count(*) from per_unit where filled < quota)::int as with_room,
              (select count(*) from per_unit)::int as units`,
      [today(), today(), year, year],
    );
    expect(over.over).toBe(0);
    // "Most units have a little quota left."
    expect(over.with_room).toBeGreaterThan(over.units / 2);
    // The exclusion constraint held every insert; say it in SQL too.
    const [overlap] = await server.sql<{ n: number }>(
      `select count(*)::int as n from assignment a join assignment b on a.person_id = b.person_id and a.id < b.id
       where a.kind = 'PRIMARY' and b.kind = 'PRIMARY' and daterange(a.start_date, a.end_date, '[]') && daterange(b.start_date, b.end_date, '[]')`,
    );
    expect(overlap.n).toBe(0);
  });

  it('has vacancies (≥ 20 % IT, every status), applications, offers, benchmarks and packages', async () => {
    const expected = scaledCounts(PEOPLE);
    expect(counts.vacancies).toBe(expected.vacancies);
    expect(counts.itVacancies / counts.vacancies).toBeGreaterThanOrEqual(0.2);
    const statuses = await server.sql<{ status: string }>(`select distinct status from vacancy order by status`);
    expect(statuses.map((s) => s.status)).toEqual(['CANCELLED', 'FILLED', 'INTERVIEWING', 'OFFERED', 'OPEN']);
    expect(counts.candidates).toBe(expected.candidates);
    expect(counts.candidatesWithCompetencies).toBe(expected.candidatesWithCompetencies);
    expect(counts.applications).toBe(expected.applications);
    expect(counts.offers).toBe(Math.ceil(expected.applications / 5));
    const [offers] = await server.sql<{ statuses: number; declined_without_reason: number; with_ratio: number }>(
      `select count(distinct status)::int as statuses,
              count(*) filter (where status = 'DECLINED' and decline_reason is null)::int as declined_without_reason,
              count(pay_ratio)::int as with_ratio from offer`,
    );
    expect(offers.statuses).toBe(3);
    expect(offers.declined_without_reason).toBe(0);
    expect(offers.with_ratio).toBeGreaterThan(0);
    expect(counts.benchmarks).toBe(8 * 4 * 35);
    expect(counts.packages).toBe(2);
  });

  it('gives ended assignments reasons (IT leavers more often to the private sector) and people sexes and birth dates', async () => {
    const [ended] = await server.sql<{ n: number; without: number }>(
      `select count(*)::int as n, count(*) filter (where end_reason is null)::int as without from assignment where end_date is not null`,
    );
    expect(ended.n).toBeGreaterThan(0);
    expect(ended.without).toBe(0);
    const shares = await server.sql<{ it: boolean; to_private: number }>(
      `select p.is_it_specialist as it, avg((a.destination_sector = 'PRIVATE')::int)::float as to_private
       from assignment a join position p on p.id = a.position_id where a.end_reason = 'RESIGNATION' group by p.is_it_specialist`,
    );
    expect(shares.find((r) => r.it)!.to_private).toBeGreaterThan(shares.find((r) => !r.it)!.to_private);
    const [people] = await server.sql<{ without: number; retiring: number }>(
      `select count(*) filter (where sex is null or birth_date is null)::int as without,
              (select count(retirement_date(x.sex, x.birth_date, x.birth_year))::int from (select * from person order by id limit 200) x) as retiring from person`,
    );
    expect(people.without).toBe(0);
    expect(people.retiring).toBeGreaterThan(0);
  });

  it('answers staffingGap for a province over HTTP', async () => {
    const token = await server.token(Role.ADMIN);
    const response = await server.gql(
      `query ($unitCode: String!, $year: Int!) {
         staffingGap(unitCode: $unitCode, year: $year) { quota filled gap itSeatsPlanned itSeatsFilled concurrentCoverage children { quota filled } }
       }`,
      { unitCode: 'VN.P01', year },
      token,
    );
    expect(response.errors).toBeUndefined();
    const gap = response.data.staffingGap;
    expect(gap.quota).toBeGreaterThan(0);
    expect(gap.filled).toBeGreaterThan(0);
    expect(gap.filled).toBeLessThanOrEqual(gap.quota);
    expect(gap.itSeatsPlanned).toBeGreaterThan(0);
    expect(gap.children.length).toBeGreaterThan(0);
  });

  it('answers staffingGap of the nation with its provinces as the bench\'s SQL floor does, in one statement', async () => {
    const token = await server.token(Role.ADMIN);
    const response = await server.gql(
      `query ($year: Int!) { staffingGap(unitCode: "VN", year: $year) { quota filled gap itGap children { unit { code } quota filled gap itGap } } }`,
      { year },
      token,
    );
    expect(response.errors).toBeUndefined();
    const gap = response.data.staffingGap;
    const floor = await server.sql<FloorRow>(STAFFING_GAP_FLOOR_SQL.replace(/\$1/g, '?').replace(/\$2/g, '?').replace(/\$3/g, '?'), floorParams(STAFFING_GAP_FLOOR_SQL, ['VN', today(), year]));
    const ours = [
      { child: null, quota: gap.quota, filled: gap.filled, gap: gap.gap, it_gap: gap.itGap },
      ...gap.children.map((c: any) => ({ child: c.unit.code, quota: c.quota, filled: c.filled, gap: c.gap, it_gap: c.itGap })),
    ];
    const theirs = floor.filter((r) => r.is_root || r.child !== null).map((r) => ({ child: r.is_root ? null : r.child, quota: r.quota, filled: r.filled, gap: r.gap, it_gap: r.it_gap }));
    expect(gap.children).toHaveLength(34);
    expect(gap.filled).toBeGreaterThan(0);
    expect(ours).toEqual(theirs);
    // The nation and its provinces in one pass: the unit lookup, the figures, the children's units.
    expect(response.statements).toBe(3);
  });

  it('lets the planner size the nation\'s subtree from its path, as it does for the floor', async () => {
    // Sized through the ltree join instead, the estimate was a few units per root at any depth,
    // and at the nation the planner looked up each position's assignments one by one (1.66× the
    // floor's p95 in the bench).
    const [nation] = await server.sql<{ id: string }>(`select id::text from org_unit where code = 'VN'`);
    const [{ units }] = await server.sql<{ units: number }>(`select count(*)::int as units from org_unit where code = 'VN' or code like 'VN.%'`);
    const plans: unknown[] = [];
    const explain: SqlRunner = async <Row,>(sql: string, params: readonly unknown[] = []) => {
      const [row] = await server.sql<{ 'QUERY PLAN': unknown }>(`explain (format json) ${sql}`, params);
      plans.push(row['QUERY PLAN']);
      return [] as Row[];
    };
    await staffingGapFigures(explain, { kind: 'unitAndChildren', unit: { id: nation.id, code: 'VN' } }, { year, asOf: today(), includeDescendants: true, figures: { concurrent: false, vacancies: false } });
    const scans: Array<Record<string, any>> = [];
    const walk = (node: Record<string, any>) => {
      if (node['Relation Name'] === 'org_unit' && /<@ ANY/.test(`${node.Filter ?? ''} ${node['Index Cond'] ?? ''} ${node['Recheck Cond'] ?? ''}`)) scans.push(node);
      for (const child of node.Plans ?? []) walk(child);
    };
    walk((plans[0] as Array<{ Plan: Record<string, any> }>)[0].Plan);
    expect(scans).toHaveLength(1);
    expect(scans[0]['Plan Rows']).toBeGreaterThan(units / 2);
  });

  it('computes a costlier figure asked for only deep in the tree, the same as asked for directly', async () => {
    const token = await server.token(Role.ADMIN);
    const tree = await server.gql(
      `query ($year: Int!) { staffingGap(unitCode: "VN", year: $year) { quota children { unit { code } children { unit { code } openVacancies concurrentCoverage itSeatsCoveredConcurrently } } } }`,
      { year },
      token,
    );
    expect(tree.errors).toBeUndefined();
    const deep = tree.data.staffingGap.children[0].children.slice(0, 3);
    expect(deep.length).toBeGreaterThan(0);
    for (const unit of deep) {
      const direct = await server.gql(
        `query ($code: String!, $year: Int!) { staffingGap(unitCode: $code, year: $year) { openVacancies concurrentCoverage itSeatsCoveredConcurrently } }`,
        { code: unit.unit.code, year },
        token,
      );
      expect({ code: unit.unit.code, ...direct.data.staffingGap }).toEqual({ code: unit.unit.code, openVacancies: unit.openVacancies, concurrentCoverage: unit.concurrentCoverage, itSeatsCoveredConcurrently: unit.itSeatsCoveredConcurrently });
    }
    expect(deep.some((u: any) => u.openVacancies > 0 || u.concurrentCoverage > 0)).toBe(true);
  });

  it('matches internal staff from the position\'s own province, under the nation root too, and candidates from the whole pool', async () => {
    const token = await server.token(Role.ADMIN);
    const [position] = await server.sql<{ id: string }>(
      `select p.id from position p join org_unit u on u.id = p.unit_id where u.code like 'VN.P01.%' order by p.id limit 1`,
    );
    const res = await server.gql(
      `query ($id: ID!) { matchCandidates(positionId: $id, first: 100) { score candidate { id } person { id } } }`,
      { id: toGlobalId('Position', position.id) },
      token,
    );
    expect(res.errors).toBeUndefined();
    const keys = (kind: 'candidate' | 'person') => res.data.matchCandidates.filter((m: any) => m[kind]).map((m: any) => fromGlobalId(m[kind].id)!.key);
    const people = keys('person');
    expect(people.length).toBeGreaterThan(0);
    const [peopleOutside] = await server.sql<{ n: number }>(
      `select count(*)::int as n from unnest(?::bigint[]) x(id)
       where not exists (select 1 from assignment a join position p on p.id = a.position_id join org_unit u on u.id = p.unit_id
                         where a.person_id = x.id and u.path <@ 'VN.P01')`,
      [people],
    );
    expect(peopleOutside.n).toBe(0);
    // An ADMIN sees every candidate, so the best ones come from any province.
    const [candidatesOutside] = await server.sql<{ n: number }>(
      `select count(*)::int as n from candidate c join org_unit h on h.id = c.home_unit_id where c.id = any(?::bigint[]) and not h.path <@ 'VN.P01'`,
      [keys('candidate')],
    );
    expect(candidatesOutside.n).toBeGreaterThan(0);
  });
});
