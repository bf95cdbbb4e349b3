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
export type StrategyName = (typeof STRATEGIES)[number]['name'];
/** The names, as the same tuple type the library has always exported. */
type NamesOf<T extends readonly BackoffStrategy[]> = { readonly [K in keyof T]: T[K]['name'] };
export const STRATEGY_NAMES = STRATEGIES.map((s) => s.name) as unknown as NamesOf<
  typeof STRATEGIES
>;

export interface BackoffPolicy extends BackoffSettings {
  strategy: StrategyName;
}

const BY_NAME = new Map<string, BackoffStrategy>(STRATEGIES.map((s) => [s.name, s]));

/** The strategy object of a (validated) name. */
export function strategyNamed(name: StrategyName): BackoffStrategy<StrategyName> {
  return BY_NAME.get(name) as BackoffStrategy<StrategyName>;
}

/** The wait before attempt `retry + 1` (retry = 1, 2, …) under the policy's strategy. */
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
