import type { RandomSource } from './random.js';

/** The numbers every strategy reads: the first wait, the cap on any wait, the growth factor. */
export interface BackoffSettings {
  baseMs: number;
  capMs: number;
  factor: number;
}

/** The delay chosen for one retry, and what the next retry needs to know (decorrelated). */
export interface DelayStep {
  delayMs: number;
  previousMs: number;
}

/** The range one retry's delay can take, in whole milliseconds. */
export interface DelayBounds {
  minMs: number;
  maxMs: number;
}

/**
 * One backoff strategy, the single source of everything retry-run says or does about it: the
 * engine and the simulation draw its delays, `schedule` and `explain` show its bounds, median
 * and formula. Retry n = 1, 2, … is the wait before attempt n + 1.
 */
export interface BackoffStrategy<Name extends string = string> {
  readonly name: Name;
  /** Whether the delay is drawn from a range (and so takes min, median and max columns). */
  readonly random: boolean;
  /** The delay for retry n, as `explain` prints it (e = the exponential envelope). */
  readonly formula: string;
  /** What the waits look like, and when to pick this strategy: `explain`'s table. */
  readonly behaviour: string;
  readonly whenToUse: string;
  /**
   * The wait before attempt `retry + 1`. Pure: all randomness comes from `random`;
   * `previousMs` is the last step's `previousMs` (start it at `base`).
   */
  delay(
    settings: BackoffSettings,
    retry: number,
    previousMs: number,
    random: RandomSource,
  ): DelayStep;
  /**
   * Every delay `delay` can give for `retry`, when the previous retry's delay was at most
   * `previousMaxMs` (the `maxMs` of the retry before, `base` for the first).
   */
  bounds(settings: BackoffSettings, retry: number, previousMaxMs: number): DelayBounds;
  /** Whether the cap clamps this retry's delay, or the top of its range for the random kinds. */
  capped(settings: BackoffSettings, retry: number, previousMaxMs: number): boolean;
  /** The median of the delay within its bounds; absent where there is no closed form. */
  median?(bounds: DelayBounds): number;
}

/** A delay of `ms`, rounded to the whole milliseconds the engine sleeps and reports. */
export function stepOf(ms: number): DelayStep {
  const delayMs = Math.round(ms);
  return { delayMs, previousMs: delayMs };
}

/** A deterministic strategy's delay is its own range: min = max = the delay. */
export function exactly(ms: number): DelayBounds {
  const only = Math.round(ms);
  return { minMs: only, maxMs: only };
}
