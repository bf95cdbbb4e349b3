import { EXIT_CODES, type ExitCodeName } from './exit-codes.js';

/**
 * Every error of retry-run itself, by its stable `code`, with the exit code the CLI ends with
 * (README, Errors). A failed attempt is not an error: runners return it as a result.
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

export type ErrorCode = keyof typeof ERROR_EXIT;

/**
 * An error of retry-run itself, as opposed to a failed attempt. It carries a stable `code`
 * for programs and the `exitCode` the CLI ends with, both from the one table above.
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

/** A bad flag or value. Nothing runs after one. */
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

/** A regular expression too costly to compile or match within its time bound. */
export class RegexTooCostlyError extends UsageError {
  constructor(message: string) {
    super(message, 'ERR_REGEX_TOO_COSTLY');
    this.name = 'RegexTooCostlyError';
  }
}

/** What went wrong with the state store; `unsafe`: README, Sharing a state dir safely. */
export type StoreErrorKind =
  'unreachable' | 'unreadable' | 'unwritable' | 'corrupt' | 'busy' | 'unsafe';

/** The state store could not do what was asked. `message` is one line, fit for a warning. */
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

/** The response body cannot be written: not a network failure, and not worth a retry. */
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

/** Output that retry-run holds or writes for the command (`--stdout final`) cannot be. */
export class OutputWriteError extends RetryRunError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 'ERR_OUTPUT_WRITE', options);
    this.name = 'OutputWriteError';
  }
}

/** `explain --simulate`: a strategy needs more steps than the simulation allows. */
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

/** Type guards, as execa's `isExecaError`: true for retry-run's own errors of that kind. */
export const isRetryRunError = (error: unknown): error is RetryRunError =>
  error instanceof RetryRunError;
export const isUsageError = (error: unknown): error is UsageError => error instanceof UsageError;
export const isRegexTooCostlyError = (error: unknown): error is RegexTooCostlyError =>
  error instanceof RegexTooCostlyError;
export const isStoreError = (error: unknown): error is StoreError => error instanceof StoreError;
export const isBodyWriteError = (error: unknown): error is BodyWriteError =>
  error instanceof BodyWriteError;
export const isOutputWriteError = (error: unknown): error is OutputWriteError =>
  error instanceof OutputWriteError;
export const isSimulationLimitError = (error: unknown): error is SimulationLimitError =>
  error instanceof SimulationLimitError;

/** `--flag: message (got 'value')` — every usage error names the flag and the bad value. */
export function invalidValue(flag: string, value: unknown, expectation: string): UsageError {
  return new UsageError(`${flag}: ${expectation} (got '${String(value)}')`);
}
