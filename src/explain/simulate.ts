import { seededRandom } from '../backoff/random.js';
import { STRATEGY_NAMES, strategyNamed, type StrategyName } from '../backoff/strategies.js';
import { SimulationLimitError } from '../shared/errors.js';
import type { BudgetSettings } from '../budget/state.js';
import { createHerdBudget, type HerdBudget } from './herd-budget.js';

export interface HerdOptions {
  clients: number;
  /** Calls the server answers in one time slice; the rest of that slice's calls fail. */
  capacity: number;
  sliceMs: number;
  seed: number;
  baseMs: number;
  capMs: number;
  factor: number;
  /** A strategy that needs more steps than this to finish is stopped with an error. */
  maxSteps?: number;
}

export interface HerdResult {
  strategy: StrategyName;
  /** The most calls that arrived in one slice after the failure. */
  peakLoad: number;
  /** When the last client succeeded, from the instant they all failed. */
  completionMs: number;
  /** Every call of every client: the failed first calls, the retries, the successes. */
  totalCalls: number;
  /** The load of each slice in which a call arrived, in time order. */
  load: Array<{ slice: number; calls: number }>;
}

/** The herd under one strategy with a retry budget shared by the whole fleet. */
export interface BudgetHerdResult extends HerdResult {
  budget: BudgetSettings;
  /** Clients whose retry the budget refused: they gave up, without a success. */
  gaveUp: number;
}

export const DEFAULT_MAX_STEPS = 5_000_000;

/** Clients that call at the same instant with the same history: one or a whole lockstep herd. */
interface Callers {
  count: number;
  /** How many retries these clients have made, this call included. */
  retry: number;
  previousMs: number;
}

/** The thundering herd for every strategy, each from the same seed. */
export function simulateHerd(options: HerdOptions): HerdResult[] {
  return STRATEGY_NAMES.map((strategy) => simulateStrategy(strategy, options));
}

/**
 * A discrete-event simulation of the thundering herd: at instant 0 every client's call fails
 * at once; each then retries by `strategy` until it succeeds. The server answers the first
 * `capacity` calls that arrive in each slice and fails the rest (a failed call costs no time).
 * No real time passes: the clock is the event queue's.
 */
export function simulateStrategy(strategy: StrategyName, options: HerdOptions): HerdResult {
  return simulate(strategy, options);
}

/**
 * The same herd with a retry budget shared by every client: each call is counted against
 * it, and a client whose retry it refuses gives up. `completionMs` is then when the last
 * client finished, by a success or by giving up.
 */
export function simulateBudget(
  strategy: StrategyName,
  options: HerdOptions,
  budget: BudgetSettings,
): BudgetHerdResult {
  const herdBudget = createHerdBudget(budget);
  const result = simulate(strategy, options, herdBudget);
  return { ...result, budget, gaveUp: herdBudget.gaveUp };
}

function simulate(strategy: StrategyName, options: HerdOptions, budget?: HerdBudget): HerdResult {
  const { clients, capacity, sliceMs } = options;
  const maxSteps = options.maxSteps ?? DEFAULT_MAX_STEPS;
  const backoff = strategyNamed(strategy);
  const settings = { baseMs: options.baseMs, capMs: options.capMs, factor: options.factor };
  const random = seededRandom(options.seed);
  // The deterministic kinds draw nothing, so clients that failed together stay together.
  const lockstep = !backoff.random;
  const queue = new EventQueue();
  const retry = (from: Callers, count: number, now: number) => {
    for (let i = 0; i < (lockstep ? 1 : count); i++) {
      const step = backoff.delay(settings, from.retry + 1, from.previousMs, random);
      const next = {
        count: lockstep ? count : 1,
        retry: from.retry + 1,
        previousMs: step.previousMs,
      };
      queue.push(now + step.delayMs, next);
    }
  };
  // Without a budget every failed caller retries; with one, those it refuses give up.
  const retrying = (succeeded: number, failed: number) =>
    budget ? budget.afterCalls(succeeded, failed) : failed;
  const first = retrying(0, clients);
  if (first > 0) retry({ count: clients, retry: 0, previousMs: options.baseMs }, first, 0);

  const load: HerdResult['load'] = [];
  let totalCalls = clients;
  let steps = 0;
  let peakLoad = 0;
  let completionMs = 0;
  let current = { slice: -1, calls: 0 };
  while (!queue.empty) {
    const { time, callers } = queue.peek();
    const slice = Math.floor(time / sliceMs);
    if (slice !== current.slice) {
      current = { slice, calls: 0 };
      load.push(current);
    }
    // A retry with no delay joins `callers` while it is walked.
    for (let i = 0; i < callers.length; i++) {
      if (++steps > maxSteps) throw new SimulationLimitError(strategy, maxSteps);
      const group = callers[i]!;
      const answered = Math.max(0, Math.min(group.count, capacity - current.calls));
      current.calls += group.count;
      totalCalls += group.count;
      const failed = group.count - answered;
      const retries = retrying(answered, failed);
      // A client that gave up is done too.
      if (answered > 0 || retries < failed) completionMs = time;
      if (retries > 0) retry(group, retries, time);
    }
    peakLoad = Math.max(peakLoad, current.calls);
    queue.shift();
  }
  return { strategy, peakLoad, completionMs, totalCalls, load };
}

/**
 * The pending calls, grouped by the millisecond they arrive in: calls of the same instant are
 * answered in the order they were made, so a run is the same on every machine. The distinct
 * instants sit in a binary min-heap.
 */
class EventQueue {
  private readonly groups = new Map<number, Callers[]>();
  private readonly instants: number[] = [];

  get empty(): boolean {
    return this.instants.length === 0;
  }

  push(time: number, callers: Callers): void {
    const group = this.groups.get(time);
    if (group) {
      group.push(callers);
      return;
    }
    this.groups.set(time, [callers]);
    const heap = this.instants;
    let i = heap.push(time) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heap[parent]! <= time) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = time;
  }

  /** The earliest instant and its calls; calls pushed for that instant join the same array. */
  peek(): { time: number; callers: Callers[] } {
    const time = this.instants[0]!;
    return { time, callers: this.groups.get(time)! };
  }

  /** Drops the earliest instant, once all of its calls have been handled. */
  shift(): void {
    const heap = this.instants;
    this.groups.delete(heap[0]!);
    const last = heap.pop()!;
    if (heap.length === 0) return;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= heap.length) break;
      if (child + 1 < heap.length && heap[child + 1]! < heap[child]!) child++;
      if (heap[child]! >= last) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = last;
  }
}
