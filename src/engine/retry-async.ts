import { realSleep, systemClock, type Clock, type Sleep } from '../shared/clock.js';
import { resolvePolicy } from './options.js';
import { functionOption, invalidOption } from '../shared/option-values.js';
import { seededRandom, type RandomSource } from '../backoff/random.js';
import { nextDelay, type StrategyName } from '../backoff/strategies.js';

/** What `fn` is given on each attempt. */
export interface AsyncAttempt {
  /** 1 for the first attempt. */
  attempt: number;
  /** The caller's `signal`: stop the work when it aborts. */
  signal: AbortSignal;
}

/**
 * What `onRetry` is told after a failed attempt that will be retried, before the wait.
 *
 * @example
 * ```ts
 * import { retryAsync, type RetryInfo } from 'retry-run';
 *
 * const log = ({ attempt, maxAttempts, delayMs, error }: RetryInfo) =>
 *   console.error(`attempt ${attempt}/${maxAttempts}: ${String(error)}; next in ${delayMs} ms`);
 * await retryAsync(() => fetch('https://example.com/'), { onRetry: log });
 * ```
 */
export interface RetryInfo {
  attempt: number;
  error: unknown;
  /** The wait before the next attempt. */
  delayMs: number;
  maxAttempts: number;
}

/**
 * How `retryAsync` retries: the CLI's strategies and defaults, as typed values.
 *
 * @example
 * ```ts
 * import { retryAsync, type RetryAsyncOptions } from 'retry-run';
 *
 * const options: RetryAsyncOptions = {
 *   strategy: 'decorrelated',
 *   maxAttempts: 6,
 *   baseMs: 100,
 *   capMs: 5_000,
 *   deadlineMs: 30_000,
 *   signal: AbortSignal.timeout(60_000),
 *   retryIf: (error) => (error as NodeJS.ErrnoException).code === 'ECONNRESET',
 * };
 * await retryAsync(() => fetch('https://example.com/'), options);
 * ```
 */
export interface RetryAsyncOptions {
  /** Default `jitter`; the strategies of the CLI (README, Strategies). */
  strategy?: StrategyName;
  /** Attempts in all, the first included; default 5. */
  maxAttempts?: number;
  /** Default 1000. */
  baseMs?: number;
  /** Default 60000. */
  capMs?: number;
  /** Default 2. */
  factor?: number;
  /** Makes jitter reproducible. */
  seed?: number;
  /** Time for all attempts and waits: no wait is begun that would end past it. */
  deadlineMs?: number;
  /** Aborting stops the retries: the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Whether a failure is worth another attempt; default: every failure is. */
  retryIf?: (error: unknown, attempt: number) => boolean | PromiseLike<boolean>;
  /** Called after each failed attempt that will be retried, before the wait. */
  onRetry?: (info: RetryInfo) => void | PromiseLike<void>;
  /** Injected in tests, like the engine's: no real waiting. */
  clock?: Clock;
  sleep?: Sleep;
  random?: RandomSource;
}

/**
 * The last error, as `retryAsync` rejects with it: how many attempts were made.
 *
 * @example
 * ```ts
 * import { retryAsync, type RetryAsyncError } from 'retry-run';
 *
 * try {
 *   await retryAsync(() => Promise.reject(new Error('down')), { maxAttempts: 2, baseMs: 1 });
 * } catch (error) {
 *   console.log((error as RetryAsyncError).attempts); // 2
 * }
 * ```
 */
export type RetryAsyncError = Error & { attempts: number };

/**
 * Retries a plain async function with the engine's strategies, deadline and signal. Resolves
 * with `fn`'s value; rejects with the last error, its `attempts` set, when the attempts run
 * out, the deadline leaves no time for the next wait, or `retryIf` says no. Options are
 * values, checked first: a bad one throws a UsageError naming it.
 *
 * @example
 * ```ts
 * import { retryAsync } from 'retry-run';
 *
 * const value = await retryAsync(
 *   ({ attempt }) => {
 *     if (attempt < 3) throw new Error('busy');
 *     return `ready after ${attempt} attempts`;
 *   },
 *   { strategy: 'fixed', baseMs: 10 },
 * );
 * console.log(value); // ready after 3 attempts
 * ```
 *
 * @example
 * ```ts
 * import { retryAsync } from 'retry-run';
 *
 * const body = await retryAsync(
 *   async ({ attempt, signal }) => {
 *     const response = await fetch('https://example.com/health', { signal });
 *     if (!response.ok) throw new Error(`status ${response.status} on attempt ${attempt}`);
 *     return response.text();
 *   },
 *   { strategy: 'exponential', maxAttempts: 4, baseMs: 200, deadlineMs: 10_000 },
 * );
 * ```
 */
export async function retryAsync<T>(
  fn: (attempt: AsyncAttempt) => T | PromiseLike<T>,
  options: RetryAsyncOptions = {},
): Promise<T> {
  if (typeof fn !== 'function') throw invalidOption('fn', fn, 'expected a function');
  const { signal = new AbortController().signal, clock = systemClock, sleep = realSleep } = options;
  if (!(signal instanceof AbortSignal))
    throw invalidOption('signal', signal, 'expected an AbortSignal');
  const retryIf = functionOption('retryIf', options.retryIf);
  const onRetry = functionOption('onRetry', options.onRetry);
  const policy = resolvePolicy({
    strategy: options.strategy,
    maxAttempts: options.maxAttempts,
    baseMs: options.baseMs,
    capMs: options.capMs,
    factor: options.factor,
    seed: options.seed,
    deadlineMs: options.deadlineMs,
  });
  const random =
    options.random ?? (policy.seed === undefined ? Math.random : seededRandom(policy.seed));
  const deadlineAt = policy.deadlineMs === undefined ? undefined : clock.now() + policy.deadlineMs;
  let previousDelay = policy.baseMs;

  for (let attempt = 1; ; attempt++) {
    signal.throwIfAborted();
    let error: unknown;
    try {
      return await fn({ attempt, signal });
    } catch (thrown) {
      error = thrown;
    }
    signal.throwIfAborted();
    const giveUp = () => withAttempts(error, attempt);
    if (attempt >= policy.maxAttempts) throw giveUp();
    if (retryIf && !(await retryIf(error, attempt))) throw giveUp();
    const step = nextDelay(policy, attempt, previousDelay, random);
    previousDelay = step.previousMs;
    // As the engine: a wait that ends at the deadline leaves no time for the next attempt.
    if (deadlineAt !== undefined && clock.now() + step.delayMs >= deadlineAt) throw giveUp();
    await onRetry?.({ attempt, error, delayMs: step.delayMs, maxAttempts: policy.maxAttempts });
    await sleep(step.delayMs, signal);
  }
}

/** The error with its attempt count; a thrown non-Error becomes the `cause` of one. */
function withAttempts(error: unknown, attempts: number): RetryAsyncError {
  const carrier =
    error instanceof Error
      ? error
      : new Error(`non-error thrown: ${String(error)}`, { cause: error });
  try {
    Object.defineProperty(carrier, 'attempts', {
      value: attempts,
      configurable: true,
      writable: true,
      enumerable: true,
    });
  } catch {
    // A frozen error is passed on as it is.
  }
  return carrier as RetryAsyncError;
}
