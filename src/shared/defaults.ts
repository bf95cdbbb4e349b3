/**
 * Every default of retry-run in one place (README, Options). The README's option table
 * documents each once.
 *
 * @example
 * ```ts
 * import { DEFAULTS } from 'retry-run';
 *
 * console.log(DEFAULTS.strategy, DEFAULTS.maxAttempts, DEFAULTS.baseMs); // jitter 5 1000
 * ```
 */
export const DEFAULTS = {
  strategy: 'jitter',
  maxAttempts: 5,
  baseMs: 1000,
  capMs: 60_000,
  factor: 2,
  killAfterMs: 5000,
  stdin: 'auto',
  maxServerWaitMs: 5 * 60_000,
  commandRetryOn: 'any',
  commandStopOn: 'exit:126,exit:127',
  httpRetryOn: '408,429,500,502,503,504,timeout,connection',
  warnAfter: 2,
  /** `--pushgateway`: a push may delay the exit this long at most, then it is a warning. */
  pushgatewayTimeoutMs: 5000,
  /** GitHub Actions: a step summary only for a run that retried or failed. */
  stepSummary: 'retries',
  /** Newest history records kept per name; older ones are pruned. */
  historyKeep: 1000,
  statsSinceMs: 7 * 24 * 3_600_000,
  breakerThreshold: 5,
  breakerCooldownMs: 30_000,
  /** Retry budget (gRPC A6's defaults in spirit): tokens, and what a success adds back. */
  budgetTokens: 10,
  budgetRatio: 0.1,
  maxRedirects: 10,
  /** HTTP mode: limit for making the connection (undici's own default). */
  connectTimeoutMs: 10_000,
  /**
   * HTTP mode: no byte from the server for this long ends the attempt. nginx's
   * proxy_read_timeout and AWS load balancers' idle timeout: a response that pauses longer
   * would rarely pass a proxy anyway, and a readiness poll gets to its next attempt.
   */
  idleTimeoutMs: 60_000,
  expect: '2xx',
  stdout: 'live',
  /** `explain --simulate`: calls the server answers per slice, and the slice's length. */
  simulateCapacity: 10,
  simulateSliceMs: 100,
} as const;
