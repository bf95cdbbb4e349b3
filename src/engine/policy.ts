import type { BackoffPolicy } from '../backoff/strategies.js';

/** The resolved, validated policy of one run: how many attempts, how long to wait, when to stop. */
export interface Policy extends BackoffPolicy {
  /** `Infinity` for `--max inf`: only success, a stop condition or another limit ends the run. */
  maxAttempts: number;
  /** `--stagger`: the first attempt starts after a random delay in [0, staggerMs]. */
  staggerMs?: number;
  /** Makes jitter reproducible; absent means a fresh random source. */
  seed?: number;
  /** Limit for one attempt. */
  timeoutMs?: number;
  /** Grace between SIGTERM and SIGKILL when an attempt is stopped. */
  killAfterMs: number;
  /** Limit for the whole run, waits included. */
  deadlineMs?: number;
  /** Whether server-directed waits (Retry-After and kin) are honoured, and their bound. */
  serverWait: boolean;
  maxServerWaitMs: number;
}
