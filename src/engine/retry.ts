import { applyAftermath } from './aftermath.js';
import { classifyAttempt } from './classify.js';
import { realSleep, systemClock, type Clock, type Sleep } from '../shared/clock.js';
import type { RetryEvent, RunOutcome, SummaryEvent } from './events.js';
import type { AttemptGate } from './gate.js';
import type { RetryHook } from './hook.js';
import type { RetryBudgetGate } from './retry-budget.js';
import { timeLimitFor } from './time-limit.js';
import type { AttemptResult, Classification, Conditions, Runner } from './types.js';
import { nextDelay } from '../backoff/strategies.js';
import { seededRandom, type RandomSource } from '../backoff/random.js';
import {
  resolveConditions,
  resolvePolicy,
  type ConditionOptions,
  type PolicyOptions,
} from './options.js';
import { formatDuration } from '../shared/duration.js';
import { isoTime } from '../shared/iso-time.js';
import { EXIT_CODES, signalExitCode } from '../shared/exit-codes.js';

/**
 * Exit code when nothing was run because the circuit is open (README, Exit codes).
 *
 * @example
 * ```ts
 * import { CIRCUIT_OPEN_EXIT_CODE } from 'retry-run';
 *
 * console.log(CIRCUIT_OPEN_EXIT_CODE); // 75
 * ```
 */
export const CIRCUIT_OPEN_EXIT_CODE = EXIT_CODES.CIRCUIT_OPEN;

/**
 * What `retry` runs and how: a runner, the policy and conditions as values, the injectables.
 *
 * @example
 * ```ts
 * import { retry, createCommandRunner, shellCommand, type RetryOptions } from 'retry-run';
 *
 * const options: RetryOptions = {
 *   runner: createCommandRunner({ command: shellCommand('make test') }),
 *   policy: { maxAttempts: 3, timeoutMs: 600_000 },
 *   conditions: { retryOn: ['exit:2'], stopOn: [/permission denied/] },
 *   onEvent: (event) => {
 *     if (event.event === 'wait') console.error(`waiting ${event.delayMs} ms`);
 *   },
 * };
 * const result = await retry(options);
 * ```
 */
export interface RetryOptions {
  runner: Runner;
  /** Typed values (`{ maxAttempts: 4, baseMs: 250 }`); what is left out takes the default. */
  policy?: PolicyOptions;
  /** Condition strings, `RegExp`s or parsed conditions; lists left out take the default. */
  conditions?: ConditionOptions | Conditions;
  clock?: Clock;
  sleep?: Sleep;
  random?: RandomSource;
  /** Aborting ends the running attempt and the run; `reason.exitCode` sets the exit code. */
  signal?: AbortSignal;
  onEvent?: (event: RetryEvent) => void;
  gate?: AttemptGate;
  /** `--on-retry`: runs after a failed attempt that will be retried, before the wait. */
  onRetry?: RetryHook;
  /** `--budget`: counts every attempt and may refuse a retry (never a first attempt). */
  budget?: RetryBudgetGate;
}

/** One attempt of a run: when it began, what it did, how it was judged. */
export interface AttemptRecord {
  attempt: number;
  startedAt: string;
  result: AttemptResult;
  classification: Classification;
}

/**
 * How a run ended (the `summary` event) and every attempt of it. `retry` resolves with it
 * whatever the outcome.
 *
 * @example
 * ```ts
 * import { retry, createCommandRunner, argvCommand, type RunResult } from 'retry-run';
 *
 * const result: RunResult = await retry({
 *   runner: createCommandRunner({ command: argvCommand(['true']) }),
 * });
 * console.log(result.outcome, result.attempts, result.exitCode); // success 1 0
 * console.log(result.attemptsLog[0]?.classification.reason); // success
 * ```
 */
export interface RunResult extends SummaryEvent {
  attemptsLog: AttemptRecord[];
}

/**
 * The retry loop: runner, strategy, conditions and breaker joined over an injected clock.
 * It emits events and does no I/O of its own; it never throws for a failed attempt. Options
 * are checked first: a bad one throws a UsageError naming it (`policy.maxAttempts: …`).
 *
 * @example
 * ```ts
 * import { retry, createCommandRunner, argvCommand } from 'retry-run';
 *
 * const result = await retry({
 *   runner: createCommandRunner({ command: argvCommand(['./flaky.sh']) }),
 *   policy: { strategy: 'exponential', maxAttempts: 4, baseMs: 250 },
 *   conditions: { retryOn: ['exit:1-3', /try again/i] },
 * });
 * console.log(result.outcome, result.attempts, result.exitCode);
 * ```
 */
export async function retry(options: RetryOptions): Promise<RunResult> {
  const { runner } = options;
  const policy = resolvePolicy(options.policy ?? {}, 'policy.');
  const conditions = resolveConditions(options.conditions ?? {}, 'conditions.');
  const clock = options.clock ?? systemClock;
  const sleep = options.sleep ?? realSleep;
  const random =
    options.random ?? (policy.seed === undefined ? Math.random : seededRandom(policy.seed));
  const signal = options.signal ?? new AbortController().signal;
  const emit = options.onEvent ?? (() => {});
  const iso = () => isoTime(clock.now());
  const startedAt = clock.now();
  const deadlineAt = policy.deadlineMs === undefined ? undefined : startedAt + policy.deadlineMs;
  const attemptsLog: AttemptRecord[] = [];
  let waitedMs = 0;
  let previousDelay = policy.baseMs;

  const finish = (outcome: RunOutcome, exitCode: number, message: string): RunResult => {
    const last = attemptsLog.at(-1);
    const summary: SummaryEvent = {
      event: 'summary',
      time: iso(),
      outcome,
      attempts: attemptsLog.length,
      elapsedMs: clock.now() - startedAt,
      waitedMs,
      exitCode: failedExitCode(outcome, exitCode),
      message,
      ...(last && !last.classification.success ? { reason: last.classification.reason } : {}),
      ...(last ? { lastResult: last.result } : {}),
    };
    emit(summary);
    return { ...summary, attemptsLog };
  };
  const interrupted = () =>
    finish(
      'interrupted',
      abortExitCode(signal.reason),
      `${abortCause(signal.reason)}: no further attempt`,
    );

  emit({
    event: 'start',
    time: iso(),
    description: runner.description,
    maxAttempts: policy.maxAttempts,
    policy,
  });

  if (policy.staggerMs !== undefined) {
    // Drawn from the run's random source: a --seed makes the stagger reproducible too.
    const delayMs = Math.round(random() * policy.staggerMs);
    emit({ event: 'wait', time: iso(), nextAttempt: 1, delayMs, source: 'stagger' });
    const waitStart = clock.now();
    await sleep(delayMs, signal);
    waitedMs += clock.now() - waitStart;
  }

  for (let attempt = 1; ; attempt++) {
    if (signal.aborted) return interrupted();
    if (options.gate) {
      const decision = await options.gate.admit();
      if (decision.notice) emit({ event: 'breaker', time: iso(), ...decision.notice });
      if (!decision.allowed) {
        const exitCode = attemptsLog.at(-1)?.result.exitCode ?? CIRCUIT_OPEN_EXIT_CODE;
        return finish('circuit-open', exitCode, decision.notice.message);
      }
      // A slow store may have held admit() past a SIGTERM: start nothing after it.
      if (signal.aborted) return interrupted();
    }

    const attemptStart = clock.now();
    const remaining = deadlineAt === undefined ? undefined : deadlineAt - attemptStart;
    if (remaining !== undefined && remaining <= 0) {
      // Only a late timer or a slow breaker store gets here: starting now would be past it.
      return finish(
        'deadline',
        attemptsLog.at(-1)?.result.exitCode ?? EXIT_CODES.TIMEOUT,
        `the deadline of ${formatDuration(policy.deadlineMs ?? 0)} passed before attempt ${attempt}`,
      );
    }
    const timeLimit = timeLimitFor(remaining, policy.timeoutMs);
    const attemptResult = await runner.run({
      attempt,
      maxAttempts: policy.maxAttempts,
      signal,
      conditions,
      ...(timeLimit ? { timeLimit } : {}),
    });
    const verdict = classifyAttempt(attemptResult, conditions);
    const { result, classification } = applyAftermath(
      attemptResult,
      verdict,
      await runner.afterAttempt?.(verdict.success),
    );
    const record = {
      attempt,
      startedAt: isoTime(attemptStart),
      result,
      classification,
    };
    attemptsLog.push(record);
    emit({
      event: 'attempt',
      time: iso(),
      startedAt: record.startedAt,
      attempt,
      maxAttempts: policy.maxAttempts,
      result,
      classification,
    });

    // An attempt cut short by our own interruption says nothing about the dependency.
    const breakerNotice = signal.aborted
      ? undefined
      : await options.gate?.record(classification.success, classification.reason);
    if (breakerNotice) emit({ event: 'breaker', time: iso(), ...breakerNotice });
    const budgetVerdict = signal.aborted
      ? undefined
      : await options.budget?.record(classification.success);

    // An interrupt wins even over a success: the user asked retry-run to stop (README, Signals).
    if (signal.aborted) return interrupted();
    if (classification.success) return finish('success', 0, `succeeded on attempt ${attempt}`);
    if (result.timedOut === 'deadline') {
      return finish(
        'deadline',
        result.exitCode,
        `the deadline of ${formatDuration(policy.deadlineMs ?? 0)} ended attempt ${attempt}`,
      );
    }
    if (!classification.retryable)
      return finish('stopped', result.exitCode, classification.explanation);
    if (breakerNotice?.state === 'open')
      return finish('circuit-open', result.exitCode, breakerNotice.message);
    if (attempt >= policy.maxAttempts) {
      return finish(
        'exhausted',
        result.exitCode,
        policy.maxAttempts === 1
          ? 'the only attempt failed'
          : `all ${policy.maxAttempts} attempts failed`,
      );
    }

    if (budgetVerdict && !budgetVerdict.retryAllowed)
      return finish('budget-exhausted', result.exitCode, budgetVerdict.message);

    const step = nextDelay(policy, attempt, previousDelay, random);
    previousDelay = step.previousMs;
    let delayMs = step.delayMs;
    let source: 'strategy' | 'server' = 'strategy';
    if (policy.serverWait && result.serverWaitMs !== undefined) {
      const serverMs = Math.min(result.serverWaitMs, policy.maxServerWaitMs);
      if (serverMs > delayMs) {
        delayMs = Math.round(serverMs);
        source = 'server';
      }
    }
    const wait =
      source === 'server'
        ? `the wait of ${formatDuration(delayMs)} the server asked for`
        : `the next wait of ${formatDuration(delayMs)}`;
    const pastDeadline = () =>
      finish(
        'deadline',
        result.exitCode,
        `${wait} would pass the deadline of ${formatDuration(policy.deadlineMs ?? 0)}`,
      );
    if (deadlineAt !== undefined && clock.now() + delayMs >= deadlineAt) return pastDeadline();
    if (options.onRetry) {
      const hookLimit = timeLimitFor(
        deadlineAt === undefined ? undefined : deadlineAt - clock.now(),
        policy.timeoutMs,
      );
      const hookResult = await options.onRetry({
        attempt,
        maxAttempts: policy.maxAttempts,
        exitCode: result.exitCode,
        reason: classification.reason,
        signal,
        ...(hookLimit ? { timeLimit: hookLimit } : {}),
      });
      emit({ event: 'on-retry', time: iso(), attempt, result: hookResult });
      if (signal.aborted) return interrupted();
      if (hookResult.timedOut === 'deadline') {
        const limit = formatDuration(policy.deadlineMs ?? 0);
        return finish('deadline', result.exitCode, `the deadline of ${limit} ended --on-retry`);
      }
      // The hook's time is the run's time: the wait must still end before the deadline.
      if (deadlineAt !== undefined && clock.now() + delayMs >= deadlineAt) return pastDeadline();
    }
    emit({ event: 'wait', time: iso(), nextAttempt: attempt + 1, delayMs, source });
    const waitStart = clock.now();
    await sleep(delayMs, signal);
    waitedMs += clock.now() - waitStart;
  }
}

/**
 * A run that did not succeed never exits 0 (README, Exit codes): its last attempt may have
 * exited 0 and still failed (an unmet `--until`), and a CI step must not pass on it.
 */
function failedExitCode(outcome: RunOutcome, exitCode: number): number {
  return outcome !== 'success' && exitCode === 0 ? EXIT_CODES.FAILURE : exitCode;
}

/** `SIGINT received` for an abort the CLI made of a signal; `aborted` for any other. */
function abortCause(reason: unknown): string {
  const name = (reason as { signal?: unknown } | undefined)?.signal;
  return typeof name === 'string' ? `${name} received` : 'aborted';
}

/** 128+N for an abort caused by signal N; the CLI puts `exitCode` on the abort reason. */
function abortExitCode(reason: unknown): number {
  const code = (reason as { exitCode?: unknown } | undefined)?.exitCode;
  return typeof code === 'number' ? code : signalExitCode('SIGINT');
}
