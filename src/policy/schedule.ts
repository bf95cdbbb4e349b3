import { seededRandom } from './random.js';
import { delayBounds, nextDelay, type BackoffPolicy } from './strategies.js';

export interface ScheduleRow {
  /** Retry n: the wait before attempt n + 1. */
  retry: number;
  minMs: number;
  medianMs: number;
  maxMs: number;
  /** Sum of the medians and of the maxima up to and including this retry. */
  cumulativeMedianMs: number;
  cumulativeMaxMs: number;
  /** The cap clamps this retry's delay (or its envelope). */
  capped: boolean;
}

export interface ScheduleOptions {
  /** Draws used to estimate decorrelated jitter's median, which has no closed form. */
  samples?: number;
  seed?: number;
}

export interface ScheduleShape extends BackoffPolicy {
  maxAttempts: number;
}

/**
 * The waits a policy gives between `maxAttempts` attempts: min, median and max per retry,
 * exact from the formulas where they give it (decorrelated's median is sampled, seeded).
 */
export function schedule(policy: ScheduleShape, options: ScheduleOptions = {}): ScheduleRow[] {
  const retries = Math.max(0, policy.maxAttempts - 1);
  const medians =
    policy.strategy === 'decorrelated' ? sampledMedians(policy, retries, options) : [];
  const rows: ScheduleRow[] = [];
  let previousMax = policy.baseMs;
  let cumulativeMedianMs = 0;
  let cumulativeMaxMs = 0;
  for (let retry = 1; retry <= retries; retry++) {
    const { minMs, maxMs } = delayBounds(policy, retry, previousMax);
    previousMax = maxMs;
    const medianMs = medianFor(policy, retry, minMs, maxMs, medians[retry - 1]);
    cumulativeMedianMs += medianMs;
    cumulativeMaxMs += maxMs;
    rows.push({
      retry,
      minMs,
      medianMs,
      maxMs,
      cumulativeMedianMs,
      cumulativeMaxMs,
      capped: isCapped(policy, retry),
    });
  }
  return rows;
}

function medianFor(
  policy: BackoffPolicy,
  retry: number,
  minMs: number,
  maxMs: number,
  sampled?: number,
): number {
  switch (policy.strategy) {
    case 'jitter':
    case 'equal-jitter':
      return Math.round((minMs + maxMs) / 2);
    case 'decorrelated':
      return sampled ?? minMs;
    default:
      return minMs;
  }
}

function isCapped(policy: BackoffPolicy, retry: number): boolean {
  const { baseMs, capMs, factor } = policy;
  switch (policy.strategy) {
    case 'fixed':
      return baseMs > capMs;
    case 'linear':
      return baseMs * retry > capMs;
    default:
      return baseMs * Math.pow(factor, retry - 1) > capMs;
  }
}

function sampledMedians(
  policy: BackoffPolicy,
  retries: number,
  options: ScheduleOptions,
): number[] {
  const samples = options.samples ?? 1001;
  const random = seededRandom(options.seed ?? 1);
  const draws: number[][] = Array.from({ length: retries }, () => []);
  for (let s = 0; s < samples; s++) {
    let previous = policy.baseMs;
    for (let retry = 1; retry <= retries; retry++) {
      const step = nextDelay(policy, retry, previous, random);
      previous = step.previousMs;
      draws[retry - 1]!.push(step.delayMs);
    }
  }
  return draws.map((values) => {
    values.sort((a, b) => a - b);
    return values[Math.floor(values.length / 2)] ?? 0;
  });
}
