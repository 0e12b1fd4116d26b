import { mulberry32 } from '../src/shared/prng';
import { Role } from '../src/graphql/enums';
import { fromGlobalId, toGlobalId } from '../src/graphql/global-id';
import { pathInSubtree } from '../src/auth/scope';
import { spliced, fragment } from '../src/shared/sql';
import { today } from '../src/shared/today';
import { provinceUnitCode } from '../src/shared/region';
import { candidateVisibleSql } from '../src/modules/recruitment/recruitment-scope';
import { assignmentActiveOn } from '../src/modules/staffing';
import { startTestServer, TestServer } from './helpers/harness';
import { daysAgo } from './helpers/recruitment-world';

/**
 * matchCandidates serves the top k without scoring the whole talent pool (k candidates meeting
 * every requirement settle it; otherwise only holders of a required competency are scored). This
 * holds it to brute force on 200 seeded random instances, through the real GraphQL layer: an
 * oracle reads, for every candidate the caller may match and every internal person, their level
 * in each requirement, and scores, ranks and cuts in JavaScript with whole-number arithmetic.
 * Rows, scores (to the bit), order and what each one misses must all agree.
 */

const WORLDS = 20;
const QUERIES_PER_WORLD = 10;
const QUERY = `query($id: ID!, $first: Int, $internal: Boolean) {
  matchCandidates(positionId: $id, first: $first, includeInternal: $internal) { score candidate { id } person { id } missing { level competency { id } } }
}`;

interface Expected {
  kind: 'CANDIDATE' | 'PERSON';
  id: string;
  score: number;
  missing: Array<{ competencyId: string; level: number }>;
}

describe('matchCandidates against brute force', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  const insertIds = async (sql: string, params: unknown[]): Promise<string[]> => (await server.sql<{ id: string }>(sql, params)).map((r) => String(r.id));

  /** Every candidate the viewer may match and every internal person, each with their level (0: none) in each requirement, ranked by the contract. */
  async function bruteForce(viewer: { role: Role; unitCode: string | null }, positionId: string, regionCode: string, first: number, includeInternal: boolean): Promise<Expected[]> {
    const visible = candidateVisibleSql('c', { ...viewer, subject: 'oracle' } as any);
    const date = today();
    const query = spliced`with req as (select competency_id, level from position_requirement where position_id = ${fragment('?', positionId)})
      select 'CANDIDATE' as kind, c.id::text as id,
             coalesce((select json_agg(json_build_array(r.competency_id::text, r.level, coalesce(cc.level, 0))) from req r
                       left join candidate_competency cc on cc.candidate_id = c.id and cc.competency_id = r.competency_id), '[]') as levels
      from candidate c
      where ${visible} and not exists (select 1 from application h where h.candidate_id = c.id and h.stage = 'HIRED')
      union all
      select 'PERSON', pe.id::text,
             coalesce((select json_agg(json_build_array(r.competency_id::text, r.level, coalesce(pc.level, 0))) from req r
                       left join person_competency pc on pc.person_id = pe.id and pc.competency_id = r.competency_id), '[]')
      from person pe
      where ${fragment('?::boolean', includeInternal)}
        and exists (select 1 from assignment a join position p on p.id = a.position_id join org_unit u on u.id = p.unit_id
                    where a.person_id = pe.id and ${pathInSubtree('u.path', regionCode)} and ${assignmentActiveOn('a', date)})
        and not exists (select 1 from assignment mine where mine.person_id = pe.id and mine.position_id = ${fragment('?', positionId)} and ${assignmentActiveOn('mine', date)})`;
    const rows = await server.sql<{ kind: 'CANDIDATE' | 'PERSON'; id: string; levels: Array<[string, number, number]> }>(query.text, query.values);
    const scored = rows.map((row) => {
      const n = row.levels.length;
      // Sixtieths: each min(have, required) / required is a whole number of them.
      const sixtieths = row.levels.reduce((sum, [, required, have]) => sum + Math.min(have, required) * (60 / required), 0);
      return {
        kind: row.kind,
        id: row.id,
        sixtieths: n === 0 ? 60 : sixtieths,
        n: n === 0 ? 1 : n,
        missing: row.levels
          .filter(([, required, have]) => have < required)
          .map(([competencyId, required]) => ({ competencyId, level: required }))
          .sort((a, b) => Number(a.competencyId) - Number(b.competencyId)),
      };
    });
    scored.sort((a, b) => b.sixtieths - a.sixtieths || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) || Number(BigInt(a.id) - BigInt(b.id)));
    return scored.slice(0, first).map((s) => ({ kind: s.kind, id: s.id, score: s.sixtieths / (60 * s.n), missing: s.missing }));
  }

  // First, while the talent pool is still empty: staff holding none of the requirements make the
  // answer only after every candidate and every holder, and then by id.
  it('takes the staff holding none by id, after candidates and holders', async () => {
    const [province] = await insertIds(`insert into org_unit (code, name, kind) values ('NONE', 'NONE', 'PROVINCE') returning id`, []);
    const [skill] = await insertIds(`insert into competency (code, name, is_digital) values ('NONE_SKILL', 'NONE', true) returning id`, []);
    const [required, free, post] = await insertIds(
      `insert into position (unit_id, title, category, role_family, seniority, pay_coefficient, headcount) select ?, t, 'CIVIL_SERVANT', 'SOFTWARE_ENGINEER', 'MID', 2.34, 50 from unnest(array['R', 'F', 'S']) t returning id`,
      [province],
    );
    await server.sql(`insert into position_requirement (position_id, competency_id, level) values (?, ?, 2)`, [required, skill]);
    const candidates = await insertIds(`insert into candidate (full_name, current_sector, home_unit_id) select 'C' || i, 'PRIVATE', ? from generate_series(1, 2) i returning id`, [province]);
    // Eight staff, in id order; the 3rd and the 6th hold the skill (level 1: half a fit).
    const people = await insertIds(`insert into person (full_name, home_unit_id) select 'N' || i, ? from generate_series(1, 8) i returning id`, [province]);
    await server.sql(`insert into assignment (person_id, position_id, kind, start_date) select p, ?, 'PRIMARY', ? from unnest(?::bigint[]) p`, [post, daysAgo(100), people]);
    await server.sql(`insert into person_competency (person_id, competency_id, level) select p, ?, 1 from unnest(?::bigint[]) p`, [skill, [people[2], people[5]]]);
    const hr = await server.token(Role.HR_OFFICER, 'NONE');
    const ask = async (positionId: string) => {
      const res = await server.gql(QUERY, { id: toGlobalId('Position', positionId), first: 6, internal: true }, hr);
      expect(res.errors).toBeUndefined();
      return res.data.matchCandidates.map((m: any) => [m.score, m.candidate ? `C${fromGlobalId(m.candidate.id)!.key}` : `P${fromGlobalId(m.person.id)!.key}`]);
    };
    const [c1, c2] = candidates.map((id) => `C${id}`);
    const p = people.map((id) => `P${id}`);
    expect(await ask(required)).toEqual([[0.5, p[2]], [0.5, p[5]], [0, c1], [0, c2], [0, p[0]], [0, p[1]]]);
    expect(await ask(free)).toEqual([[1, c1], [1, c2], [1, p[0]], [1, p[1]], [1, p[2]], [1, p[3]]]);
  });

  // The candidates tested for the caller are first the best few by score alone (50 per match):
  // when all of those are out of reach, every holder is tested.
  it('tests every holder when the best by score alone are all hired', async () => {
    const [province] = await insertIds(`insert into org_unit (code, name, kind) values ('TOPN', 'TOPN', 'PROVINCE') returning id`, []);
    const [skill] = await insertIds(`insert into competency (code, name, is_digital) values ('TOPN_SKILL', 'TOPN', true) returning id`, []);
    const [position, elsewhere] = await insertIds(
      `insert into position (unit_id, title, category, role_family, seniority, pay_coefficient, headcount) select ?, t, 'CIVIL_SERVANT', 'SOFTWARE_ENGINEER', 'MID', 2.34, 5 from unnest(array['P', 'Q']) t returning id`,
      [province],
    );
    await server.sql(`insert into position_requirement (position_id, competency_id, level) values (?, ?, 4)`, [position, skill]);
    // 57 candidates at level 3 (a fit of 3/4, none in full), in id order; the first 55 are hired.
    const candidates = await insertIds(`insert into candidate (full_name, current_sector, home_unit_id) select 'T' || i, 'PRIVATE', ? from generate_series(1, 57) i returning id`, [province]);
    await server.sql(`insert into candidate_competency (candidate_id, competency_id, level) select c, ?, 3 from unnest(?::bigint[]) c`, [skill, candidates]);
    const [vacancy] = await insertIds(`insert into vacancy (position_id, status, opened_on) values (?, 'OPEN', ?) returning id`, [elsewhere, daysAgo(30)]);
    await server.sql(`insert into application (candidate_id, vacancy_id, stage, applied_on) select c, ?, 'HIRED', ? from unnest(?::bigint[]) c`, [vacancy, daysAgo(20), candidates.slice(0, 55)]);
    const hr = await server.token(Role.HR_OFFICER, 'TOPN');
    const res = await server.gql(QUERY, { id: toGlobalId('Position', position), first: 1, internal: true }, hr);
    expect(res.errors).toBeUndefined();
    expect(res.data.matchCandidates.map((m: any) => [m.score, fromGlobalId(m.candidate.id)!.key])).toEqual([[0.75, candidates[55]]]);
  });

  it(`agrees on ${WORLDS * QUERIES_PER_WORLD} random instances, whoever asks and whatever fits`, async () => {
    const rand = mulberry32(20261203);
    const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
    const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];
    const chance = (p: number) => rand() < p;
    const shared = await insertIds(`insert into competency (code, name, is_digital) select 'RND_SHARED_' || i, 'Chung ' || i, true from generate_series(1, 2) i returning id`, []);
    // How often each kind of instance came up: the test must have met them all.
    const seen = { instances: 0, settledByFullFits: 0, rankedInFull: 0, withPeople: 0, withNonHolders: 0, withoutRequirements: 0, ledByStaff: 0, withStaffHoldingNone: 0 };

    for (let w = 0; w < WORLDS; w++) {
      const province = `RND${w}`;
      // Every fourth world is a province's staff against a thin talent pool: few candidates, none
      // generous, so the staff, ranked from their holders, make most of the answer.
      const staffHeavy = w % 4 === 3;
      // A province, two districts, two wards each.
      const [provinceId] = await insertIds(`insert into org_unit (code, name, kind) values (?, ?, 'PROVINCE') returning id`, [province, province]);
      const codes = [province];
      const unitIds = [provinceId];
      for (let d = 1; d <= 2; d++) {
        const [districtId] = await insertIds(`insert into org_unit (code, name, kind, parent_id) values (?, ?, 'DISTRICT', ?) returning id`, [`${province}.D${d}`, `D${d}`, provinceId]);
        codes.push(`${province}.D${d}`);
        unitIds.push(districtId);
        for (let x = 1; x <= 2; x++) {
          const [wardId] = await insertIds(`insert into org_unit (code, name, kind, parent_id) values (?, ?, 'WARD', ?) returning id`, [`${province}.D${d}.W${x}`, `W${x}`, districtId]);
          codes.push(`${province}.D${d}.W${x}`);
          unitIds.push(wardId);
        }
      }
      const own = await insertIds(`insert into competency (code, name, is_digital) select ? || '_C' || i, 'Kỹ năng ' || i, true from generate_series(1, 3) i returning id`, [province]);
      const competencies = [...own, ...shared];

      // Positions with 0 to 4 requirements; low levels now and then, so that many fit in full.
      const positionIds = await insertIds(
        `insert into position (unit_id, title, category, role_family, seniority, pay_coefficient, headcount)
         select u, 'Vị trí', 'CIVIL_SERVANT', 'SOFTWARE_ENGINEER', 'MID', 2.34, 3 from unnest(?::bigint[]) u returning id`,
        [Array.from({ length: 4 }, () => pick(unitIds))],
      );
      const requirements: Array<[string, string, number]> = [];
      for (const positionId of positionIds) {
        const easy = chance(0.4);
        const count = pick([0, 1, 1, 2, 2, 3, 3, 4]);
        for (const competencyId of [...competencies].sort(() => rand() - 0.5).slice(0, count)) requirements.push([positionId, competencyId, easy ? int(1, 2) : int(1, 5)]);
      }
      if (requirements.length) {
        await server.sql(`insert into position_requirement (position_id, competency_id, level) select * from unnest(?::bigint[], ?::bigint[], ?::smallint[])`, [
          requirements.map((r) => r[0]), requirements.map((r) => r[1]), requirements.map((r) => r[2]),
        ]);
      }

      // Candidates: recorded in a unit of this world, in another province, or in the national pool.
      const candidateCount = staffHeavy ? pick([0, 3, 8]) : pick([0, 3, 8, 15, 25, 40]);
      const homes = Array.from({ length: candidateCount }, () => (chance(0.15) ? null : chance(0.15) && w > 0 ? null : pick(unitIds)));
      const candidateIds = candidateCount
        ? await insertIds(`insert into candidate (full_name, current_sector, home_unit_id) select 'Ứng viên', 'PRIVATE', h from unnest(?::bigint[]) h returning id`, [homes])
        : [];
      const held: Array<[string, string, number]> = [];
      for (const candidateId of candidateIds) {
        const generous = !staffHeavy && chance(0.5);
        for (const competencyId of competencies) if (chance(generous ? 0.8 : 0.4)) held.push([candidateId, competencyId, generous ? int(2, 5) : int(1, 5)]);
      }
      if (held.length) {
        await server.sql(`insert into candidate_competency (candidate_id, competency_id, level) select * from unnest(?::bigint[], ?::bigint[], ?::smallint[])`, [
          held.map((h) => h[0]), held.map((h) => h[1]), held.map((h) => h[2]),
        ]);
      }
      // Applications to this world's vacancies: they make a candidate visible there, and a hire takes them out of the pool.
      const vacancyIds = await insertIds(`insert into vacancy (position_id, status, opened_on) select p, 'OPEN', ? from unnest(?::bigint[]) p returning id`, [daysAgo(30), positionIds.slice(0, 2)]);
      const applications: Array<[string, string, string]> = [];
      for (const candidateId of candidateIds) {
        if (chance(0.3)) applications.push([candidateId, pick(vacancyIds), chance(0.25) ? 'HIRED' : pick(['APPLIED', 'SCREENING', 'REJECTED'])]);
      }
      if (applications.length) {
        await server.sql(`insert into application (candidate_id, vacancy_id, stage, applied_on) select c, v, s, ? from unnest(?::bigint[], ?::bigint[], ?::text[]) as a(c, v, s) on conflict do nothing`, [
          daysAgo(20), applications.map((a) => a[0]), applications.map((a) => a[1]), applications.map((a) => a[2]),
        ]);
      }

      // Staff: one assignment each, past, current or future, some on the positions matched.
      const personCount = staffHeavy ? pick([25, 40]) : pick([0, 2, 6, 12]);
      const personIds = personCount
        ? await insertIds(`insert into person (full_name, home_unit_id) select 'Cán bộ', ? from generate_series(1, ?) returning id`, [provinceId, personCount])
        : [];
      if (personIds.length) {
        const spans = personIds.map(() => pick([[daysAgo(400), null], [daysAgo(400), daysAgo(10)], [daysAgo(-10), null], [daysAgo(100), daysAgo(-30)]] as Array<[string, string | null]>));
        await server.sql(`insert into assignment (person_id, position_id, kind, start_date, end_date) select * from unnest(?::bigint[], ?::bigint[], ?::text[], ?::date[], ?::date[])`, [
          personIds, personIds.map(() => pick(positionIds)), personIds.map(() => 'PRIMARY'), spans.map((s) => s[0]), spans.map((s) => s[1]),
        ]);
        // Some staff also hold a concurrent post: counted once, and matched unless either post is the position.
        const concurrent = staffHeavy ? personIds.filter(() => chance(0.3)) : [];
        if (concurrent.length) {
          await server.sql(`insert into assignment (person_id, position_id, kind, start_date) select p, q, 'CONCURRENT', ? from unnest(?::bigint[], ?::bigint[]) as x(p, q)`, [
            daysAgo(200), concurrent, concurrent.map(() => pick(positionIds)),
          ]);
        }
        const personHeld: Array<[string, string, number]> = [];
        for (const personId of personIds) for (const competencyId of competencies) if (chance(0.6)) personHeld.push([personId, competencyId, int(1, 5)]);
        if (personHeld.length) {
          await server.sql(`insert into person_competency (person_id, competency_id, level) select * from unnest(?::bigint[], ?::bigint[], ?::smallint[])`, [
            personHeld.map((h) => h[0]), personHeld.map((h) => h[1]), personHeld.map((h) => h[2]),
          ]);
        }
      }

      for (let q = 0; q < QUERIES_PER_WORLD; q++) {
        const positionId = pick(positionIds);
        // Whoever asks may see the position: an ADMIN, or an HR office at or above its unit.
        const [{ code }] = await server.sql<{ code: string }>(`select u.code from position p join org_unit u on u.id = p.unit_id where p.id = ?`, [positionId]);
        const above = codes.filter((c) => code === c || code.startsWith(`${c}.`));
        const viewer = chance(0.3) ? { role: Role.ADMIN, unitCode: null } : { role: Role.HR_OFFICER, unitCode: pick(above) };
        const first = pick([1, 2, 3, 5, 10, 20]);
        const includeInternal = chance(0.6);
        const expected = await bruteForce(viewer, positionId, provinceUnitCode(code), first, includeInternal);
        const token = await server.token(viewer.role, viewer.unitCode);
        const res = await server.gql(QUERY, { id: toGlobalId('Position', positionId), first, internal: includeInternal }, token);
        expect(res.errors).toBeUndefined();
        const actual = res.data.matchCandidates.map((m: any) => ({
          kind: m.candidate ? 'CANDIDATE' : 'PERSON',
          id: fromGlobalId((m.candidate ?? m.person).id)!.key,
          score: m.score,
          missing: m.missing.map((x: any) => ({ competencyId: fromGlobalId(x.competency.id)!.key, level: x.level })),
        }));
        expect({ world: w, query: q, viewer, first, includeInternal, matches: actual }).toEqual({ world: w, query: q, viewer, first, includeInternal, matches: expected });
        seen.instances++;
        if (expected.length === first && expected.every((e) => e.kind === 'CANDIDATE' && e.score === 1)) seen.settledByFullFits++;
        else seen.rankedInFull++;
        if (expected.some((e) => e.kind === 'PERSON')) seen.withPeople++;
        if (expected.some((e) => e.kind === 'CANDIDATE' && e.score === 0)) seen.withNonHolders++;
        if (!requirements.some((r) => r[0] === positionId)) seen.withoutRequirements++;
        const people = expected.filter((e) => e.kind === 'PERSON');
        if (people.length * 2 > expected.length && !expected.some((e) => e.kind === 'CANDIDATE' && e.score === 1)) seen.ledByStaff++;
        if (people.some((e) => e.score === 0)) seen.withStaffHoldingNone++;
      }
    }
    expect(seen.instances).toBe(WORLDS * QUERIES_PER_WORLD);
    // Both ways to the answer were taken often (settled by k full fits, or ranked in full), and
    // people, candidates holding none of the requirements and positions without any all came up;
    // so did answers mostly of staff with no candidate fitting in full, and staff holding none.
    console.log(`matchCandidates against brute force: ${JSON.stringify(seen)}`);
    expect(seen.settledByFullFits).toBeGreaterThanOrEqual(50);
    expect(seen.rankedInFull).toBeGreaterThanOrEqual(50);
    expect(seen.withPeople).toBeGreaterThanOrEqual(15);
    expect(seen.withNonHolders).toBeGreaterThanOrEqual(15);
    expect(seen.withoutRequirements).toBeGreaterThanOrEqual(10);
    expect(seen.ledByStaff).toBeGreaterThanOrEqual(15);
    expect(seen.withStaffHoldingNone).toBeGreaterThanOrEqual(3);
  });

  it('costs no more statements than scoring everyone did, and fewer when full fits settle it', async () => {
    const [province] = await insertIds(`insert into org_unit (code, name, kind) values ('CNT', 'CNT', 'PROVINCE') returning id`, []);
    const [skill] = await insertIds(`insert into competency (code, name, is_digital) values ('CNT_SKILL', 'CNT', true) returning id`, []);
    const [position] = await insertIds(`insert into position (unit_id, title, category, role_family, seniority, pay_coefficient, headcount) values (?, 'P', 'CIVIL_SERVANT', 'SOFTWARE_ENGINEER', 'MID', 2.34, 2) returning id`, [province]);
    await server.sql(`insert into position_requirement (position_id, competency_id, level) values (?, ?, 3)`, [position, skill]);
    // 30 candidates: 20 at level 3 (full fits), 10 at level 1; 5 people in the province at level 2.
    const candidates = await insertIds(`insert into candidate (full_name, current_sector, home_unit_id) select 'C' || i, 'PRIVATE', ? from generate_series(1, 30) i returning id`, [province]);
    await server.sql(`insert into candidate_competency (candidate_id, competency_id, level) select c, ?, case when n <= 20 then 3 else 1 end from unnest(?::bigint[]) with ordinality as x(c, n)`, [skill, candidates]);
    const [other] = await insertIds(`insert into position (unit_id, title, category, role_family, seniority, pay_coefficient, headcount) values (?, 'Q', 'CIVIL_SERVANT', 'SOFTWARE_ENGINEER', 'MID', 2.34, 9) returning id`, [province]);
    const people = await insertIds(`insert into person (full_name, home_unit_id) select 'N' || i, ? from generate_series(1, 5) i returning id`, [province]);
    await server.sql(`insert into assignment (person_id, position_id, kind, start_date) select p, ?, 'PRIMARY', ? from unnest(?::bigint[]) p`, [other, daysAgo(100), people]);
    await server.sql(`insert into person_competency (person_id, competency_id, level) select p, ?, 2 from unnest(?::bigint[]) p`, [skill, people]);
    const hr = await server.token(Role.HR_OFFICER, 'CNT');
    const ask = async (first: number) => {
      const res = await server.gql(QUERY, { id: toGlobalId('Position', position), first, internal: true }, hr);
      expect(res.errors).toBeUndefined();
      return res;
    };
    const settled = await ask(20); // 20 full fits
    expect(settled.data.matchCandidates.map((m: any) => m.score)).toEqual(Array(20).fill(1));
    const ranked = await ask(30); // 20 full fits, then 5 people (2/3) and 5 candidates (1/3)
    expect(ranked.data.matchCandidates.map((m: any) => m.score)).toEqual([...Array(20).fill(1), ...Array(5).fill(2 / 3), ...Array(5).fill(1 / 3)]);
    const few = await ask(21);
    console.log(`matchCandidates statements: settled by full fits ${settled.statements}, ranked in full ${ranked.statements} (21: ${few.statements})`);
    // Scoring everyone took 6 and 7 here (position, scope check, unit, the matches, what they
    // miss, the candidates, the people). Full fits need neither the unit nor what they miss.
    expect(settled.statements).toBeLessThanOrEqual(5);
    expect(ranked.statements).toBeLessThanOrEqual(7);
    expect(few.statements).toBe(ranked.statements);
  });
});
