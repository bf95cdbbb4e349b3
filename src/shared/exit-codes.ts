import { constants } from 'node:os';

/**
 * The exit codes retry-run chooses itself, by name: the one table the CLI, the engine and the
 * runners read (README, Exit codes). A failed attempt's own code passes through unchanged;
 * HTTP mode's curl codes are the HTTP runner's (`HTTP_EXIT`).
 *
 * @example
 * ```ts
 * import { EXIT_CODES } from 'retry-run';
 *
 * console.log(EXIT_CODES.USAGE, EXIT_CODES.TIMEOUT); // 125 124
 * ```
 */
export const EXIT_CODES = {
  /** A run that did not succeed although its last attempt exited 0 (an unmet `--until`). */
  FAILURE: 1,
  /** Output could not be written: `--stdout final`, an HTTP body (curl's 23). */
  WRITE: 23,
  /** A bug in retry-run. */
  INTERNAL: 70,
  /** The circuit breaker is open (or `--breaker-strict` cannot use the store): nothing ran. */
  CIRCUIT_OPEN: 75,
  /** The last attempt was ended by `--timeout` or the deadline (timeout(1)'s 124). */
  TIMEOUT: 124,
  /** retry-run's own error: a bad option or value, an unreadable file. Nothing ran. */
  USAGE: 125,
  NOT_EXECUTABLE: 126,
  NOT_FOUND: 127,
} as const;

/** A name in `EXIT_CODES`: `USAGE`, `TIMEOUT`, … */
export type ExitCodeName = keyof typeof EXIT_CODES;

/** As shells report it: a process ended by signal N exits 128+N. */
export function signalExitCode(signal: NodeJS.Signals | number): number {
  return 128 + (typeof signal === 'number' ? signal : (constants.signals[signal] ?? 0));
}
