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

export interface PlacementProblem {
  vacancies: Array<{ id: string; group: string }>;
  /** capacity per group; a group missing from the map, or mapped to null, is unlimited */
  groupCapacity: Map<string, number | null>;
  /** already filtered to score >= minScore by the caller */
  edges: PlacementEdge[];
}

export interface PlacementSolution {
  pairs: PlacementEdge[];
  totalScore: number;
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
  // ---- 1. Normalise: keep the vacancies that could be filled at all, and their best edges. ----
  const groupOf = new Map<string, string>();
  for (const v of problem.vacancies) if (!groupOf.has(v.id)) groupOf.set(v.id, v.group);

  const edgesOf = new Map<string, Map<string, PlacementEdge>>(); // vacancyId → candidateId → edge
  let maxScore = 0;
  for (const e of problem.edges) {
    if (!groupOf.has(e.vacancyId)) continue;
    if (!Number.isFinite(e.score) || e.score < 0) continue;
    let byCandidate = edgesOf.get(e.vacancyId);
    if (!byCandidate) edgesOf.set(e.vacancyId, (byCandidate = new Map()));
    const seen = byCandidate.get(e.candidateId);
    if (!seen || e.score > seen.score) byCandidate.set(e.candidateId, e);
    if (e.score > maxScore) maxScore = e.score;
  }

  // Vacancies with at least one edge, per group.
  const vacanciesOfGroup = new Map<string, string[]>();
  for (const vacancyId of edgesOf.keys()) {
    const group = groupOf.get(vacancyId)!;
    let list = vacanciesOfGroup.get(group);
    if (!list) vacanciesOfGroup.set(group, (list = []));
    list.push(vacancyId);
  }

  // Groups that can take at least one hire; capacity clamped to the vacancies that could use it.
  const groups: Array<{ name: string; capacity: number; vacancyIds: string[] }> = [];
  for (const [name, vacancyIds] of vacanciesOfGroup) {
    const capacity = Math.min(capacityOf(problem.groupCapacity.get(name)), vacancyIds.length);
    if (capacity > 0) groups.push({ name, capacity, vacancyIds: vacancyIds.sort(compareIds) });
  }
  if (groups.length === 0) return { pairs: [], totalScore: 0 };
  groups.sort((a, b) => (a.name === b.name ? 0 : a.name < b.name ? -1 : 1));

  const candidateIds = new Set<string>();
  let vacancyCount = 0;
  let edgeCount = 0;
  for (const g of groups) {
    for (const vacancyId of g.vacancyIds) {
      vacancyCount++;
      for (const candidateId of edgesOf.get(vacancyId)!.keys()) {
        candidateIds.add(candidateId);
        edgeCount++;
      }
    }
  }
  const candidates = [...candidateIds].sort(compareIds);
  const candidateIndex = new Map<string, number>();
  candidates.forEach((id, i) => candidateIndex.set(id, i));

  // ---- 2. Build the network. Nodes: source, sink, groups, vacancies, candidates. ----
  const firstGroup = 2;
  const firstVacancy = firstGroup + groups.length;
  const firstCandidate = firstVacancy + vacancyCount;
  const nodeCount = firstCandidate + candidates.length;

  // Keep scaled costs small enough that any path sum stays an exact integer in a double.
  const scale = maxScore > 1 ? SCORE_SCALE / maxScore : SCORE_SCALE;

  const net = new FlowNetwork(nodeCount, groups.length + vacancyCount + edgeCount + candidates.length);
  const pairArcs: number[] = []; // arc id of each vacancy→candidate arc …
  const pairEdges: PlacementEdge[] = []; // … and the edge it stands for
  const potential = new Float64Array(nodeCount); // initial potentials = exact shortest distances

  let vacancyNode = firstVacancy;
  groups.forEach((g, gi) => {
    const groupNode = firstGroup + gi;
    net.addArc(SOURCE, groupNode, g.capacity, 0);
    for (const vacancyId of g.vacancyIds) {
      net.addArc(groupNode, vacancyNode, 1, 0);
      const byCandidate = edgesOf.get(vacancyId)!;
      const order = [...byCandidate.keys()].map((id) => candidateIndex.get(id)!).sort((a, b) => a - b);
      for (const ci of order) {
        const edge = byCandidate.get(candidates[ci])!;
        const cost = -Math.round(edge.score * scale);
        const candidateNode = firstCandidate + ci;
        pairArcs.push(net.addArc(vacancyNode, candidateNode, 1, cost));
        pairEdges.push(edge);
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
  const search = new ShortestPaths(net, potential);
  while (search.run(SOURCE, SINK)) {
    // After the potential update, potential[SINK] is the true cost of the path just found
    // (potential[SOURCE] stays 0): a positive cost would lower the total score.
    if (potential[SINK] > 0) break;
    net.augmentOneUnit(search.parentArc, SOURCE, SINK);
  }

  // ---- 4. Read the plan off the saturated vacancy→candidate arcs. ----
  const pairs: PlacementEdge[] = [];
  for (let i = 0; i < pairArcs.length; i++) {
    if (net.residual(pairArcs[i]) === 0) {
      const e = pairEdges[i];
      pairs.push({ vacancyId: e.vacancyId, candidateId: e.candidateId, score: e.score });
    }
  }
  pairs.sort((a, b) => compareIds(a.vacancyId, b.vacancyId) || compareIds(a.candidateId, b.candidateId));
  let totalScore = 0;
  for (const p of pairs) totalScore += p.score;
  return { pairs, totalScore };
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
  private readonly dist: Float64Array;
  private readonly heap: MinHeap;

  constructor(
    private readonly net: FlowNetwork,
    private readonly potential: Float64Array,
  ) {
    this.parentArc = new Int32Array(net.nodeCount);
    this.dist = new Float64Array(net.nodeCount);
    // Lazy deletion: at most one push per successful relaxation, plus the source.
    this.heap = new MinHeap(net.arcs + 1);
  }

  /**
   * Finds a cheapest residual path source→sink and updates the potentials; false when the sink
   * is unreachable. Integer costs make every reduced cost exact, so no epsilon is needed.
   */
  run(source: number, sink: number): boolean {
    const { net, potential, dist, parentArc, heap } = this;
    const { start, order, head, cap, cost } = net;
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
      const pu = potential[u] + d;
      for (let i = start[u], end = start[u + 1]; i < end; i++) {
        const a = order[i];
        if (cap[a] === 0) continue;
        const v = head[a];
        const nd = pu + cost[a] - potential[v];
        if (nd < dist[v]) {
          dist[v] = nd;
          parentArc[v] = a;
          heap.push(nd, v);
        }
      }
    }
    const reach = dist[sink];
    if (reach === Infinity) return false;
    // Raising by min(dist, dist(sink)) keeps reduced costs >= 0 on every residual arc even though
    // the search stopped early, and makes the arcs of the path just found tight.
    for (let v = 0; v < net.nodeCount; v++) potential[v] += dist[v] < reach ? dist[v] : reach;
    return true;
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
