import type { RandomSource } from './random.js';

export const STRATEGY_NAMES = [
  'fixed',
  'linear',
  'exponential',
  'jitter',
  'equal-jitter',
  'decorrelated',
] as const;
export type StrategyName = (typeof STRATEGY_NAMES)[number];

export interface BackoffPolicy {
  strategy: StrategyName;
  baseMs: number;
  capMs: number;
  factor: number;
}

/** The delay chosen for one retry, and what the next retry needs to know (decorrelated). */
export interface DelayStep {
  delayMs: number;
  previousMs: number;
}

/** e = min(cap, base·factor^(n−1)): the exponential envelope of SPEC §3. */
function exponentialEnvelope(policy: BackoffPolicy, retry: number): number {
  return Math.min(policy.capMs, policy.baseMs * Math.pow(policy.factor, retry - 1));
}

/**
 * The wait before attempt `retry + 1` (retry = 1, 2, …), exactly as SPEC §3 defines each
 * strategy. Pure: all randomness comes from `random`; `previousMs` threads decorrelated
 * jitter's memory (start it at `base`).
 */
export function nextDelay(
  policy: BackoffPolicy,
  retry: number,
  previousMs: number,
  random: RandomSource,
): DelayStep {
  const { baseMs, capMs } = policy;
  const envelope = exponentialEnvelope(policy, retry);
  let delay: number;
  switch (policy.strategy) {
    case 'fixed':
      delay = Math.min(capMs, baseMs);
      break;
    case 'linear':
      delay = Math.min(capMs, baseMs * retry);
      break;
    case 'exponential':
      delay = envelope;
      break;
    case 'jitter':
      delay = random() * envelope;
      break;
    case 'equal-jitter':
      delay = envelope / 2 + random() * (envelope / 2);
      break;
    case 'decorrelated': {
      const high = Math.max(baseMs, 3 * previousMs);
      delay = Math.min(capMs, baseMs + random() * (high - baseMs));
      break;
    }
  }
  const delayMs = Math.round(delay);
  return { delayMs, previousMs: delayMs };
}

/** The range a strategy's delay can take for one retry: exact for all but decorrelated. */
export function delayBounds(
  policy: BackoffPolicy,
  retry: number,
  previousMaxMs: number,
): { minMs: number; maxMs: number } {
  const envelope = exponentialEnvelope(policy, retry);
  switch (policy.strategy) {
    case 'fixed':
    case 'linear':
    case 'exponential': {
      const only = nextDelay(policy, retry, previousMaxMs, () => 0).delayMs;
      return { minMs: only, maxMs: only };
    }
    case 'jitter':
      return { minMs: 0, maxMs: Math.round(envelope) };
    case 'equal-jitter':
      return { minMs: Math.round(envelope / 2), maxMs: Math.round(envelope) };
    case 'decorrelated':
      return {
        minMs: Math.min(policy.capMs, policy.baseMs),
        maxMs: Math.round(Math.min(policy.capMs, Math.max(policy.baseMs, 3 * previousMaxMs))),
      };
  }
}
