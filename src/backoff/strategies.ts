import { decorrelated } from './decorrelated.js';
import { equalJitter } from './equal-jitter.js';
import { exponential } from './exponential.js';
import { fixed } from './fixed.js';
import { jitter } from './jitter.js';
import { linear } from './linear.js';
import type { RandomSource } from './random.js';
import type { BackoffSettings, BackoffStrategy, DelayBounds, DelayStep } from './strategy.js';

export type { BackoffStrategy, BackoffSettings, DelayBounds, DelayStep } from './strategy.js';

/** Every strategy, in the order `explain` lists them. */
export const STRATEGIES = [fixed, linear, exponential, jitter, equalJitter, decorrelated] as const;
/**
 * `fixed`, `linear`, `exponential`, `jitter`, `equal-jitter` or `decorrelated` (README,
 * Strategies).
 */
export type StrategyName = (typeof STRATEGIES)[number]['name'];
type NamesOf<T extends readonly BackoffStrategy[]> = { readonly [K in keyof T]: T[K]['name'] };
/**
 * Every strategy's name, in the order `explain` lists them.
 *
 * @example
 * ```ts
 * import { STRATEGY_NAMES } from 'retry-run';
 *
 * console.log(STRATEGY_NAMES.join(' ')); // fixed linear exponential jitter equal-jitter decorrelated
 * ```
 */
// The same tuple type the library has always exported.
export const STRATEGY_NAMES = STRATEGIES.map((s) => s.name) as unknown as NamesOf<
  typeof STRATEGIES
>;

/** A strategy and its settings: what `nextDelay` and `schedule` compute from. */
export interface BackoffPolicy extends BackoffSettings {
  strategy: StrategyName;
}

const BY_NAME = new Map<string, BackoffStrategy>(STRATEGIES.map((s) => [s.name, s]));

/** The strategy object of a (validated) name. */
export function strategyNamed(name: StrategyName): BackoffStrategy<StrategyName> {
  return BY_NAME.get(name) as BackoffStrategy<StrategyName>;
}

/**
 * The wait before attempt `retry + 1` (retry = 1, 2, …) under the policy's strategy.
 * `previousMs` is the last step's `previousMs` (decorrelated's walk), `policy.baseMs` at first.
 *
 * @example
 * ```ts
 * import { nextDelay, seededRandom } from 'retry-run';
 *
 * const policy = { strategy: 'linear', baseMs: 500, capMs: 60_000, factor: 2 } as const;
 * const step = nextDelay(policy, 3, policy.baseMs, seededRandom(7));
 * console.log(step.delayMs); // 1500
 * ```
 */
export function nextDelay(
  policy: BackoffPolicy,
  retry: number,
  previousMs: number,
  random: RandomSource,
): DelayStep {
  return strategyNamed(policy.strategy).delay(policy, retry, previousMs, random);
}

/** The range the policy's delay can take for one retry: exact for all but decorrelated. */
export function delayBounds(
  policy: BackoffPolicy,
  retry: number,
  previousMaxMs: number,
): DelayBounds {
  return strategyNamed(policy.strategy).bounds(policy, retry, previousMaxMs);
}
