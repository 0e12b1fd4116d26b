import { mulberry32 } from '../src/shared/prng';
import {
  certifiedPlacement,
  compareIds,
  optimalPlacement,
  PlacementEdge,
  PlacementProblem,
  PlacementSolution,
} from '../src/modules/recruitment/placement-optimizer';

/** Pure unit tests: no database, no server. */

function randomInt(rand: () => number, lo: number, hi: number): number {
  return lo + Math.floor(rand() * (hi - lo + 1));
}

function shuffled<T>(items: T[], rand: () => number): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function edge(vacancyId: string, candidateId: string, score: number): PlacementEdge {
  return { vacancyId, candidateId, score };
}

function problem(
  vacancies: Array<[id: string, group: string]>,
  capacities: Array<[group: string, capacity: number | null]>,
  edges: PlacementEdge[],
): PlacementProblem {
  return {
    vacancies: vacancies.map(([id, group]) => ({ id, group })),
    groupCapacity: new Map(capacities),
    edges,
  };
}

/** Throws unless `solution` is a feasible plan for `p` with a consistent total. */
function assertFeasible(p: PlacementProblem, solution: PlacementSolution): void {
  const groupOf = new Map(p.vacancies.map((v) => [v.id, v.group]));
  const given = new Map<string, number>();
  for (const e of p.edges) {
    const key = `${e.vacancyId}|${e.candidateId}`;
    given.set(key, Math.max(given.get(key) ?? -Infinity, e.score));
  }
  const usedVacancies = new Set<string>();
  const usedCandidates = new Set<string>();
  const perGroup = new Map<string, number>();
  let total = 0;
  for (const pair of solution.pairs) {
    expect(given.get(`${pair.vacancyId}|${pair.candidateId}`)).toBe(pair.score);
    expect(usedVacancies.has(pair.vacancyId)).toBe(false);
    expect(usedCandidates.has(pair.candidateId)).toBe(false);
    usedVacancies.add(pair.vacancyId);
    usedCandidates.add(pair.candidateId);
    const group = groupOf.get(pair.vacancyId);
    expect(group).toBeDefined();
    perGroup.set(group!, (perGroup.get(group!) ?? 0) + 1);
    total += pair.score;
  }
  for (const [group, count] of perGroup) {
    const capacity = p.groupCapacity.get(group);
    if (capacity !== null && capacity !== undefined) expect(count).toBeLessThanOrEqual(Math.max(0, capacity));
  }
  expect(solution.totalScore).toBeCloseTo(total, 9);
  // Sorted by vacancyId, then candidateId (numerically: the random instances use decimal ids).
  for (let i = 1; i < solution.pairs.length; i++) {
    const a = solution.pairs[i - 1];
    const b = solution.pairs[i];
    const byVacancy = Number(a.vacancyId) - Number(b.vacancyId);
    expect(byVacancy < 0 || (byVacancy === 0 && Number(a.candidateId) < Number(b.candidateId))).toBe(true);
  }
}

const pairsOf = (s: PlacementSolution) => s.pairs.map((p) => `${p.vacancyId}-${p.candidateId}`);

describe('optimalPlacement: hand-worked cases', () => {
  it('returns nothing for an empty problem', () => {
    expect(optimalPlacement(problem([], [], []))).toEqual({ pairs: [], totalScore: 0 });
    // Vacancies but no eligible candidate.
    expect(optimalPlacement(problem([['1', 'A']], [['A', 3]], []))).toEqual({ pairs: [], totalScore: 0 });
  });

  it('places a single eligible pair', () => {
    const s = optimalPlacement(problem([['1', 'A']], [['A', 1]], [edge('1', '7', 0.75)]));
    expect(s).toEqual({ pairs: [edge('1', '7', 0.75)], totalScore: 0.75 });
  });

  it('beats greedy: the best edge blocks two good ones', () => {
    // Greedy takes 1–10 (0.9) and then vacancy 2 has nobody: 0.9. Optimum: 1–11 + 2–10 = 1.65.
    const p = problem(
      [['1', 'A'], ['2', 'A']],
      [],
      [edge('1', '10', 0.9), edge('1', '11', 0.8), edge('2', '10', 0.85)],
    );
    const s = optimalPlacement(p);
    expect(pairsOf(s)).toEqual(['1-11', '2-10']);
    expect(s.totalScore).toBeCloseTo(1.65, 12);
    assertFeasible(p, s);
  });

  it('keeps only the best placements a group quota allows', () => {
    const p = problem(
      [['1', 'A'], ['2', 'A'], ['3', 'A']],
      [['A', 2]],
      [edge('1', '10', 0.6), edge('2', '11', 0.9), edge('3', '12', 0.7)],
    );
    const s = optimalPlacement(p);
    expect(pairsOf(s)).toEqual(['2-11', '3-12']);
    expect(s.totalScore).toBeCloseTo(1.6, 12);
  });

  it('places nobody in a group with no quota left (0 or over quota)', () => {
    const p = problem(
      [['1', 'A'], ['2', 'B'], ['3', 'C']],
      [['A', 0], ['B', -2], ['C', 1]],
      [edge('1', '10', 0.99), edge('2', '11', 0.98), edge('3', '10', 0.5)],
    );
    const s = optimalPlacement(p);
    expect(pairsOf(s)).toEqual(['3-10']);
    expect(s.totalScore).toBe(0.5);
  });

  it('treats a null or missing capacity as unlimited', () => {
    const p = problem(
      [['1', 'CONTRACT'], ['2', 'CONTRACT'], ['3', 'CONTRACT'], ['4', 'NOT_IN_MAP']],
      [['CONTRACT', null]],
      [edge('1', '10', 0.5), edge('2', '11', 0.6), edge('3', '12', 0.7), edge('4', '13', 0.8)],
    );
    const s = optimalPlacement(p);
    expect(pairsOf(s)).toEqual(['1-10', '2-11', '3-12', '4-13']);
    expect(s.totalScore).toBeCloseTo(2.6, 12);
  });

  it('beats greedy when the best edge spends a quota two other edges use better', () => {
    // Group A (vacancies 1, 2) has one hire left. Greedy takes 1–10 (0.9): that spends A's quota
    // and candidate 10, so 2–11 and 3–10 are both blocked: 0.9. Optimum: 2–11 + 3–10 = 1.3.
    const p = problem(
      [['1', 'A'], ['2', 'A'], ['3', 'B']],
      [['A', 1], ['B', 1]],
      [edge('1', '10', 0.9), edge('2', '11', 0.6), edge('3', '10', 0.7)],
    );
    const s = optimalPlacement(p);
    expect(pairsOf(s)).toEqual(['2-11', '3-10']);
    expect(s.totalScore).toBeCloseTo(1.3, 12);
    assertFeasible(p, s);
  });

  it('needs a long augmenting chain to reach the optimum', () => {
    // A chain where each vacancy's top candidate is the next vacancy's only one.
    const p = problem(
      [['1', 'A'], ['2', 'A'], ['3', 'A'], ['4', 'A']],
      [['A', 4]],
      [
        edge('1', '10', 0.9), edge('1', '11', 0.8),
        edge('2', '11', 0.9), edge('2', '12', 0.8),
        edge('3', '12', 0.9), edge('3', '13', 0.8),
        edge('4', '13', 0.9),
      ],
    );
    const s = optimalPlacement(p);
    expect(pairsOf(s)).toEqual(['1-10', '2-11', '3-12', '4-13']);
    expect(s.totalScore).toBeCloseTo(3.6, 12);
  });

  it('sorts by vacancyId then candidateId, numerically for decimal ids', () => {
    const p = problem(
      [['10', 'A'], ['9', 'A'], ['100', 'A']],
      [],
      [edge('100', '2', 0.5), edge('9', '30', 0.5), edge('10', '4', 0.5)],
    );
    expect(pairsOf(optimalPlacement(p))).toEqual(['9-30', '10-4', '100-2']);
  });

  it('also places zero-score pairs when they cost nothing (most pairs among the optima)', () => {
    const p = problem([['1', 'A'], ['2', 'A']], [['A', 2]], [edge('1', '10', 0.7), edge('2', '11', 0)]);
    const s = optimalPlacement(p);
    expect(pairsOf(s)).toEqual(['1-10', '2-11']);
    expect(s.totalScore).toBe(0.7);
  });

  it('is robust to sloppy input', () => {
    const p = problem(
      [['1', 'A'], ['1', 'B'], ['2', 'A'], ['3', 'C']],
      [['A', 1.9], ['B', 0], ['C', Number.NaN]],
      [
        edge('1', '10', 0.4), edge('1', '10', 0.6), // duplicate pair: the best score counts
        edge('2', '11', -0.5), // negative score: ignored
        edge('2', '12', Number.NaN), // not a number: ignored
        edge('99', '13', 0.9), // unknown vacancy: ignored
        edge('3', '14', 0.9), // group C has capacity NaN: treated as 0
      ],
    );
    // Vacancy 1 keeps its first group (A, capacity floor(1.9) = 1).
    const s = optimalPlacement(p);
    expect(s).toEqual({ pairs: [edge('1', '10', 0.6)], totalScore: 0.6 });
  });
});

// ---------------------------------------------------------------------------------------------

interface BruteForce {
  /** best total, in hundredths (instances use 2-decimal scores, so this is exact) */
  cents: number;
  /** the most pairs among the plans with that total */
  pairs: number;
}

/** Exhaustive search: each vacancy is left open or given one free eligible candidate. */
function bruteForce(p: PlacementProblem): BruteForce {
  const capacityOf = (group: string) => {
    const c = p.groupCapacity.get(group);
    return c === null || c === undefined ? Infinity : Math.max(0, c);
  };
  const options = p.vacancies.map((v) =>
    p.edges.filter((e) => e.vacancyId === v.id).map((e) => ({ candidateId: e.candidateId, cents: Math.round(e.score * 100) })),
  );
  const usedCandidates = new Set<string>();
  const perGroup = new Map<string, number>();
  let best: BruteForce = { cents: 0, pairs: 0 };
  const visit = (i: number, cents: number, pairs: number) => {
    if (i === p.vacancies.length) {
      if (cents > best.cents || (cents === best.cents && pairs > best.pairs)) best = { cents, pairs };
      return;
    }
    visit(i + 1, cents, pairs);
    const group = p.vacancies[i].group;
    const taken = perGroup.get(group) ?? 0;
    if (taken >= capacityOf(group)) return;
    for (const o of options[i]) {
      if (usedCandidates.has(o.candidateId)) continue;
      usedCandidates.add(o.candidateId);
      perGroup.set(group, taken + 1);
      visit(i + 1, cents + o.cents, pairs + 1);
      perGroup.set(group, taken);
      usedCandidates.delete(o.candidateId);
    }
  };
  visit(0, 0, 0);
  return best;
}

function randomSmallInstance(rand: () => number): PlacementProblem {
  const groupCount = randomInt(rand, 1, 3);
  const groupCapacity = new Map<string, number | null>();
  for (let g = 0; g < groupCount; g++) {
    const roll = rand();
    if (roll < 0.2) groupCapacity.set(`G${g}`, null);
    else if (roll < 0.3) continue; // missing from the map: unlimited too
    else groupCapacity.set(`G${g}`, randomInt(rand, 0, 3));
  }
  const vacancies = Array.from({ length: randomInt(rand, 1, 6) }, (_, i) => ({
    id: String(i + 1),
    group: `G${randomInt(rand, 0, groupCount - 1)}`,
  }));
  const candidateCount = randomInt(rand, 1, 6);
  const density = 0.15 + 0.6 * rand();
  const edges: PlacementEdge[] = [];
  for (const v of vacancies) {
    for (let c = 1; c <= candidateCount; c++) {
      if (rand() >= density) continue;
      // Some exact zeros, so ties between optima of different sizes occur often.
      const score = rand() < 0.1 ? 0 : Math.round(rand() * 100) / 100;
      edges.push(edge(v.id, String(100 + c), score));
    }
  }
  return { vacancies, groupCapacity, edges };
}

describe('optimalPlacement: brute-force cross-check', () => {
  const INSTANCES = 500;

  it(`matches exhaustive search on ${INSTANCES} random small instances`, () => {
    const rand = mulberry32(20240611);
    let nonTrivial = 0;
    for (let n = 0; n < INSTANCES; n++) {
      const p = randomSmallInstance(rand);
      const s = optimalPlacement(p);
      const best = bruteForce(p);
      try {
        assertFeasible(p, s);
        expect(Math.abs(s.totalScore - best.cents / 100)).toBeLessThanOrEqual(1e-9);
        // Zero-cost augmentations are taken, so no optimum places more pairs.
        expect(s.pairs.length).toBe(best.pairs);
        // Same plan whatever the input order.
        const reordered = optimalPlacement({
          vacancies: shuffled(p.vacancies, rand),
          groupCapacity: p.groupCapacity,
          edges: shuffled(p.edges, rand),
        });
        expect(reordered).toEqual(s);
      } catch (error) {
        throw new Error(`instance #${n}: ${JSON.stringify({ ...p, groupCapacity: [...p.groupCapacity] })}\n${String(error)}`);
      }
      if (best.pairs > 0) nonTrivial++;
    }
    // The generator must not be degenerate.
    expect(nonTrivial).toBeGreaterThan(INSTANCES * 0.7);
  });
});

/** Each vacancy's best `keep(v)` edges (score desc, then candidate id), and the best score left out. */
function pruned(p: PlacementProblem, keep: (vacancyId: string) => number): PlacementProblem {
  const edges: PlacementEdge[] = [];
  const vacancies = p.vacancies.map((v) => {
    // The service's SQL sends positive scores only, best per pair.
    const best = new Map<string, PlacementEdge>();
    for (const e of p.edges) if (e.vacancyId === v.id && e.score > 0 && !(best.get(e.candidateId)!?.score >= e.score)) best.set(e.candidateId, e);
    const ranked = [...best.values()].sort((a, b) => b.score - a.score || compareIds(a.candidateId, b.candidateId));
    const k = keep(v.id);
    edges.push(...ranked.slice(0, k));
    return { ...v, omittedAtMost: ranked.length > k ? ranked[k].score : undefined };
  });
  return { vacancies, groupCapacity: p.groupCapacity, edges };
}

/** The most vacancies any plan can fill: per group, min(capacity, vacancies). */
function fillable(p: PlacementProblem): number {
  const perGroup = new Map<string, number>();
  for (const v of p.vacancies) perGroup.set(v.group, (perGroup.get(v.group) ?? 0) + 1);
  let total = 0;
  for (const [group, count] of perGroup) {
    const c = p.groupCapacity.get(group);
    total += Math.min(c === null || c === undefined ? Infinity : Math.max(0, c), count);
  }
  return total;
}

describe('certifiedPlacement: pruned to each vacancy\'s best candidates', () => {
  const INSTANCES = 500;

  it(`certifies only optima, and the retry loop reaches brute force on ${INSTANCES} random instances`, () => {
    const rand = mulberry32(20261206);
    let certifiedAtOnce = 0;
    let neededMore = 0;
    for (let n = 0; n < INSTANCES; n++) {
      const p = randomSmallInstance(rand);
      // Denser than the plain cross-check: pruning matters when vacancies compete.
      for (const v of p.vacancies) for (let c = 1; c <= 4; c++) if (rand() < 0.4) p.edges.push(edge(v.id, String(100 + c), Math.round(rand() * 100) / 100));
      const best = bruteForce(p);
      const firstKeep = randomInt(rand, 1, 2);
      const keep = new Map<string, number>();
      try {
        let round = 0;
        for (;;) {
          const q = pruned(p, (v) => keep.get(v) ?? firstKeep);
          const s = certifiedPlacement(q);
          // Feasible for the whole problem: every pair is a real edge, within quotas, one to one.
          assertFeasible(p, { pairs: s.pairs, totalScore: s.totalScore });
          expect(s.totalScore).toBeLessThanOrEqual(best.cents / 100 + 1e-9);
          if (s.uncertified.length === 0) {
            // The certificate's promise: nothing left out could raise the total.
            expect(Math.abs(s.totalScore - best.cents / 100)).toBeLessThanOrEqual(1e-9);
            if (round === 0) certifiedAtOnce++;
            else neededMore++;
            break;
          }
          for (const v of s.uncertified) keep.set(v, (keep.get(v) ?? firstKeep) * 2);
          round++;
          expect(round).toBeLessThan(20);
        }
        // The static rule the service uses: a vacancy's best T candidates (T = the most vacancies
        // any plan fills) always hold an optimum.
        const t = fillable(p);
        if (t > 0) expect(Math.abs(optimalPlacement(pruned(p, () => t)).totalScore - best.cents / 100)).toBeLessThanOrEqual(1e-9);
      } catch (error) {
        throw new Error(`instance #${n}: ${JSON.stringify({ ...p, groupCapacity: [...p.groupCapacity] })}\n${String(error)}`);
      }
    }
    // Both outcomes must occur often, or the test would not exercise the certificate.
    expect(certifiedAtOnce).toBeGreaterThan(INSTANCES * 0.2);
    expect(neededMore).toBeGreaterThan(INSTANCES * 0.05);
  });

  it('refuses to certify a vacancy whose left-out candidate is the only way to a better plan', () => {
    // V1 keeps only C1 (0.9); left out: C2 (0.8). V2 only wants C1 (0.85). Over the kept edges the
    // best is V1–C1 = 0.9, but the whole problem's optimum is V1–C2 + V2–C1 = 1.65.
    const p = problem([['1', 'A'], ['2', 'A']], [], [edge('1', '10', 0.9), edge('2', '10', 0.85)]);
    p.vacancies[0].omittedAtMost = 0.8;
    const s = certifiedPlacement(p);
    expect(s.uncertified).toEqual(['1']);
    // With a bound no better plan can use, the same plan is certified.
    p.vacancies[0].omittedAtMost = 0.04;
    expect(certifiedPlacement(p).uncertified).toEqual([]);
  });
});

describe('optimalPlacement: scale', () => {
  it('plans 1,000 vacancies × 5,000 candidates with ~50,000 edges', () => {
    const rand = mulberry32(7);
    const GROUPS = 200;
    const groupCapacity = new Map<string, number | null>();
    for (let g = 0; g < GROUPS; g++) groupCapacity.set(`U${g}`, rand() < 0.15 ? null : randomInt(rand, 0, 6));
    const vacancies = Array.from({ length: 1000 }, (_, i) => ({ id: String(i + 1), group: `U${i % GROUPS}` }));
    const edges: PlacementEdge[] = [];
    for (let k = 0; k < 50_000; k++) {
      // Scores as the service would pass them with minScore = 0.5.
      edges.push(edge(String(randomInt(rand, 1, 1000)), String(randomInt(rand, 1, 5000)), Math.round((0.5 + rand() / 2) * 100) / 100));
    }
    const p: PlacementProblem = { vacancies, groupCapacity, edges };

    const started = performance.now();
    const s = optimalPlacement(p);
    const elapsed = performance.now() - started;
    console.log(
      `placement optimizer: 1000 vacancies × 5000 candidates, ${edges.length} edges, ${GROUPS} groups → ` +
        `${s.pairs.length} pairs, total ${s.totalScore.toFixed(2)}, in ${elapsed.toFixed(0)} ms`,
    );

    assertFeasible(p, s);
    expect(s.pairs.length).toBeGreaterThan(0);
  });
});
