import { seededRandom } from './random.js';
import { strategyNamed, type BackoffPolicy } from './strategies.js';
import type { BackoffStrategy } from './strategy.js';

/** One retry of a `schedule`: the range of its wait, and the ranges summed so far. */
export interface ScheduleRow {
  /** Retry n: the wait before attempt n + 1. */
  retry: number;
  minMs: number;
  medianMs: number;
  maxMs: number;
  /** Sums of the minima, medians and maxima up to and including this retry. */
  cumulativeMinMs: number;
  cumulativeMedianMs: number;
  cumulativeMaxMs: number;
  /** The cap clamps this retry's delay (or the top of its range). */
  capped: boolean;
  /** In the worst case the deadline ends the run here: this wait is not started. */
  deadlineMayEnd: boolean;
}

/** How `schedule` estimates what has no closed form. */
export interface ScheduleOptions {
  /** Draws used to estimate decorrelated jitter's median, which has no closed form. */
  samples?: number;
  seed?: number;
}

export interface ScheduleShape extends BackoffPolicy {
  maxAttempts: number;
  timeoutMs?: number;
  deadlineMs?: number;
}

/** A schedule and what it adds up to: the rows that can happen, and the worst-case total. */
export interface SchedulePlan {
  rows: ScheduleRow[];
  /** The retry the deadline always prevents (its wait would end past it even at its shortest). */
  cutByDeadline?: { retry: number; earliestEndMs: number };
  /** Waits at their maxima, plus every attempt at its `--timeout` when there is one. */
  worstCaseMs: number;
  worstCaseIncludesAttempts: boolean;
  worstCaseBoundedByDeadline: boolean;
  /** `--max inf`: the rows are the first retries only; every later wait is like the last. */
  unbounded?: boolean;
  /** How decorrelated's medians were estimated (absent for the kinds with exact medians). */
  sampled?: { samples: number; seed: number };
}

const DEFAULT_SCHEDULE_SAMPLES = 1001;
/** `--max inf`: the most retries a schedule shows before the waits settle. */
const UNBOUNDED_PREVIEW_RETRIES = 60;
/** Beyond this many retries decorrelated's walk has settled; later medians repeat the last. */
const MAX_SAMPLED_RETRIES = 1000;

/**
 * The waits a policy gives between `maxAttempts` attempts: min, median and max per retry,
 * exact from the formulas where they give it (decorrelated's median is sampled, seeded).
 * Rows the deadline always prevents are left out.
 *
 * @example
 * ```ts
 * import { schedule } from 'retry-run';
 *
 * const policy = { baseMs: 250, capMs: 60_000, factor: 2, maxAttempts: 4 };
 * const rows = schedule({ strategy: 'exponential', ...policy });
 * console.log(rows.map((row) => row.maxMs).join(' ')); // 250 500 1000
 * ```
 */
export function schedule(policy: ScheduleShape, options: ScheduleOptions = {}): ScheduleRow[] {
  return planSchedule(policy, options).rows;
}

/**
 * A `schedule` with its totals: the worst case, and where a deadline cuts it (`explain`).
 *
 * @example
 * ```ts
 * import { planSchedule } from 'retry-run';
 *
 * const plan = planSchedule({
 *   strategy: 'fixed',
 *   baseMs: 2000,
 *   capMs: 60_000,
 *   factor: 2,
 *   maxAttempts: 4,
 *   timeoutMs: 10_000,
 * });
 * console.log(plan.rows.length, plan.worstCaseMs); // 3 46000
 * ```
 */
export function planSchedule(policy: ScheduleShape, options: ScheduleOptions = {}): SchedulePlan {
  const unbounded = !Number.isFinite(policy.maxAttempts);
  const retries = unbounded ? UNBOUNDED_PREVIEW_RETRIES : Math.max(0, policy.maxAttempts - 1);
  const samples = options.samples ?? DEFAULT_SCHEDULE_SAMPLES;
  const seed = options.seed ?? 1;
  const strategy = strategyNamed(policy.strategy);
  // A strategy without a closed-form median (decorrelated) has its medians sampled.
  const sampling = strategy.median === undefined;
  const medians = sampling ? sampledMedians(strategy, policy, retries, samples, seed) : [];
  const rows: ScheduleRow[] = [];
  let cutByDeadline: SchedulePlan['cutByDeadline'];
  let previousMax = policy.baseMs;
  let cumulativeMinMs = 0;
  let cumulativeMedianMs = 0;
  let cumulativeMaxMs = 0;
  for (let retry = 1; retry <= retries; retry++) {
    const bounds = strategy.bounds(policy, retry, previousMax);
    const { minMs, maxMs } = bounds;
    const medianMs =
      strategy.median?.(bounds) ?? medians[Math.min(retry, medians.length) - 1] ?? minMs;
    const capped = strategy.capped(policy, retry, previousMax);
    // --max inf: once the waits stop changing (capped, or fixed), the rest repeat the last row.
    const last = rows.at(-1);
    if (unbounded && last && last.minMs === minMs && last.maxMs === maxMs) break;
    previousMax = maxMs;
    cumulativeMinMs += minMs;
    cumulativeMedianMs += medianMs;
    cumulativeMaxMs += maxMs;
    if (policy.deadlineMs !== undefined && cumulativeMinMs >= policy.deadlineMs) {
      cutByDeadline = { retry, earliestEndMs: cumulativeMinMs };
      break;
    }
    const latestEndMs = cumulativeMaxMs + retry * (policy.timeoutMs ?? 0);
    rows.push({
      retry,
      minMs,
      medianMs,
      maxMs,
      cumulativeMinMs,
      cumulativeMedianMs,
      cumulativeMaxMs,
      capped,
      deadlineMayEnd: policy.deadlineMs !== undefined && latestEndMs >= policy.deadlineMs,
    });
  }
  const attempts = rows.length + 1;
  const total = unbounded
    ? Infinity
    : (rows.at(-1)?.cumulativeMaxMs ?? 0) + attempts * (policy.timeoutMs ?? 0);
  const bounded = policy.deadlineMs !== undefined && policy.deadlineMs < total;
  return {
    rows,
    ...(cutByDeadline ? { cutByDeadline } : {}),
    worstCaseMs: bounded ? policy.deadlineMs! : total,
    worstCaseIncludesAttempts: policy.timeoutMs !== undefined,
    worstCaseBoundedByDeadline: bounded,
    ...(unbounded && !cutByDeadline ? { unbounded } : {}),
    ...(sampling && retries > 0 ? { sampled: { samples, seed } } : {}),
  };
}

function sampledMedians(
  strategy: BackoffStrategy,
  policy: BackoffPolicy,
  retries: number,
  samples: number,
  seed: number,
): number[] {
  const sampledRetries = Math.min(retries, MAX_SAMPLED_RETRIES);
  const random = seededRandom(seed);
  const draws = Array.from({ length: sampledRetries }, () => new Float64Array(samples));
  for (let s = 0; s < samples; s++) {
    let previous = policy.baseMs;
    for (let retry = 1; retry <= sampledRetries; retry++) {
      const step = strategy.delay(policy, retry, previous, random);
      previous = step.previousMs;
      draws[retry - 1]![s] = step.delayMs;
    }
  }
  return draws.map((values) => values.sort()[Math.floor(samples / 2)] ?? 0);
}
