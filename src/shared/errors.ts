/** Exit code of retry-run's own errors: bad option or value, unreadable file (README, Exit codes). */
export const USAGE_EXIT_CODE = 125;

/**
 * An error of retry-run itself, as opposed to a failed attempt. It carries a stable `code`
 * for programs and the `exitCode` the CLI ends with.
 */
export class RetryRunError extends Error {
  readonly code: string;
  readonly exitCode: number;

  constructor(message: string, code: string, exitCode = USAGE_EXIT_CODE) {
    super(message);
    this.name = 'RetryRunError';
    this.code = code;
    this.exitCode = exitCode;
  }
}

/** A bad flag or value. Nothing runs after one. */
export class UsageError extends RetryRunError {
  constructor(message: string) {
    super(message, 'ERR_USAGE', USAGE_EXIT_CODE);
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

/** `--flag: message (got 'value')` — every usage error names the flag and the bad value. */
export function invalidValue(flag: string, value: unknown, expectation: string): UsageError {
  return new UsageError(`${flag}: ${expectation} (got '${String(value)}')`);
}
