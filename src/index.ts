import { builtinTools } from './tools/builtin.js';
import type { ToolTable } from './tools/types.js';

/**
 * retry-run as a library (README, Library): the same engine as the CLI, typed, with an AbortSignal,
 * an injectable clock, sleep and random source, and event callbacks.
 */
export {
  retryAsync,
  type RetryAsyncOptions,
  type RetryAsyncError,
  type AsyncAttempt,
  type RetryInfo,
} from './engine/retry-async.js';
export { retry, CIRCUIT_OPEN_EXIT_CODE } from './engine/retry.js';
export type { RetryOptions, RunResult, AttemptRecord } from './engine/retry.js';
export type { PolicyOptions, ConditionOptions, ConditionValue } from './engine/options.js';
export type { Clock, Sleep } from './shared/clock.js';
export type {
  RetryEvent,
  RunOutcome,
  StartEvent,
  AttemptEvent,
  WaitEvent,
  BreakerEvent,
  SummaryEvent,
} from './engine/events.js';
export type { AttemptGate, GateDecision, BreakerNotice } from './engine/gate.js';
export type {
  AttemptResult,
  AttemptAftermath,
  AttemptContext,
  Runner,
  Conditions,
  Classification,
} from './engine/types.js';
export { classifyAttempt } from './engine/classify.js';
export { parseDuration, formatDuration } from './shared/duration.js';
export { parseConditions, type Condition } from './conditions/conditions.js';
export type { Policy } from './engine/policy.js';
export {
  schedule,
  planSchedule,
  type ScheduleRow,
  type ScheduleOptions,
  type SchedulePlan,
} from './backoff/schedule.js';
export {
  nextDelay,
  STRATEGY_NAMES,
  type StrategyName,
  type BackoffPolicy,
} from './backoff/strategies.js';
export { seededRandom, type RandomSource } from './backoff/random.js';
export { DEFAULTS } from './shared/defaults.js';
export {
  createCommandRunner,
  argvCommand,
  shellCommand,
  type CommandSpec,
  type CommandRunnerOptions,
} from './runners/command/command.js';
export type { CaptureOptions } from './runners/command/output-capture.js';
export type { KnownTool, ToolExit } from './runners/command/known-tools.js';
/**
 * Every tool retry-run knows by default, by name (README "Known tools").
 *
 * @example
 * ```ts
 * import { KNOWN_TOOLS } from 'retry-run';
 *
 * console.log(KNOWN_TOOLS.curl?.exits?.['7']?.meaning); // failed to connect
 * ```
 */
export const KNOWN_TOOLS: Readonly<ToolTable> = builtinTools();
export {
  RetryRunError,
  UsageError,
  RegexTooCostlyError,
  StoreError,
  BodyWriteError,
  OutputWriteError,
  SimulationLimitError,
  isRetryRunError,
  isUsageError,
  isRegexTooCostlyError,
  isStoreError,
  isBodyWriteError,
  isOutputWriteError,
  isSimulationLimitError,
  ERROR_EXIT,
  type ErrorCode,
  type StoreErrorKind,
} from './shared/errors.js';
export { EXIT_CODES, type ExitCodeName } from './shared/exit-codes.js';
export type {
  RunReport,
  ReportPolicy,
  ReportAttempt,
  ReportSummary,
} from './report/report-file.js';
export type { HistoryRecord } from './report/history-record.js';
export type { NameStats } from './stats/stats.js';
export { normalizeHttpConfig, type HttpConfig, type RawHttpOptions } from './config/http.js';
export {
  parseRetryAfter,
  parseRateLimit,
  parseRateLimitReset,
  serverWaitFromHeaders,
  type ServerWait,
} from './runners/server-wait.js';
export type { HttpRunnerOptions } from './runners/http/http.js';

/**
 * The HTTP runner (README, HTTP mode): one request per attempt, through Node's own client, or
 * undici (loaded on the first call, not with the library) when a proxy variable is set.
 *
 * @example
 * ```ts
 * import { retry, createHttpRunner, normalizeHttpConfig } from 'retry-run';
 *
 * const runner = await createHttpRunner({
 *   http: normalizeHttpConfig(
 *     { method: 'POST', json: '{"sku":"A-1"}', idempotencyKey: 'auto' },
 *     'https://api.example.com/orders',
 *   ),
 *   stdout: process.stdout,
 *   stdin: process.stdin,
 * });
 * try {
 *   const result = await retry({
 *     runner,
 *     policy: { maxAttempts: 4 },
 *     conditions: { defaults: 'http' },
 *   });
 *   console.error(result.outcome, result.exitCode);
 * } finally {
 *   await runner.close?.();
 * }
 * ```
 */
export async function createHttpRunner(
  options: import('./runners/http/http.js').HttpRunnerOptions,
): Promise<import('./engine/types.js').Runner> {
  const http = await import('./runners/http/http.js');
  return http.createHttpRunner(options);
}
export {
  createSharedBreaker,
  type SharedBreaker,
  type SharedBreakerOptions,
} from './breaker/breaker.js';
export type { BreakerData, BreakerSettings } from './breaker/state.js';
export { createFileStore, type FileStoreOptions } from './store/file-store.js';
export { createRedisStore, type RedisStoreOptions } from './store/redis-store.js';
export { openStore, resolveStateLocation, type StateLocation } from './store/open-store.js';
export type { StateStore, AppendOptions } from './store/store.js';
