import { randomHex } from '../shared/random.js';
import { hostname } from 'node:os';
import type { Clock } from '../shared/clock.js';
import type { AttemptGate, BreakerNotice, GateDecision } from '../engine/gate.js';
import { StoreError, type StateStore } from '../store/store.js';
import { describeRefusal, describeTransition, isoSecond } from './describe.js';
import {
  admission,
  type Admission,
  CLOSED,
  isBreakerData,
  recordAttempt,
  startProbe,
  type BreakerData,
  type BreakerSettings,
  type Transition,
} from './state.js';

/** The store collection that holds breakers. */
export const BREAKER_COLLECTION = 'breaker';

/** Which breaker, where it is kept, and how it behaves (README, Circuit breaker). */
export interface SharedBreakerOptions extends BreakerSettings {
  name: string;
  store: StateStore;
  clock: Clock;
  /** `--breaker-strict`: a broken store refuses the run instead of acting as closed. */
  strict: boolean;
  /** Gets the one warning line when the store fails. */
  warn: (message: string) => void;
  /** The probe lease lasts this long unless renewed; it is renewed at a third of it. */
  leaseMs?: number;
}

/** A shared breaker: the engine's gate, closed when the run is over. */
export interface SharedBreaker extends AttemptGate {
  /** Stops renewing the probe lease and frees it if the run ends without a result. */
  close(): Promise<void>;
}

/** Reads a breaker from the store; a value that is not one is a corrupt store. */
export async function readBreaker(store: StateStore, name: string): Promise<BreakerData> {
  return checked(await store.read<BreakerData>(BREAKER_COLLECTION, name), store, name);
}

export function checked(value: unknown, store: StateStore, name: string): BreakerData {
  if (value === undefined) return CLOSED;
  if (!isBreakerData(value)) {
    throw new StoreError('corrupt', `breaker '${name}' in ${store.location} is corrupt`);
  }
  return value;
}

/**
 * The breaker as the engine's AttemptGate, shared through a state store by every process
 * that names it. A closed breaker costs one read per attempt; only a change is written.
 * The half-open probe is guarded by a lease in the store, so exactly one run probes.
 * Any store failure gives one warning and the breaker acts as closed from then on (README, Circuit breaker),
 * or, when strict, refuses the run.
 *
 * @example
 * ```ts
 * import {
 *   retry,
 *   createSharedBreaker,
 *   createFileStore,
 *   createCommandRunner,
 *   argvCommand,
 * } from 'retry-run';
 *
 * const store = createFileStore({ dir: `${process.env.HOME}/.local/state/retry-run` });
 * const gate = createSharedBreaker({
 *   name: 'payments-api',
 *   store,
 *   clock: { now: Date.now },
 *   threshold: 5,
 *   cooldownMs: 30_000,
 *   strict: false,
 *   warn: (message) => console.error(message),
 * });
 * try {
 *   await retry({ runner: createCommandRunner({ command: argvCommand(['./charge.sh']) }), gate });
 * } finally {
 *   await gate.close();
 *   await store.close();
 * }
 * ```
 */
export function createSharedBreaker(options: SharedBreakerOptions): SharedBreaker {
  const { name, store, clock } = options;
  const leaseMs = options.leaseMs ?? 15_000;
  const holder = `${hostname()}:${process.pid}:${randomHex(16)}`;
  let broken: StoreError | undefined;
  let probing = false;
  let renewal: NodeJS.Timeout | undefined;
  const notice = (data: BreakerData, message: string): BreakerNotice => ({
    name,
    state: data.state,
    message,
    closesAt: data.closesAt === null ? null : isoSecond(data.closesAt),
  });

  const failed = (error: unknown): void => {
    if (!(error instanceof StoreError)) throw error;
    broken = error;
    const then = options.strict ? 'and --breaker-strict refuses to run' : 'acting as closed';
    const repair =
      error.kind === 'corrupt' ? ` ('retry-run breaker reset ${name}' repairs it)` : '';
    options.warn(`breaker '${name}': ${error.message}${repair}; ${then}`);
  };
  const brokenDecision = (): GateDecision =>
    options.strict && broken
      ? {
          allowed: false,
          notice: {
            name,
            state: 'open',
            message: `the state store cannot be used (${broken.kind}) and --breaker-strict is set; nothing run`,
            closesAt: null,
          },
        }
      : { allowed: true };

  const endProbe = async () => {
    clearInterval(renewal);
    renewal = undefined;
    if (!probing) return;
    probing = false;
    await store.releaseLease(BREAKER_COLLECTION, name, holder);
  };

  const tryProbe = async (): Promise<GateDecision> => {
    if (!(await store.acquireLease(BREAKER_COLLECTION, name, holder, leaseMs))) {
      const data = await readBreaker(store, name);
      return {
        allowed: false,
        notice: notice(data, `half-open: another run is probing; nothing run`),
      };
    }
    let verdict = 'pass' as Admission; // set by the last call of the change below
    const data = await store.update<BreakerData>(BREAKER_COLLECTION, name, (current) => {
      const breaker = checked(current, store, name);
      const now = clock.now();
      verdict = admission(breaker, now);
      return verdict === 'probe' ? startProbe(breaker, now) : breaker;
    });
    if (verdict !== 'probe') {
      // Another run's probe settled it between our read and our lease.
      await store.releaseLease(BREAKER_COLLECTION, name, holder);
      return verdict === 'pass'
        ? { allowed: true }
        : { allowed: false, notice: notice(data, describeRefusal(data, clock.now())) };
    }
    probing = true;
    renewal = setInterval(() => {
      store.acquireLease(BREAKER_COLLECTION, name, holder, leaseMs).catch(() => {});
    }, leaseMs / 3).unref();
    return {
      allowed: true,
      notice: notice(data, 'cooldown over: this run is the one probe'),
    };
  };

  // Strict means the run's result can be recorded: a store that reads but cannot be written
  // (a read-only home) would otherwise be found out only after the first attempt.
  let writeChecked = !options.strict;
  const checkWritable = async () => {
    if (writeChecked) return;
    await store.update<BreakerData>(BREAKER_COLLECTION, name, (current) => ({
      ...checked(current, store, name),
    }));
    writeChecked = true;
  };

  return {
    async admit() {
      if (broken) return brokenDecision();
      try {
        await checkWritable();
        const data = await readBreaker(store, name);
        const verdict = admission(data, clock.now());
        if (verdict === 'pass') return { allowed: true };
        if (verdict === 'refuse') {
          return { allowed: false, notice: notice(data, describeRefusal(data, clock.now())) };
        }
        return await tryProbe();
      } catch (error) {
        failed(error);
        return brokenDecision();
      }
    },

    async record(success, reason) {
      if (broken) return undefined;
      const probe = probing;
      try {
        if (success && !probe) {
          const data = await readBreaker(store, name);
          if (data.state === 'closed' && data.consecutiveFailures === 0) return undefined;
        }
        let transition: Transition | undefined;
        const data = await store.update<BreakerData>(BREAKER_COLLECTION, name, (current) => {
          const next = recordAttempt(
            checked(current, store, name),
            { success, reason, probe },
            clock.now(),
            options,
          );
          transition = next.transition;
          return next.data;
        });
        await endProbe();
        if (!transition) return undefined;
        return notice(data, describeTransition(transition, data, clock.now(), probe));
      } catch (error) {
        failed(error);
        return undefined;
      }
    },

    async close() {
      try {
        await endProbe();
      } catch {
        // The lease ends by itself; a broken store was already reported.
      }
    },
  };
}
