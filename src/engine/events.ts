import type { Policy } from './policy.js';
import type { RetryHookResult } from './hook.js';
import type { AttemptResult, Classification } from './types.js';

/** How a run ended (README, JSON events). */
export type RunOutcome =
  | 'success'
  | 'exhausted'
  | 'stopped'
  | 'deadline'
  | 'circuit-open'
  | 'budget-exhausted'
  | 'interrupted';

export interface StartEvent {
  event: 'start';
  time: string;
  description: string;
  maxAttempts: number;
  policy: Policy;
}

export interface AttemptEvent {
  event: 'attempt';
  time: string;
  /** When the attempt began; `time` is when it ended. */
  startedAt: string;
  attempt: number;
  maxAttempts: number;
  result: AttemptResult;
  classification: Classification;
}

export interface WaitEvent {
  event: 'wait';
  time: string;
  /** The attempt that comes after the wait. */
  nextAttempt: number;
  delayMs: number;
  /** `stagger`: the random delay of `--stagger` before the first attempt. */
  source: 'strategy' | 'server' | 'stagger';
}

/** The `--on-retry` hook ran after `attempt` failed, before the wait. */
export interface OnRetryEvent {
  event: 'on-retry';
  time: string;
  attempt: number;
  result: RetryHookResult;
}

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface BreakerEvent {
  event: 'breaker';
  time: string;
  name: string;
  state: BreakerState;
  message: string;
  closesAt?: string | null;
}

export interface SummaryEvent {
  event: 'summary';
  time: string;
  outcome: RunOutcome;
  attempts: number;
  elapsedMs: number;
  waitedMs: number;
  exitCode: number;
  /** The last failure's reason, or why the run ended early. */
  reason?: string;
  /** One line for a person: why the run ended as it did. */
  message: string;
  lastResult?: AttemptResult;
}

export type RetryEvent =
  StartEvent | AttemptEvent | WaitEvent | OnRetryEvent | BreakerEvent | SummaryEvent;
