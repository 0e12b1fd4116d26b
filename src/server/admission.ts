import type { ApolloServerPlugin } from '@apollo/server';
import { Semaphore, withTimeout, type SemaphoreInterface } from 'async-mutex';
import { DocumentNode, GraphQLError, Kind, OperationDefinitionNode, SelectionSetNode, ValueNode } from 'graphql';
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
 * that asks for any of them waits in (and counts against) the analytics lane only.
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

export type LaneName = 'requests' | 'analytics';

export function overloaded(lane: LaneName, why: 'queue full' | 'waited too long' | 'no database connection free'): GraphQLError {
  const what = lane === 'analytics' ? 'costly analytics' : 'requests';
  const reason =
    why === 'queue full' ? `every slot for ${what} is busy and the queue is full`
    : why === 'waited too long' ? `the request waited its longest for a slot among ${what}`
    : 'every database connection stayed busy for as long as the request could wait';
  return new GraphQLError(`The service is overloaded (${reason}); the database is up. Try again in ${OVERLOADED_RETRY_AFTER_SECONDS} s.`, {
    extensions: { code: 'OVERLOADED', retryAfterSeconds: OVERLOADED_RETRY_AFTER_SECONDS },
  });
}

const TIMED_OUT = new Error('admission wait timed out');

export interface LaneState {
  executing: number;
  waiting: number;
  maxConcurrent: number;
  maxQueued: number;
}

/** One lane: a counting semaphore (async-mutex) with a bounded, timed queue in front. */
export class Lane {
  private executing = 0;
  private waiting = 0;
  private readonly semaphore: Semaphore;
  private readonly timed: SemaphoreInterface;

  constructor(readonly name: LaneName, private readonly settings: LaneSettings) {
    this.semaphore = new Semaphore(settings.maxConcurrent);
    // A waiter that times out keeps its place in the semaphore's queue and hands the slot on at
    // once when its turn comes, so the order stays first come, first served.
    this.timed = withTimeout(this.semaphore, settings.queueTimeoutMs, TIMED_OUT);
  }

  /** Waits for a slot; resolves with its release (call once), or throws OVERLOADED. */
  async enter(): Promise<() => void> {
    if (this.semaphore.isLocked() && this.waiting >= this.settings.maxQueued) throw overloaded(this.name, 'queue full');
    this.waiting++;
    let release: () => void;
    try {
      [, release] = await this.timed.acquire();
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

export class Admission {
  readonly requests: Lane;
  readonly analytics: Lane;

  /** `clock` says which `asOf` is today: the server's, which its services read the summary on. */
  constructor(settings: { requests: LaneSettings; analytics: LaneSettings }, private readonly clock: Clock) {
    this.requests = new Lane('requests', settings.requests);
    this.analytics = new Lane('analytics', settings.analytics);
  }

  laneFor(document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): Lane {
    return asksForCostlyWork(document, operation, variables, this.clock.today()) ? this.analytics : this.requests;
  }

  /** What /readyz reports. */
  state(): { busy: boolean; requests: LaneState; analytics: LaneState } {
    return { busy: this.requests.busy() || this.analytics.busy(), requests: this.requests.state(), analytics: this.analytics.state() };
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
  const fragments = new Map<string, SelectionSetNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition.selectionSet);
  }
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode): boolean =>
    set.selections.some((selection) => {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (!COSTLY_ROOT_FIELDS.has(name)) return false;
        if (name !== 'staffingGap') return true;
        const includeDescendants = selection.arguments?.find((a) => a.name.value === 'includeDescendants');
        if (booleanValue(includeDescendants?.value, variables) === false) return false;
        // As of today it reads the summary its triggers keep (a few thousand rows at the nation).
        return !asOfIsToday(selection.arguments?.find((a) => a.name.value === 'asOf')?.value, operation, variables, todayIs);
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) return walk(selection.selectionSet);
      const name = selection.name.value;
      if (seen.has(name)) return false;
      seen.add(name);
      const fragment = fragments.get(name);
      return fragment ? walk(fragment) : false;
    });
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
