import type { Condition } from '../conditions/conditions.js';

/** What a run attempts: a command (or script), or an HTTP request. */
export type Mode = 'command' | 'http';

/**
 * What one attempt did, in one shape for success and failure alike. Runners never throw
 * for an expected failure (a non-zero exit, a 503, a refused connection): they return this.
 *
 * @example
 * ```ts
 * import type { AttemptResult } from 'retry-run';
 *
 * const unavailable: AttemptResult = { ok: false, exitCode: 22, status: 503, durationMs: 84 };
 * const refused: AttemptResult = {
 *   ok: false,
 *   exitCode: 7,
 *   errorCode: 'ECONNREFUSED',
 *   failureClass: 'connection',
 *   durationMs: 2,
 * };
 * ```
 */
export interface AttemptResult {
  /** The runner's own verdict: exit 0, or an expected HTTP status (and body). */
  ok: boolean;
  /**
   * The code retry-run exits with if this is the final attempt: the command's exit code,
   * 128+N for a signal, 124 for a timeout; in HTTP mode curl's codes (22, 6, 7, 28, 35, 56).
   */
  exitCode: number;
  /** Signal that ended the command, e.g. `SIGKILL`. */
  signal?: string;
  /** HTTP status of the response. */
  status?: number;
  /** Set when retry-run ended the attempt because it ran out of time. */
  timedOut?: 'timeout' | 'deadline';
  /** A system error code: `ECONNREFUSED`, `ENOENT`, `EACCES`, … */
  errorCode?: string;
  /** The failure class the runner recognised itself (HTTP socket errors, known tools). */
  failureClass?: 'connection' | 'timeout' | 'body';
  /** Command mode: the HTTP status a known tool reported (curl exit 22, wget exit 8). */
  reportedStatus?: number;
  /**
   * Command mode: the known tool that reported the failure, its words (`Forbidden`), and a
   * permanent error it named (auth, not found, usage) — for the status-aware default.
   */
  knownTool?: { name: string; says?: string; permanent?: 'auth' | 'not-found' | 'usage' };
  /** What `failureClass` or `reportedStatus` rests on, for the log: `(curl exit 7: '…')`. */
  failureEvidence?: string;
  /** One human line on what happened, for the log. */
  message?: string;
  durationMs: number;
  /** The last bytes of each stream, kept only when a condition needs them. */
  stdoutTail?: string;
  stderrTail?: string;
  /** HTTP mode: the start of a failed response's body, secrets hidden, for the `-v` log. */
  bodySnippet?: string;
  /** A wait the server asked for (Retry-After and kin), in ms. */
  serverWaitMs?: number;
  /** Set by a runner that knows this failure must not be repeated (e.g. a POST). */
  notRetryableBecause?: string;
  /** How many processes this failed attempt left running, which were ended before going on. */
  endedLeftovers?: number;
}

/** What became of an attempt once its verdict was known (Runner.afterAttempt). */
export interface AttemptAftermath {
  /**
   * The attempt's held output could not be written (disk full, closed pipe): the output is
   * lost, so the attempt fails with this, whatever its verdict, and is not retried.
   */
  writeFailure?: { exitCode: number; message: string; errorCode?: string };
  /** How many processes the failed attempt left running were ended. */
  endedLeftovers?: number;
}

/**
 * The abort reason the CLI gives when retry-run receives a signal (README, Signals): the signal the
 * runner passes on to the attempt, the code retry-run exits with, and a signal that is aborted
 * when the user insists (a second Ctrl-C), asking for SIGKILL at once.
 */
export interface InterruptReason {
  signal: NodeJS.Signals;
  exitCode: number;
  escalate?: AbortSignal;
}

/** What a runner is told about the attempt it makes. */
export interface AttemptContext {
  attempt: number;
  maxAttempts: number;
  /**
   * Aborted when the run is interrupted; the runner ends the attempt at once. An
   * InterruptReason as the reason names the signal to pass on (default SIGTERM).
   */
  signal: AbortSignal;
  /** Time this attempt may take, if bounded, and which limit bounds it. */
  timeLimit?: { ms: number; reason: 'timeout' | 'deadline' };
  /** The run's conditions: a runner keeps the output they read (the command runner's tails). */
  conditions?: Conditions;
}

/**
 * One way of making an attempt: a command, an HTTP request, or anything of your own.
 *
 * @example
 * ```ts
 * import { retry, type Runner } from 'retry-run';
 *
 * const runner: Runner = {
 *   description: 'in-memory probe',
 *   run: async ({ attempt }) =>
 *     attempt < 2
 *       ? { ok: false, exitCode: 1, durationMs: 0, message: 'not yet' }
 *       : { ok: true, exitCode: 0, durationMs: 0 },
 * };
 * const result = await retry({ runner, policy: { baseMs: 0 } });
 * console.log(result.outcome, result.attempts); // success 2
 * ```
 */
export interface Runner {
  /** What is being run, for the log (secrets already redacted). */
  readonly description: string;
  run(context: AttemptContext): Promise<AttemptResult>;
  /**
   * Called once per attempt, after it is classified and before it is reported: a runner that
   * held the attempt's output (`--stdout final`) releases it now, and a failed attempt's
   * leftover processes are ended.
   */
  afterAttempt?(success: boolean): Promise<AttemptAftermath | void>;
  /** Release what the runner holds (spools, sockets) when the run is over. */
  close?(): Promise<void>;
}

/** Which failures are retried; which end the run; what success additionally requires. */
export interface Conditions {
  retryOn: readonly Condition[];
  stopOn: readonly Condition[];
  until: readonly Condition[];
  /**
   * Command mode without --retry-on and --stop-on: a status or permanent error a known tool
   * reported is decided as in HTTP mode (README "What gets retried").
   */
  statusAware?: boolean;
}

/** The verdict on one attempt (`classifyAttempt`). */
export interface Classification {
  success: boolean;
  retryable: boolean;
  /** Stable reason token: `exit:1`, `signal:SIGKILL`, `timeout`, `status:503`, … */
  reason: string;
  /** Why it was or was not retried, in words, for the log. */
  explanation: string;
  /** The text the deciding condition matched on, when it read any: `in stderr: '…'`. */
  evidence?: string;
}
