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

/** The run begins: what runs, under which policy. */
export interface StartEvent {
  event: 'start';
  time: string;
  description: string;
  maxAttempts: number;
  policy: Policy;
}

/** One attempt ended: its result and how it was judged. */
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

/** A wait before the next attempt begins, and what set its length. */
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

/** A circuit breaker's state (README, Circuit breaker). */
export type BreakerState = 'closed' | 'open' | 'half-open';

/** The circuit breaker's state, when it refuses an attempt or changes. */
export interface BreakerEvent {
  event: 'breaker';
  time: string;
  name: string;
  state: BreakerState;
  message: string;
  closesAt?: string | null;
}

/** The run is over: how it ended, after how many attempts, with which exit code. */
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

/**
 * What the engine reports, in order, to `onEvent`: the `--json` lines of the CLI (README, JSON
 * events). `event` tells them apart.
 *
 * @example
 * ```ts
 * import { retry, createCommandRunner, argvCommand, type RetryEvent } from 'retry-run';
 *
 * function log(event: RetryEvent): void {
 *   if (event.event === 'attempt') console.error(`#${event.attempt}: ${event.classification.reason}`);
 *   if (event.event === 'summary') console.error(event.message);
 * }
 * const runner = createCommandRunner({ command: argvCommand(['make', 'test']) });
 * await retry({ runner, onEvent: log });
 * ```
 */
export type RetryEvent =
  StartEvent | AttemptEvent | WaitEvent | OnRetryEvent | BreakerEvent | SummaryEvent;
