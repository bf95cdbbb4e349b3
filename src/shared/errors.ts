import { EXIT_CODES, type ExitCodeName } from './exit-codes.js';

/**
 * Every error of retry-run itself, by its stable `code`, with the exit code the CLI ends with
 * (README, Errors). A failed attempt is not an error: runners return it as a result.
 *
 * @example
 * ```ts
 * import { ERROR_EXIT, EXIT_CODES } from 'retry-run';
 *
 * console.log(ERROR_EXIT.ERR_BODY_WRITE, EXIT_CODES[ERROR_EXIT.ERR_BODY_WRITE]); // WRITE 23
 * ```
 */
export const ERROR_EXIT = {
  /** A bad flag or value. */
  ERR_USAGE: 'USAGE',
  /** A file named by a flag (`--data @file`, `--cacert`) cannot be read. */
  ERR_UNREADABLE_FILE: 'USAGE',
  /** `--output` cannot be written at all (checked before the first attempt). */
  ERR_UNWRITABLE_OUTPUT: 'USAGE',
  /** A user's regular expression took over its time bound to compile or match. */
  ERR_REGEX_TOO_COSTLY: 'USAGE',
  /** `explain --simulate` would need too many steps. */
  ERR_SIMULATION_LIMIT: 'USAGE',
  /** The state store cannot be reached, read or written, or another process holds it. */
  ERR_STORE_UNAVAILABLE: 'USAGE',
  /** A stored document is not what retry-run wrote (or a link or device was planted). */
  ERR_STORE_CORRUPT: 'USAGE',
  /** A state dir others could tamper with: refused. */
  ERR_STORE_UNSAFE: 'USAGE',
  /** The HTTP response body could not be written. */
  ERR_BODY_WRITE: 'WRITE',
  /** `--stdout final` could not hold the output. */
  ERR_OUTPUT_WRITE: 'WRITE',
} as const satisfies Record<string, ExitCodeName>;

/** The stable `code` of a `RetryRunError`: `ERR_USAGE`, `ERR_STORE_CORRUPT`, … */
export type ErrorCode = keyof typeof ERROR_EXIT;

/**
 * An error of retry-run itself, as opposed to a failed attempt. It carries a stable `code`
 * for programs and the `exitCode` the CLI ends with, both from the one table above.
 *
 * @example
 * ```ts
 * import { RetryRunError, parseDuration } from 'retry-run';
 *
 * try {
 *   parseDuration('soon', '--base');
 * } catch (error) {
 *   if (!(error instanceof RetryRunError)) throw error;
 *   console.log(error.code, error.exitCode); // ERR_USAGE 125
 * }
 * ```
 */
export class RetryRunError extends Error {
  readonly code: ErrorCode;
  readonly exitCode: number;

  constructor(message: string, code: ErrorCode, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RetryRunError';
    this.code = code;
    this.exitCode = EXIT_CODES[ERROR_EXIT[code]];
  }
}

/**
 * A bad flag or value. Nothing runs after one.
 *
 * @example
 * ```ts
 * import { UsageError, retryAsync } from 'retry-run';
 *
 * const error = await retryAsync(() => 'ok', { maxAttempts: 0 }).catch((e: unknown) => e);
 * console.log(error instanceof UsageError, (error as UsageError).message); // true maxAttempts: expected a whole number from 1 to 1000000, or Infinity (got 0)
 * ```
 */
export class UsageError extends RetryRunError {
  constructor(message: string, code: ErrorCode = 'ERR_USAGE') {
    super(message, code);
    this.name = 'UsageError';
  }
}

/** Operands without `--` that are no URL: the CLI shows the command line with the `--`. */
export class MissingDoubleDashError extends UsageError {
  constructor(message: string) {
    super(message);
    this.name = 'MissingDoubleDashError';
  }
}

/**
 * A regular expression too costly to compile or match within its time bound.
 *
 * @example
 * ```ts
 * import { RegexTooCostlyError, parseConditions } from 'retry-run';
 *
 * try {
 *   parseConditions('output:/(a+)+$/', '--retry-on');
 * } catch (error) {
 *   if (!(error instanceof RegexTooCostlyError)) throw error;
 *   console.error(error.message);
 * }
 * ```
 */
export class RegexTooCostlyError extends UsageError {
  constructor(message: string) {
    super(message, 'ERR_REGEX_TOO_COSTLY');
    this.name = 'RegexTooCostlyError';
  }
}

/** What went wrong with the state store; `unsafe`: README, Sharing a state dir safely. */
export type StoreErrorKind =
  'unreachable' | 'unreadable' | 'unwritable' | 'corrupt' | 'busy' | 'unsafe';

/**
 * The state store could not do what was asked. `message` is one line, fit for a warning.
 *
 * @example
 * ```ts
 * import { StoreError, createFileStore } from 'retry-run';
 *
 * const store = createFileStore({ dir: '/var/lib/retry-run' });
 * try {
 *   console.log(await store.read('breaker', 'deploy'));
 * } catch (error) {
 *   if (!(error instanceof StoreError)) throw error;
 *   console.error(`state store ${error.kind}: ${error.message}`);
 * }
 * ```
 */
export class StoreError extends RetryRunError {
  readonly kind: StoreErrorKind;

  constructor(kind: StoreErrorKind, message: string, options?: { cause?: unknown }) {
    const code =
      kind === 'corrupt'
        ? 'ERR_STORE_CORRUPT'
        : kind === 'unsafe'
          ? 'ERR_STORE_UNSAFE'
          : 'ERR_STORE_UNAVAILABLE';
    super(message, code, options);
    this.name = 'StoreError';
    this.kind = kind;
  }
}

/**
 * The response body cannot be written: not a network failure, and not worth a retry.
 *
 * @example
 * ```ts
 * import { BodyWriteError } from 'retry-run';
 *
 * const error = new BodyWriteError(Object.assign(new Error('no space'), { code: 'ENOSPC' }));
 * console.log(error.systemCode, error.exitCode); // ENOSPC 23
 * ```
 */
export class BodyWriteError extends RetryRunError {
  /** The system's code for the failed write, such as `ENOSPC` (`EIO` when it gave none). */
  readonly systemCode: string;

  constructor(cause: unknown, path?: string) {
    const where = path === undefined ? '' : ` to ${path}`;
    const detail = (cause as Error)?.message ?? String(cause);
    super(`cannot write the body${where}: ${detail}`, 'ERR_BODY_WRITE', { cause });
    this.name = 'BodyWriteError';
    this.systemCode = (cause as { code?: string })?.code ?? 'EIO';
  }
}

/**
 * Output that retry-run holds or writes for the command (`--stdout final`) cannot be.
 *
 * @example
 * ```ts
 * import { OutputWriteError } from 'retry-run';
 *
 * const error = new OutputWriteError('--stdout final: cannot hold the output');
 * console.log(error.code, error.exitCode); // ERR_OUTPUT_WRITE 23
 * ```
 */
export class OutputWriteError extends RetryRunError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 'ERR_OUTPUT_WRITE', options);
    this.name = 'OutputWriteError';
  }
}

/**
 * `explain --simulate`: a strategy needs more steps than the simulation allows.
 *
 * @example
 * ```ts
 * import { SimulationLimitError } from 'retry-run';
 *
 * const error = new SimulationLimitError('fixed', 1_000_000);
 * console.log(error.message); // the fixed strategy needs more than 1,000,000 steps
 * ```
 */
export class SimulationLimitError extends RetryRunError {
  constructor(
    readonly strategy: string,
    readonly maxSteps: number,
    message = `the ${strategy} strategy needs more than ${maxSteps.toLocaleString('en-US')} steps`,
  ) {
    super(message, 'ERR_SIMULATION_LIMIT');
    this.name = 'SimulationLimitError';
  }
}

/**
 * Whether `error` is one of retry-run's own errors (README, Errors), as execa's `isExecaError`.
 *
 * @example
 * ```ts
 * import { isRetryRunError, parseDuration } from 'retry-run';
 *
 * function check(text: string): number | string {
 *   try {
 *     return parseDuration(text, '--base');
 *   } catch (error) {
 *     if (!isRetryRunError(error)) throw error; // a bug, not a bad value
 *     return `${error.code} (exit ${error.exitCode}): ${error.message}`;
 *   }
 * }
 * console.log(check('1m30s')); // 90000
 * console.log(check('5x')); // ERR_USAGE (exit 125): --base: expected a duration such as 500ms, 1.5s, 1m30s or 2h (got '5x')
 * ```
 */
export const isRetryRunError = (error: unknown): error is RetryRunError =>
  error instanceof RetryRunError;
/**
 * Whether `error` is a `UsageError`: a bad option or value, before anything ran.
 *
 * @example
 * ```ts
 * import { isUsageError, retryAsync } from 'retry-run';
 *
 * const options = JSON.parse('{ "strategy": "random" }'); // unchecked input
 * const error = await retryAsync(() => 'ok', options).catch((e: unknown) => e);
 * console.log(isUsageError(error)); // true
 * ```
 */
export const isUsageError = (error: unknown): error is UsageError => error instanceof UsageError;
/**
 * Whether `error` is a `RegexTooCostlyError`.
 *
 * @example
 * ```ts
 * import { isRegexTooCostlyError, parseConditions } from 'retry-run';
 *
 * try {
 *   parseConditions(process.argv[2] ?? 'any', '--retry-on');
 * } catch (error) {
 *   if (isRegexTooCostlyError(error)) console.error('simplify the expression:', error.message);
 *   else throw error;
 * }
 * ```
 */
export const isRegexTooCostlyError = (error: unknown): error is RegexTooCostlyError =>
  error instanceof RegexTooCostlyError;
/**
 * Whether `error` is a `StoreError`; its `kind` says what failed.
 *
 * @example
 * ```ts
 * import { isStoreError, createFileStore } from 'retry-run';
 *
 * const store = createFileStore({ dir: '/var/lib/retry-run' });
 * const names = await store.list('breaker').catch((error: unknown) => {
 *   if (isStoreError(error) && error.kind === 'unreachable') return [];
 *   throw error;
 * });
 * ```
 */
export const isStoreError = (error: unknown): error is StoreError => error instanceof StoreError;
/**
 * Whether `error` is a `BodyWriteError`.
 *
 * @example
 * ```ts
 * import { isBodyWriteError, BodyWriteError } from 'retry-run';
 *
 * console.log(isBodyWriteError(new BodyWriteError(new Error('disk full')))); // true
 * ```
 */
export const isBodyWriteError = (error: unknown): error is BodyWriteError =>
  error instanceof BodyWriteError;
/**
 * Whether `error` is an `OutputWriteError`.
 *
 * @example
 * ```ts
 * import { isOutputWriteError } from 'retry-run';
 *
 * console.log(isOutputWriteError(new Error('plain'))); // false
 * ```
 */
export const isOutputWriteError = (error: unknown): error is OutputWriteError =>
  error instanceof OutputWriteError;
/**
 * Whether `error` is a `SimulationLimitError`.
 *
 * @example
 * ```ts
 * import { isSimulationLimitError, SimulationLimitError } from 'retry-run';
 *
 * console.log(isSimulationLimitError(new SimulationLimitError('fixed', 10))); // true
 * ```
 */
export const isSimulationLimitError = (error: unknown): error is SimulationLimitError =>
  error instanceof SimulationLimitError;

/** `--flag: message (got 'value')` — every usage error names the flag and the bad value. */
export function invalidValue(flag: string, value: unknown, expectation: string): UsageError {
  return new UsageError(`${flag}: ${expectation} (got '${String(value)}')`);
}
