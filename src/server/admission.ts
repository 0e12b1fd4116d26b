import type { ApolloServerPlugin } from '@apollo/server';
import { Semaphore, type SemaphoreInterface } from 'async-mutex';
import { DocumentNode, FieldNode, GraphQLError, Kind, OperationDefinitionNode, SelectionSetNode, ValueNode } from 'graphql';
import type { LaneSettings } from '../config';
import type { Clock } from '../shared/today';
import type { RequestContext } from '../edge/context';

/**
 * Admission control: at most `maxConcurrent` operations of a lane execute at once, at most
 * `maxQueued` wait for a turn, none waits longer than `queueTimeoutMs`. Beyond that the answer is
 * at once a 503 OVERLOADED with Retry-After (http.ts) — the truth, where work queued past the
 * database pool's timeout used to surface as "database cannot be reached".
 *
 * Two lanes, so that the costly analytics cannot starve the short reads and writes: an operation
 * that asks for any of them waits in (and counts against) the analytics lane only. Inside that
 * lane each costly operation (by its root field) also has a small cap of its own, so that a
 * flood of one — a slow matchCandidates over a province — holds at most its share of the
 * analytics slots and queue, and a commune's skillGaps behind it still gets a turn.
 */

/** Seconds a shed client is asked to wait before it retries. */
export const OVERLOADED_RETRY_AFTER_SECONDS = 2;

/**
 * Root fields whose work grows with the subtree or the candidate pool (set-based SQL over a
 * province, an optimiser, a simulation). staffingGap counts only over descendants (its
 * default) on a date other than today: of one unit alone, or as of today (from its summary), it
 * is a short read.
 */
export const COSTLY_ROOT_FIELDS = new Set([
  'staffingGap', 'skillGaps', 'placementFit', 'placementPlan', 'matchCandidates', 'recruitmentFunnel',
  'simulatePolicy', 'policyCurve', 'workloadNeed',
  // Saving a scenario runs its simulation first.
  'savePolicyScenario',
]);

export type LaneName = 'requests' | 'analytics' | `analytics:${string}`;

export function overloaded(lane: LaneName, why: 'queue full' | 'waited too long' | 'no database connection free'): GraphQLError {
  const what = lane === 'requests' ? 'requests' : lane === 'analytics' ? 'costly analytics' : `costly analytics (${lane.slice('analytics:'.length)})`;
  const reason =
    why === 'queue full' ? `every slot for ${what} is busy and the queue is full`
    : why === 'waited too long' ? `the request waited its longest for a slot among ${what}`
    : 'every database connection stayed busy for as long as the request could wait';
  return new GraphQLError(`The service is overloaded (${reason}); the database is up. Try again in ${OVERLOADED_RETRY_AFTER_SECONDS} s.`, {
    extensions: { code: 'OVERLOADED', retryAfterSeconds: OVERLOADED_RETRY_AFTER_SECONDS },
  });
}

export interface LaneState {
  executing: number;
  waiting: number;
  maxConcurrent: number;
  maxQueued: number;
}

/**
 * One lane: a counting semaphore (async-mutex) with a bounded, timed queue in front. A waiter
 * that times out keeps its place in the semaphore's queue and hands the slot on at once when its
 * turn comes (as async-mutex's withTimeout does), so the order stays first come, first served.
 */
export class Lane {
  private executing = 0;
  private waiting = 0;
  private readonly semaphore: Semaphore;

  constructor(readonly name: LaneName, private readonly settings: LaneSettings) {
    this.semaphore = new Semaphore(settings.maxConcurrent);
  }

  /** Waits at most `timeoutMs` for a slot; resolves with its release (call once), or throws OVERLOADED. */
  async enter(timeoutMs = this.settings.queueTimeoutMs): Promise<() => void> {
    if (this.semaphore.isLocked() && this.waiting >= this.settings.maxQueued) throw overloaded(this.name, 'queue full');
    this.waiting++;
    let release: () => void;
    try {
      release = await acquireWithin(this.semaphore, timeoutMs);
    } catch (error) {
      if (error === TIMED_OUT) throw overloaded(this.name, 'waited too long');
      throw error;
    } finally {
      this.waiting--;
    }
    this.executing++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.executing--;
      release();
    };
  }

  state(): LaneState {
    return { executing: this.executing, waiting: this.waiting, maxConcurrent: this.settings.maxConcurrent, maxQueued: this.settings.maxQueued };
  }

  /** Every slot taken, or someone waiting. */
  busy(): boolean {
    return this.executing >= this.settings.maxConcurrent || this.waiting > 0;
  }
}

const TIMED_OUT = new Error('admission wait timed out');

function acquireWithin(semaphore: SemaphoreInterface, timeoutMs: number): Promise<() => void> {
  return new Promise((resolve, reject) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      reject(TIMED_OUT);
    }, Math.max(timeoutMs, 0));
    semaphore.acquire().then(([, release]) => {
      if (timedOut) return release();
      clearTimeout(timer);
      resolve(release);
    }, (error: unknown) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** Where an operation waits: the short lane, or a costly operation's own lane and then the analytics lane. */
export interface Admittance {
  /** Waits for the operation's turn; resolves with the release of everything it took (call once). */
  enter(): Promise<() => void>;
}

export class Admission {
  readonly requests: Lane;
  readonly analytics: Lane;
  private readonly byOperation = new Map<string, Lane>();

  /** `clock` says which `asOf` is today: the server's, which its services read the summary on. */
  constructor(private readonly settings: { requests: LaneSettings; analytics: LaneSettings; perAnalyticsOperation: Omit<LaneSettings, 'queueTimeoutMs'> }, private readonly clock: Clock) {
    this.requests = new Lane('requests', settings.requests);
    this.analytics = new Lane('analytics', settings.analytics);
  }

  laneFor(document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): Admittance {
    const costly = costlyRootField(document, operation, variables, this.clock.today());
    if (!costly) return this.requests;
    const own = this.operationLane(costly);
    const timeoutMs = this.settings.analytics.queueTimeoutMs;
    return {
      enter: async () => {
        const started = Date.now();
        const leaveOwn = await own.enter(timeoutMs);
        try {
          // One wait in all: what the operation's own queue took comes off the analytics lane's.
          const leaveShared = await this.analytics.enter(timeoutMs - (Date.now() - started));
          return () => {
            leaveShared();
            leaveOwn();
          };
        } catch (error) {
          leaveOwn();
          throw error;
        }
      },
    };
  }

  private operationLane(field: string): Lane {
    let lane = this.byOperation.get(field);
    if (!lane) {
      const { maxConcurrent, maxQueued } = this.settings.perAnalyticsOperation;
      lane = new Lane(`analytics:${field}`, { maxConcurrent, maxQueued, queueTimeoutMs: this.settings.analytics.queueTimeoutMs });
      this.byOperation.set(field, lane);
    }
    return lane;
  }

  /** What /readyz reports. */
  state(): { busy: boolean; requests: LaneState; analytics: LaneState; analyticsByOperation: Record<string, LaneState> } {
    const analyticsByOperation: Record<string, LaneState> = {};
    let busy = this.requests.busy() || this.analytics.busy();
    for (const [field, lane] of this.byOperation) {
      analyticsByOperation[field] = lane.state();
      busy ||= lane.busy();
    }
    return { busy, requests: this.requests.state(), analytics: this.analytics.state(), analyticsByOperation };
  }
}

function booleanValue(node: ValueNode | undefined, variables: Record<string, unknown>): boolean | undefined {
  if (!node) return undefined;
  if (node.kind === Kind.BOOLEAN) return node.value;
  if (node.kind === Kind.VARIABLE) {
    const value = variables[node.name.value];
    return typeof value === 'boolean' ? value : undefined;
  }
  return undefined;
}

/** Whether an `asOf` argument leaves the date at today: absent, null, or today's date (literal or variable). */
function asOfIsToday(node: ValueNode | undefined, operation: OperationDefinitionNode, variables: Record<string, unknown>, todayIs: string): boolean {
  if (!node || node.kind === Kind.NULL) return true;
  if (node.kind === Kind.STRING) return node.value === todayIs;
  if (node.kind !== Kind.VARIABLE) return false;
  const name = node.name.value;
  if (name in variables) return variables[name] === null || variables[name] === undefined || variables[name] === todayIs;
  const fallback = operation.variableDefinitions?.find((v) => v.variable.name.value === name)?.defaultValue;
  return fallback ? asOfIsToday(fallback, operation, variables, todayIs) : true;
}

/** Whether the operation's root selection (fragments followed) holds a costly field, `todayIs` being the server's today. */
export function asksForCostlyWork(document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>, todayIs: string): boolean {
  return costlyRootField(document, operation, variables, todayIs) !== null;
}

/** The first costly root field the operation asks for (fragments followed), or null. */
export function costlyRootField(document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>, todayIs: string): string | null {
  const fragments = new Map<string, SelectionSetNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition.selectionSet);
  }
  const seen = new Set<string>();
  const isCostly = (selection: FieldNode): boolean => {
    const name = selection.name.value;
    if (!COSTLY_ROOT_FIELDS.has(name)) return false;
    if (name !== 'staffingGap') return true;
    const includeDescendants = selection.arguments?.find((a) => a.name.value === 'includeDescendants');
    if (booleanValue(includeDescendants?.value, variables) === false) return false;
    // As of today it reads the summary its triggers keep (a few thousand rows at the nation).
    return !asOfIsToday(selection.arguments?.find((a) => a.name.value === 'asOf')?.value, operation, variables, todayIs);
  };
  const walk = (set: SelectionSetNode): string | null => {
    for (const selection of set.selections) {
      let found: string | null = null;
      if (selection.kind === Kind.FIELD) found = isCostly(selection) ? selection.name.value : null;
      else if (selection.kind === Kind.INLINE_FRAGMENT) found = walk(selection.selectionSet);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        found = fragment ? walk(fragment) : null;
      }
      if (found) return found;
    }
    return null;
  };
  return walk(operation.selectionSet);
}

/**
 * Takes a slot once Apollo has parsed and validated the operation (cheap, CPU only) and before
 * it executes; gives it back when the response is ready.
 */
export function admissionPlugin(admission: Admission): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      let release: (() => void) | null = null;
      let finished = false;
      return {
        async didResolveOperation({ document, operation, request }) {
          if (!operation) return;
          const granted = await admission.laneFor(document, operation, request.variables ?? {}).enter();
          // Apollo runs every plugin's didResolveOperation together: when another refused the
          // request meanwhile, its response is already out, and the slot must not be kept.
          if (finished) granted();
          else release = granted;
        },
        async willSendResponse() {
          finished = true;
          release?.();
          release = null;
        },
      };
    },
  };
}
