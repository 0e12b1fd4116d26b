/**
 * Placement optimizer for `placementPlan` ("right person, right job" across a subtree).
 *
 * Problem: vacancies belong to groups (one group = one unit + staff category), each group may
 * take at most `capacity` hires (quota left; unlimited for CONTRACT without a quota). Given the
 * eligible (vacancy, candidate, score) pairs, choose a set of pairs, one to one, within the group
 * capacities, whose total score is as large as possible.
 *
 * Why min-cost flow and not a greedy pass: taking the highest score first is not optimal.
 *   V1–C1 0.9, V1–C2 0.8, V2–C1 0.85: greedy takes V1–C1 (0.9) and is stuck (V2 only wants C1);
 *   the optimum is V1–C2 + V2–C1 = 1.65.
 * Capacities make it worse: with V1, V2 in a group with capacity 1, V3 elsewhere and
 *   V1–C1 0.9, V2–C2 0.6, V3–C1 0.7, greedy takes V1–C1 (0.9), which spends both the group's
 *   capacity and C1; the optimum is V2–C2 + V3–C1 = 1.3.
 * A plain assignment (Hungarian) solver cannot express the per-group cap either, but a flow
 * network can, exactly:
 *
 *   source ─(cap = capacity left)→ group ─(1)→ vacancy ─(1, cost −score)→ candidate ─(1)→ sink
 *
 * Any integral flow is a feasible plan and its cost is −(total score), so a minimum-cost flow
 * (of any value) is an optimal plan. We use successive shortest paths: each augmentation sends
 * one unit along a cheapest residual source→sink path. Path costs never decrease from one
 * augmentation to the next (the min cost as a function of the flow value is convex), so we stop
 * at the first path whose cost is positive: from there on every augmentation would lower the
 * total. Paths of cost exactly 0 are still taken: they keep the total and place one more
 * vacancy, so the result is, among the plans with the largest total, one with the most pairs.
 *
 * Shortest paths use Dijkstra on reduced costs (Johnson potentials). The only negative arcs of
 * the initial network are vacancy→candidate, and the network is a DAG (source, groups,
 * vacancies, candidates, sink), so exact initial potentials come from one layered pass instead
 * of Bellman-Ford. Dijkstra stops as soon as the sink is settled; potentials are then raised by
 * min(dist, dist(sink)), which keeps every residual reduced cost non-negative.
 *
 * Scores are floats; to make the flow exact they are scaled to integers (round(score · 1e9)),
 * all path arithmetic stays far below 2^53, and the reported scores are the original ones.
 *
 * Complexity: at most min(#vacancies, #candidates) augmentations, each one Dijkstra over
 * O(V + E) arcs with a binary heap.
 *
 * Output is deterministic and independent of the input order: ids are indexed in sorted order
 * before the network is built, and pairs are returned sorted by vacancyId, then candidateId.
 */

export interface PlacementEdge {
  vacancyId: string;
  candidateId: string;
  score: number;
}

export interface PlacementVacancy {
  id: string;
  group: string;
  /**
   * Set when the caller left some of this vacancy's edges out of `edges` (it sent only its best
   * candidates): no edge left out scores more than this. The solution then says whether the
   * plan is provably optimal for the whole problem anyway (`uncertified`).
   */
  omittedAtMost?: number;
}

export interface PlacementProblem {
  vacancies: PlacementVacancy[];
  /** capacity per group; a group missing from the map, or mapped to null, is unlimited */
  groupCapacity: Map<string, number | null>;
  /** already filtered to score >= minScore by the caller */
  edges: PlacementEdge[];
}

export interface PlacementSolution {
  pairs: PlacementEdge[];
  totalScore: number;
}

export interface CertifiedPlacement extends PlacementSolution {
  /**
   * Vacancies with edges left out (`omittedAtMost`) for which the optimality certificate does
   * not hold: one of their omitted edges might raise the total. Empty means the plan is optimal
   * for the whole problem, omitted edges included; otherwise send those vacancies' edges in full
   * (or more of them) and solve again. Sorted like the pairs.
   */
  uncertified: string[];
}

/** Scores (at most 1 in practice) become integers of up to 1e9: exact sums, no epsilon games. */
const SCORE_SCALE = 1e9;

const SOURCE = 0;
const SINK = 1;

/**
 * Compares ids as given: numerically when both are decimal strings (ids are bigint keys, so
 * compare digit strings rather than converting to number), otherwise by code units.
 */
export function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  if (DECIMAL.test(a) && DECIMAL.test(b)) {
    const x = stripLeadingZeros(a);
    const y = stripLeadingZeros(b);
    if (x.length !== y.length) return x.length - y.length;
    if (x !== y) return x < y ? -1 : 1;
    // Numerically equal but spelt differently ("7" vs "007"): still a total order.
  }
  return a < b ? -1 : 1;
}

const DECIMAL = /^[0-9]+$/;

function stripLeadingZeros(s: string): string {
  let i = 0;
  while (i < s.length - 1 && s.charCodeAt(i) === 48 /* '0' */) i++;
  return s.slice(i);
}

/**
 * Largest-total placement (see the file comment). Robust to sloppy input: edges whose vacancy is
 * not listed, whose score is not a finite number >= 0, or that repeat a (vacancy, candidate) pair
 * (the best score wins) are ignored; a vacancy listed twice keeps its first group; a capacity
 * that is negative or NaN counts as 0, a fractional one is floored, Infinity is unlimited.
 */
export function optimalPlacement(problem: PlacementProblem): PlacementSolution {
  const { pairs, totalScore } = certifiedPlacement(problem);
  return { pairs, totalScore };
}

/**
 * The same optimum over the edges given, and whether it is also optimal over the edges the
 * caller left out (see `PlacementVacancy.omittedAtMost` and the certificate below).
 */
export function certifiedPlacement(problem: PlacementProblem): CertifiedPlacement {
  // ---- 1. Normalise: keep the vacancies that could be filled at all, and their best edges. ----
  // Ids become indexes once, here; everything after works on typed arrays (at national scale
  // the edges number 10^5, and maps keyed by id strings were most of the solve's time).
  const vacancyIndex = new Map<string, number>();
  const vacancyIds: string[] = [];
  const vacancyGroups: string[] = [];
  const omittedOf = new Map<string, number>();
  for (const v of problem.vacancies) {
    if (vacancyIndex.has(v.id)) continue; // a repeat keeps its first group
    vacancyIndex.set(v.id, vacancyIds.length);
    vacancyIds.push(v.id);
    vacancyGroups.push(v.group);
    // Scores are >= 0, so an omitted edge can only matter when its bound is positive.
    if (v.omittedAtMost !== undefined && !(v.omittedAtMost <= 0)) omittedOf.set(v.id, v.omittedAtMost);
  }
  const groupOfVacancy = (vacancyId: string) => vacancyGroups[vacancyIndex.get(vacancyId)!];

  // The usable edges, grouped by vacancy in input order (a counting sort, so stable).
  const edges = problem.edges;
  const seenIndex = new Map<string, number>(); // candidate id → index in first-seen order
  const seenIds: string[] = [];
  const usable = new Int32Array(edges.length);
  const usableVacancy = new Int32Array(edges.length);
  const usableCandidate = new Int32Array(edges.length);
  let usableCount = 0;
  let maxScore = 0;
  const edgesStart = new Int32Array(vacancyIds.length + 1);
  for (let i = 0; i < edges.length; i++) {
    const e = edges[i];
    const vi = vacancyIndex.get(e.vacancyId);
    if (vi === undefined) continue;
    if (!Number.isFinite(e.score) || e.score < 0) continue;
    let ci = seenIndex.get(e.candidateId);
    if (ci === undefined) {
      ci = seenIds.length;
      seenIndex.set(e.candidateId, ci);
      seenIds.push(e.candidateId);
    }
    usable[usableCount] = i;
    usableVacancy[usableCount] = vi;
    usableCandidate[usableCount] = ci;
    usableCount++;
    edgesStart[vi + 1]++;
    if (e.score > maxScore) maxScore = e.score;
  }
  for (let v = 0; v < vacancyIds.length; v++) edgesStart[v + 1] += edgesStart[v];
  // Per vacancy, one edge per candidate: the best score, the first of equals.
  const best = new Int32Array(usableCount); // edge index, by vacancy
  const bestCount = new Int32Array(vacancyIds.length);
  {
    const fill = edgesStart.slice(0, vacancyIds.length);
    const slotOf = new Int32Array(seenIds.length).fill(-1); // candidate → slot in `best` for the vacancy at hand
    const stamp = new Int32Array(seenIds.length).fill(-1);
    const byVacancy = new Int32Array(usableCount);
    for (let k = 0; k < usableCount; k++) byVacancy[fill[usableVacancy[k]]++] = k;
    for (let v = 0; v < vacancyIds.length; v++) {
      const first = edgesStart[v];
      let n = 0;
      for (let i = first; i < edgesStart[v + 1]; i++) {
        const k = byVacancy[i];
        const ci = usableCandidate[k];
        if (stamp[ci] !== v) {
          stamp[ci] = v;
          slotOf[ci] = first + n;
          best[first + n++] = usable[k];
        } else if (edges[usable[k]].score > edges[best[slotOf[ci]]].score) {
          best[slotOf[ci]] = usable[k];
        }
      }
      bestCount[v] = n;
    }
  }
  const hasEdges = (vacancyId: string) => bestCount[vacancyIndex.get(vacancyId)!] > 0;

  // Vacancies with at least one edge, per group.
  const vacanciesOfGroup = new Map<string, string[]>();
  for (let v = 0; v < vacancyIds.length; v++) {
    if (bestCount[v] === 0) continue;
    let list = vacanciesOfGroup.get(vacancyGroups[v]);
    if (!list) vacanciesOfGroup.set(vacancyGroups[v], (list = []));
    list.push(vacancyIds[v]);
  }

  // Groups that can take at least one hire; capacity clamped to the vacancies that could use it.
  const groups: Array<{ name: string; capacity: number; vacancyIds: string[] }> = [];
  for (const [name, ids] of vacanciesOfGroup) {
    const capacity = Math.min(capacityOf(problem.groupCapacity.get(name)), ids.length);
    if (capacity > 0) groups.push({ name, capacity, vacancyIds: ids.sort(compareIds) });
  }
  if (groups.length === 0) return { pairs: [], totalScore: 0, uncertified: uncertifiedWithoutNetwork(problem, groupOfVacancy, omittedOf, hasEdges) };
  groups.sort((a, b) => (a.name === b.name ? 0 : a.name < b.name ? -1 : 1));

  // The candidates of the groups kept, indexed in id order.
  const inNetwork = new Uint8Array(seenIds.length);
  let vacancyCount = 0;
  let edgeCount = 0;
  for (const g of groups) {
    for (const vacancyId of g.vacancyIds) {
      const v = vacancyIndex.get(vacancyId)!;
      vacancyCount++;
      edgeCount += bestCount[v];
      for (let i = edgesStart[v], end = i + bestCount[v]; i < end; i++) inNetwork[seenIndex.get(edges[best[i]].candidateId)!] = 1;
    }
  }
  const candidates: string[] = [];
  for (let ci = 0; ci < seenIds.length; ci++) if (inNetwork[ci]) candidates.push(seenIds[ci]);
  candidates.sort(compareIds);
  const rankOf = new Int32Array(seenIds.length); // first-seen index → index in id order
  candidates.forEach((id, rank) => (rankOf[seenIndex.get(id)!] = rank));

  // ---- 2. Build the network. Nodes: source, sink, groups, vacancies, candidates. ----
  const firstGroup = 2;
  const firstVacancy = firstGroup + groups.length;
  const firstCandidate = firstVacancy + vacancyCount;
  const nodeCount = firstCandidate + candidates.length;

  // Keep scaled costs small enough that any path sum stays an exact integer in a double.
  const scale = maxScore > 1 ? SCORE_SCALE / maxScore : SCORE_SCALE;

  const net = new FlowNetwork(nodeCount, groups.length + vacancyCount + edgeCount + candidates.length);
  const pairArcs = new Int32Array(edgeCount); // arc id of each vacancy→candidate arc …
  const pairEdges = new Int32Array(edgeCount); // … and the edge it stands for
  let pairCount = 0;
  const potential = new Float64Array(nodeCount); // initial potentials = exact shortest distances

  let vacancyNode = firstVacancy;
  const nodeOfVacancy = new Int32Array(vacancyIds.length).fill(-1);
  const edgeAtRank = new Int32Array(candidates.length);
  const ranks = new Int32Array(candidates.length);
  groups.forEach((g, gi) => {
    const groupNode = firstGroup + gi;
    net.addArc(SOURCE, groupNode, g.capacity, 0);
    for (const vacancyId of g.vacancyIds) {
      const v = vacancyIndex.get(vacancyId)!;
      nodeOfVacancy[v] = vacancyNode;
      net.addArc(groupNode, vacancyNode, 1, 0);
      // This vacancy's arcs in candidate order.
      const n = bestCount[v];
      for (let i = 0; i < n; i++) {
        const edge = best[edgesStart[v] + i];
        const rank = rankOf[seenIndex.get(edges[edge].candidateId)!];
        ranks[i] = rank;
        edgeAtRank[rank] = edge;
      }
      const order = ranks.subarray(0, n).sort();
      for (let i = 0; i < n; i++) {
        const ci = order[i];
        const edge = edgeAtRank[ci];
        const cost = -Math.round(edges[edge].score * scale);
        const candidateNode = firstCandidate + ci;
        pairArcs[pairCount] = net.addArc(vacancyNode, candidateNode, 1, cost);
        pairEdges[pairCount++] = edge;
        // Layered DAG: source, groups and vacancies sit at distance 0, a candidate at its
        // cheapest incoming arc.
        if (cost < potential[candidateNode]) potential[candidateNode] = cost;
      }
      vacancyNode++;
    }
  });
  let sinkPotential = 0;
  for (let ci = 0; ci < candidates.length; ci++) {
    const candidateNode = firstCandidate + ci;
    net.addArc(candidateNode, SINK, 1, 0);
    if (potential[candidateNode] < sinkPotential) sinkPotential = potential[candidateNode];
  }
  potential[SINK] = sinkPotential;
  net.freeze();

  // ---- 3. Successive shortest paths. ----
  // potential[SOURCE] stays 0 throughout, so a path's true cost is its reduced cost plus
  // potential[SINK].
  const search = new ShortestPaths(net, potential);
  for (;;) {
    const reach = search.run(SOURCE, SINK);
    if (reach === Infinity) break;
    // A positive cost would lower the total score.
    if (reach + potential[SINK] > 0) break;
    search.raisePotentials(reach);
    // Every path of reduced cost 0 now has this same, cheapest cost: take as many as a search
    // of the tight arcs finds (one Dijkstra for many augmentations), at least the one found.
    if (search.augmentTightPaths(SOURCE, SINK) === 0) net.augmentOneUnit(search.parentArc, SOURCE, SINK);
  }
  // The last search found no path of cost <= 0. Raising by -potential[SINK] (at most its reduced
  // distance to the sink) keeps the potentials valid and brings the sink level with the source:
  // they are then valid with a free sink→source arc too, i.e. they prove this flow optimal among
  // flows of every value, which the certificate below builds on.
  search.raisePotentials(-potential[SINK]);

  // ---- 4. Certificate for the edges left out. ----
  // Max-weight LP duality in flow terms: the plan stays optimal with an omitted arc v→c of cost
  // −w added iff some valid potentials give it a non-negative reduced cost, −w + π(v) − π(c) ≥ 0.
  // Every candidate can be given π(c) ≤ π(sink) (a placed one by its reverse arc from the sink,
  // an unplaced or absent one by lowering it onto the sink's), and a vacancy at most
  // π(sink) + dist(sink → v) over the residual network with the sink→source arc. So when
  // w ≤ dist(sink → v) for the largest omitted w, no omitted edge of v can raise the total.
  const uncertified: string[] = [];
  if (omittedOf.size > 0) {
    const fromSink = search.distancesFromSink(SINK, SOURCE);
    for (const [vacancyId, omitted] of omittedOf) {
      const node = nodeOfVacancy[vacancyIndex.get(vacancyId)!];
      if (node < 0) {
        if (vacancyCouldBePlaced(problem, groupOfVacancy(vacancyId))) uncertified.push(vacancyId);
        continue;
      }
      const slack = fromSink[node] === Infinity ? Infinity : fromSink[node] - potential[SINK] + potential[node];
      if (Math.round(omitted * scale) > slack) uncertified.push(vacancyId);
    }
    uncertified.sort(compareIds);
  }

  // ---- 5. Read the plan off the saturated vacancy→candidate arcs. ----
  const pairs: PlacementEdge[] = [];
  for (let i = 0; i < pairCount; i++) {
    if (net.residual(pairArcs[i]) === 0) {
      const e = edges[pairEdges[i]];
      pairs.push({ vacancyId: e.vacancyId, candidateId: e.candidateId, score: e.score });
    }
  }
  pairs.sort((a, b) => compareIds(a.vacancyId, b.vacancyId) || compareIds(a.candidateId, b.candidateId));
  let totalScore = 0;
  for (const p of pairs) totalScore += p.score;
  return { pairs, totalScore, uncertified };
}

/** A vacancy with no edge given but some omitted: only a group that can take nobody settles it. */
function vacancyCouldBePlaced(problem: PlacementProblem, group: string): boolean {
  return capacityOf(problem.groupCapacity.get(group)) > 0;
}

function uncertifiedWithoutNetwork(
  problem: PlacementProblem,
  groupOf: (vacancyId: string) => string,
  omittedOf: Map<string, number>,
  hasEdges: (vacancyId: string) => boolean,
): string[] {
  // No group can take anyone with the edges given: a vacancy with omitted edges is settled only
  // if its group's capacity is 0 (an edge given to it means its group could not take it).
  const out: string[] = [];
  for (const vacancyId of omittedOf.keys()) {
    if (!hasEdges(vacancyId) && vacancyCouldBePlaced(problem, groupOf(vacancyId))) out.push(vacancyId);
  }
  return out.sort(compareIds);
}

function capacityOf(capacity: number | null | undefined): number {
  if (capacity === null || capacity === undefined || capacity === Infinity) return Infinity;
  if (!(capacity > 0)) return 0; // negative (over quota) or NaN
  return Math.floor(capacity);
}

/**
 * Residual network in compressed-sparse-row form. Arcs are added as (forward, reverse) pairs,
 * then `freeze()` lays them out per tail node so that scanning a node's arcs is a contiguous
 * loop over typed arrays.
 */
class FlowNetwork {
  private readonly tails: Int32Array;
  /** per node, its arcs are order[start[u] .. start[u + 1]) */
  readonly start: Int32Array;
  readonly order: Int32Array;
  readonly head: Int32Array;
  readonly cap: Int32Array;
  readonly cost: Float64Array;
  private arcCount = 0;

  constructor(readonly nodeCount: number, maxForwardArcs: number) {
    const arcs = 2 * maxForwardArcs;
    this.tails = new Int32Array(arcs);
    this.head = new Int32Array(arcs);
    this.cap = new Int32Array(arcs);
    this.cost = new Float64Array(arcs);
    this.start = new Int32Array(nodeCount + 1);
    this.order = new Int32Array(arcs);
  }

  /** Adds u→v and its reverse; returns the forward arc id (the reverse is id ^ 1). */
  addArc(u: number, v: number, capacity: number, cost: number): number {
    const a = this.arcCount;
    this.tails[a] = u;
    this.head[a] = v;
    this.cap[a] = capacity;
    this.cost[a] = cost;
    this.tails[a + 1] = v;
    this.head[a + 1] = u;
    this.cap[a + 1] = 0;
    this.cost[a + 1] = -cost;
    this.arcCount += 2;
    return a;
  }

  freeze(): void {
    const { start, tails, order } = this;
    for (let a = 0; a < this.arcCount; a++) start[tails[a] + 1]++;
    for (let u = 0; u < this.nodeCount; u++) start[u + 1] += start[u];
    const fill = start.slice(0, this.nodeCount);
    for (let a = 0; a < this.arcCount; a++) order[fill[tails[a]]++] = a;
  }

  get arcs(): number {
    return this.arcCount;
  }

  residual(arc: number): number {
    return this.cap[arc];
  }

  /** Every source→sink path crosses a unit arc (candidate→sink), so one unit is the bottleneck. */
  augmentOneUnit(parentArc: Int32Array, source: number, sink: number): void {
    for (let v = sink; v !== source; ) {
      const a = parentArc[v];
      this.cap[a] -= 1;
      this.cap[a ^ 1] += 1;
      v = this.head[a ^ 1];
    }
  }
}

/** Dijkstra on reduced costs, reusing its buffers between augmentations. */
class ShortestPaths {
  readonly parentArc: Int32Array;
  private readonly nextArc: Int32Array;
  private readonly nodeState: Uint8Array;
  private readonly pathArcs: Int32Array;
  private readonly dist: Float64Array;
  private readonly heap: MinHeap;

  constructor(
    private readonly net: FlowNetwork,
    private readonly potential: Float64Array,
  ) {
    this.parentArc = new Int32Array(net.nodeCount);
    this.nextArc = new Int32Array(net.nodeCount);
    this.nodeState = new Uint8Array(net.nodeCount);
    this.pathArcs = new Int32Array(net.nodeCount);
    this.dist = new Float64Array(net.nodeCount);
    // Lazy deletion: at most one push per successful relaxation, plus the root and, from the
    // sink, the free arc to the source.
    this.heap = new MinHeap(net.arcs + 2);
  }

  /**
   * Finds a cheapest residual path source→sink (in `parentArc`) and returns its reduced cost,
   * Infinity when the sink is unreachable. Integer costs make every reduced cost exact, so no
   * epsilon is needed. The search stops once the sink is settled.
   */
  run(source: number, sink: number): number {
    const { potential, dist, parentArc, heap } = this;
    dist.fill(Infinity);
    dist[source] = 0;
    parentArc[source] = -1;
    heap.clear();
    heap.push(0, source);
    while (heap.size > 0) {
      const d = heap.topKey();
      const u = heap.pop();
      if (d > dist[u]) continue; // stale entry
      if (u === sink) break; // everything closer than the sink is settled
      this.relaxArcsOut(u, potential[u] + d, true);
    }
    return dist[sink];
  }

  /**
   * Dijkstra's step from the settled node `u` (`pu`: its distance plus its potential): lowers
   * the distance of every node a residual arc of `u` reaches sooner, recording that arc in
   * `parentArc` when `recordPath`.
   */
  private relaxArcsOut(u: number, pu: number, recordPath: boolean): void {
    const { potential, dist, parentArc, heap } = this;
    const { start, order, head, cap, cost } = this.net;
    for (let i = start[u], end = start[u + 1]; i < end; i++) {
      const a = order[i];
      if (cap[a] === 0) continue;
      const v = head[a];
      const nd = pu + cost[a] - potential[v];
      if (nd < dist[v]) {
        dist[v] = nd;
        if (recordPath) parentArc[v] = a;
        heap.push(nd, v);
      }
    }
  }

  /**
   * Raises every potential by min(dist, limit) after `run`. For any limit from 0 to the sink's
   * distance this keeps every residual reduced cost non-negative, though the search stopped
   * early (a node left unsettled is at least as far as the sink); with the sink's distance it
   * also makes the arcs of the path just found tight.
   */
  raisePotentials(limit: number): void {
    const { potential, dist } = this;
    for (let v = 0; v < this.net.nodeCount; v++) potential[v] += dist[v] < limit ? dist[v] : limit;
  }

  /**
   * Augments along paths source→sink made only of tight residual arcs (reduced cost 0), one unit
   * each, until a depth-first search finds no more; returns how many. Reverse arcs of tight arcs
   * are tight, so the potentials stay valid. The search may miss a path (a node given up once
   * stays given up this round): the next Dijkstra finds it at reduced distance 0.
   */
  augmentTightPaths(source: number, sink: number): number {
    const { net, potential } = this;
    const { start, order, head, cap, cost } = net;
    const n = net.nodeCount;
    const next = this.nextArc;
    next.set(start.subarray(0, n));
    const state = this.nodeState; // 0 free, 1 on the current path, 2 given up
    state.fill(0);
    const path = this.pathArcs;
    let augmented = 0;
    for (;;) {
      let depth = 0;
      let u = source;
      state[source] = 1;
      while (u !== sink) {
        let a = -1;
        for (const end = start[u + 1]; next[u] < end; next[u]++) {
          const arc = order[next[u]];
          if (cap[arc] === 0) continue;
          const v = head[arc];
          if (state[v] !== 0 || cost[arc] + potential[u] - potential[v] !== 0) continue;
          a = arc;
          break;
        }
        if (a >= 0) {
          path[depth++] = a;
          u = head[a];
          state[u] = 1;
          continue;
        }
        state[u] = 2;
        if (depth === 0) return augmented; // nothing more from the source
        u = head[path[--depth] ^ 1];
        next[u]++;
      }
      for (let i = 0; i < depth; i++) {
        const a = path[i];
        cap[a] -= 1;
        cap[a ^ 1] += 1;
        state[head[a]] = 0;
      }
      state[source] = 0;
      augmented++;
    }
  }

  /**
   * Reduced distances from the sink over the whole residual network plus a free sink→source
   * arc (Infinity where unreachable). Needs potentials valid for that arc too, i.e.
   * potential[sink] >= potential[source]. Overwrites the buffers `run` uses.
   */
  distancesFromSink(sink: number, source: number): Float64Array {
    const { potential, dist, heap } = this;
    dist.fill(Infinity);
    dist[sink] = 0;
    heap.clear();
    heap.push(0, sink);
    while (heap.size > 0) {
      const d = heap.topKey();
      const u = heap.pop();
      if (d > dist[u]) continue;
      const pu = potential[u] + d;
      if (u === sink) {
        const nd = pu - potential[source];
        if (nd < dist[source]) {
          dist[source] = nd;
          heap.push(nd, source);
        }
      }
      this.relaxArcsOut(u, pu, false);
    }
    return dist;
  }
}

/** Binary min-heap of (key, node) in typed arrays. */
class MinHeap {
  private readonly keys: Float64Array;
  private readonly nodes: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(capacity);
    this.nodes = new Int32Array(capacity);
  }

  clear(): void {
    this.size = 0;
  }

  topKey(): number {
    return this.keys[0];
  }

  push(key: number, node: number): void {
    const { keys, nodes } = this;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent] <= key) break;
      keys[i] = keys[parent];
      nodes[i] = nodes[parent];
      i = parent;
    }
    keys[i] = key;
    nodes[i] = node;
  }

  /** Removes and returns the node with the smallest key. */
  pop(): number {
    const { keys, nodes } = this;
    const top = nodes[0];
    const n = --this.size;
    if (n > 0) {
      const key = keys[n];
      const node = nodes[n];
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= n) break;
        if (child + 1 < n && keys[child + 1] < keys[child]) child++;
        if (keys[child] >= key) break;
        keys[i] = keys[child];
        nodes[i] = nodes[child];
        i = child;
      }
      keys[i] = key;
      nodes[i] = node;
    }
    return top;
  }
}
