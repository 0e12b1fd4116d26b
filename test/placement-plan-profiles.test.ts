import { Role } from '../src/graphql/enums';
import { toGlobalId } from '../src/graphql/global-id';
import { mulberry32 } from '../src/shared/prng';
import { optimalPlacement, type PlacementEdge } from '../src/modules/recruitment/placement-optimizer';
import { startTestServer, TestServer } from './helpers/harness';
import { addUnit, competencyIds, insertId, THIS_YEAR } from './helpers/recruitment-world';

/*
 * placementPlan through GraphQL against brute force, on seeded random regions built so that the
 * database's shortcuts are all taken: vacancies sharing a requirement profile (scored once),
 * profiles sharing a competency set at other levels (one tuple list per set), a set of more
 * than 24 competencies (its tuples counted in numeric), positions without requirements, ties
 * at every score, applications that are no longer live, and far more applicants than the few
 * pairs a vacancy is first sent (so the tiers are cut, and uncertified vacancies come back).
 * Brute force scores every (vacancy, live applicant) pair in JS and solves over all of them.
 */

const INSTANCES = 12;
const POOL = 30; // competencies

interface World {
  code: string;
  minScore: number;
  vacancies: Array<{ id: string; unit: string; requirements: Array<[competency: number, level: number]> }>;
  capacity: Map<string, number>;
  applicants: Array<{ id: string; levels: Map<number, number>; live: boolean }>;
}

function randomInt(rand: () => number, lo: number, hi: number): number {
  return lo + Math.floor(rand() * (hi - lo + 1));
}

function pick<T>(rand: () => number, items: readonly T[], count: number): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out.slice(0, count);
}

describe('placementPlan: profiles, tuples and tiers against brute force', () => {
  let server: TestServer;
  let admin: string;
  let competency: string[];

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.token(Role.ADMIN);
    const ids = await competencyIds(server.sql, Array.from({ length: POOL }, (_, i) => `PP_SKILL_${i}`));
    competency = Array.from({ length: POOL }, (_, i) => ids[`PP_SKILL_${i}`]);
  });
  afterAll(() => server.close());

  async function build(seed: number): Promise<World> {
    const rand = mulberry32(seed);
    const code = `PP${seed}`;
    const root = await addUnit(server.sql, code, 'PROVINCE', null);
    // Competency sets, each used at several level combinations; one larger than 24.
    const sets = [pick(rand, [...Array(POOL).keys()], 3), pick(rand, [...Array(POOL).keys()], 2), pick(rand, [...Array(POOL).keys()], randomInt(rand, 25, POOL)), []];
    const profiles = Array.from({ length: 5 }, () => {
      const set = sets[Math.floor(rand() * sets.length)];
      return set.map((c) => [c, randomInt(rand, 1, 5)] as [number, number]);
    });
    const world: World = { code, minScore: [0, 0.3, 0.5, 0.75][randomInt(rand, 0, 3)], vacancies: [], capacity: new Map(), applicants: [] };
    const wards = randomInt(rand, 2, 4);
    for (let w = 0; w < wards; w++) {
      const quota = randomInt(rand, 0, 3);
      const unit = await addUnit(server.sql, `${code}.W${w}`, 'WARD', root, quota);
      world.capacity.set(unit, quota);
      for (let k = randomInt(rand, 1, 4); k > 0; k--) {
        const requirements = profiles[Math.floor(rand() * profiles.length)];
        const position = await insertId(
          server.sql,
          `insert into position (unit_id, title, category, role_family, seniority, pay_coefficient, headcount) values (?, 'Vị trí', 'CIVIL_SERVANT', 'DATA_SCIENTIST', 'MID', 2.34, 2)`,
          [unit],
        );
        if (requirements.length > 0) {
          await server.sql(`insert into position_requirement (position_id, competency_id, level) select ?, * from unnest(?::bigint[], ?::smallint[])`, [
            position,
            requirements.map(([c]) => competency[c]),
            requirements.map(([, l]) => l),
          ]);
        }
        const vacancy = await insertId(server.sql, `insert into vacancy (position_id, status, opened_on) values (?, ?, '2026-01-01')`, [position, rand() < 0.8 ? 'OPEN' : 'INTERVIEWING']);
        world.vacancies.push({ id: vacancy, unit, requirements });
      }
    }
    // Applicants: few competencies each, from a small part of the pool, so that tuples repeat.
    const count = randomInt(rand, 140, 200);
    const names = Array.from({ length: count }, (_, i) => `Ứng viên ${code}-${i}`);
    const rows = await server.sql<{ id: string }>(`insert into candidate (full_name, current_sector, home_unit_id) select n, 'PRIVATE', ? from unnest(?::text[]) n returning id`, [root, names]);
    const held: Array<[string, string, number]> = [];
    const applied: Array<[string, string, string]> = [];
    for (const { id } of rows) {
      const levels = new Map<number, number>();
      for (const c of pick(rand, [...Array(POOL).keys()].slice(0, 12 + randomInt(rand, 0, POOL - 12)), randomInt(rand, 0, 6))) levels.set(c, randomInt(rand, 1, 5));
      for (const [c, l] of levels) held.push([String(id), competency[c], l]);
      const stage = ['APPLIED', 'SCREENING', 'INTERVIEW', 'APPLIED', 'REJECTED'][randomInt(rand, 0, 4)];
      applied.push([String(id), world.vacancies[Math.floor(rand() * world.vacancies.length)].id, stage]);
      world.applicants.push({ id: String(id), levels, live: stage !== 'REJECTED' });
    }
    if (held.length > 0) {
      await server.sql(`insert into candidate_competency (candidate_id, competency_id, level) select * from unnest(?::bigint[], ?::bigint[], ?::smallint[])`, [
        held.map((h) => h[0]),
        held.map((h) => h[1]),
        held.map((h) => h[2]),
      ]);
    }
    await server.sql(`insert into application (candidate_id, vacancy_id, stage, applied_on) select c, v, s, '2026-01-02' from unnest(?::bigint[], ?::bigint[], ?::text[]) as x(c, v, s)`, [
      applied.map((a) => a[0]),
      applied.map((a) => a[1]),
      applied.map((a) => a[2]),
    ]);
    return world;
  }

  /** The contract's fit: each requirement counts min(held, required) / required, averaged; none required fits fully. */
  function fit(requirements: Array<[number, number]>, levels: Map<number, number>): number {
    if (requirements.length === 0) return 1;
    let sixtieths = 0;
    for (const [c, l] of requirements) sixtieths += Math.min(levels.get(c) ?? 0, l) * (60 / l);
    return sixtieths / (60 * requirements.length);
  }

  it(`matches brute force on ${INSTANCES} seeded regions`, async () => {
    let cut = 0;
    for (let seed = 1; seed <= INSTANCES; seed++) {
      const world = await build(seed);
      const edges: PlacementEdge[] = [];
      const score = new Map<string, number>();
      for (const v of world.vacancies) {
        for (const a of world.applicants) {
          if (!a.live) continue;
          const s = fit(v.requirements, a.levels);
          if (s > 0 && s >= world.minScore) {
            edges.push({ vacancyId: v.id, candidateId: a.id, score: s });
            score.set(`${v.id}|${a.id}`, s);
          }
        }
      }
      const best = optimalPlacement({ vacancies: world.vacancies.map((v) => ({ id: v.id, group: v.unit })), groupCapacity: world.capacity, edges });
      // The first solve sees min(128, fillable) pairs per vacancy (fillable: the most any plan fills).
      const perUnitVacancies = new Map<string, number>();
      for (const v of world.vacancies) perUnitVacancies.set(v.unit, (perUnitVacancies.get(v.unit) ?? 0) + 1);
      const fillable = [...perUnitVacancies].reduce((sum, [unit, n]) => sum + Math.min(n, world.capacity.get(unit)!), 0);
      if (world.vacancies.some((v) => edges.filter((e) => e.vacancyId === v.id).length > Math.min(128, fillable))) cut++;

      const res = await server.gql(
        `query($code: String!, $min: Float!) { placementPlan(unitCode: $code, minScore: $min) { totalScore unplacedVacancies suggestions { score vacancy { id } candidate { id } } } }`,
        { code: world.code, min: world.minScore },
        admin,
      );
      expect(res.errors).toBeUndefined();
      const plan = res.data.placementPlan;
      expect({ seed, total: plan.totalScore }).toEqual({ seed, total: expect.closeTo(best.totalScore, 9) });
      expect(plan.unplacedVacancies).toBe(world.vacancies.length - plan.suggestions.length);
      const vacancyOf = new Map(world.vacancies.map((v) => [toGlobalId('Vacancy', v.id), v]));
      const candidateOf = new Map(world.applicants.map((a) => [toGlobalId('Candidate', a.id), a.id]));
      const usedCandidates = new Set<string>();
      const perUnit = new Map<string, number>();
      for (const s of plan.suggestions) {
        const vacancy = vacancyOf.get(s.vacancy.id)!;
        const candidate = candidateOf.get(s.candidate.id)!;
        expect(score.get(`${vacancy.id}|${candidate}`)).toBe(s.score); // the exact float brute force computes
        expect(usedCandidates.has(candidate)).toBe(false);
        usedCandidates.add(candidate);
        perUnit.set(vacancy.unit, (perUnit.get(vacancy.unit) ?? 0) + 1);
      }
      for (const [unit, used] of perUnit) expect(used).toBeLessThanOrEqual(world.capacity.get(unit)!);
    }
    // The instances do exercise the cut lists (more pairs than a vacancy is first sent).
    expect(cut).toBeGreaterThan(INSTANCES / 2);
  }, 600_000);
});
