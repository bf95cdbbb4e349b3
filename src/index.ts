/**
 * retry-run as a library (SPEC §11): the same engine as the CLI, typed, with an AbortSignal,
 * an injectable clock, sleep and random source, and event callbacks.
 */
export { retry, CIRCUIT_OPEN_EXIT_CODE } from './engine/retry.js';
export type { RetryOptions, RunResult, AttemptRecord } from './engine/retry.js';
export type { Clock, Sleep } from './engine/clock.js';
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
  AttemptContext,
  Runner,
  Conditions,
  Classification,
} from './engine/types.js';
export { classifyAttempt } from './engine/classify.js';
export { parseDuration, formatDuration } from './policy/duration.js';
export { parseConditions, type Condition } from './policy/conditions.js';
export { normalizePolicy, normalizeConditions } from './policy/normalize.js';
export type { RawPolicyOptions, RawConditionOptions, Mode } from './policy/normalize.js';
export type { Policy } from './policy/policy.js';
export {
  schedule,
  planSchedule,
  type ScheduleRow,
  type ScheduleOptions,
  type SchedulePlan,
} from './policy/schedule.js';
export {
  nextDelay,
  STRATEGY_NAMES,
  type StrategyName,
  type BackoffPolicy,
} from './policy/strategies.js';
export { seededRandom, type RandomSource } from './policy/random.js';
export { DEFAULTS } from './policy/defaults.js';
export {
  createCommandRunner,
  argvCommand,
  shellCommand,
  type CommandSpec,
} from './runners/command.js';
export { RetryRunError, UsageError } from './errors.js';
