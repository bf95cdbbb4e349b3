import type { TimeLimit } from './time-limit.js';
import type { AttemptResult } from './types.js';

/** What the `--on-retry` hook is told about the attempt that failed and will be retried. */
export interface RetryHookContext {
  /** The attempt that failed (1-based). */
  attempt: number;
  maxAttempts: number;
  exitCode: number;
  /** The failure's reason token: `exit:1`, `status:503`, `timeout`, … */
  reason: string;
  /** Aborted when the run is interrupted: the hook is ended like an attempt. */
  signal: AbortSignal;
  /** `--timeout`, or the time left before the deadline, whichever is shorter. */
  timeLimit?: TimeLimit;
}

/** How the hook ended, in the shape of an attempt's result. */
export type RetryHookResult = Pick<
  AttemptResult,
  'ok' | 'exitCode' | 'signal' | 'timedOut' | 'durationMs' | 'message'
>;

/**
 * Runs between a failed attempt and the wait before the next one (README "Between
 * attempts: --on-retry"). The engine only calls it; the CLI supplies a shell runner.
 * It never throws for a failing hook: it returns the result.
 */
export type RetryHook = (context: RetryHookContext) => Promise<RetryHookResult>;
