import { classifyAttempt } from './classify.js';
import { realSleep, systemClock, type Clock, type Sleep } from './clock.js';
import type { RetryEvent, RunOutcome, SummaryEvent } from './events.js';
import type { AttemptGate } from './gate.js';
import type { AttemptResult, Classification, Conditions, Runner } from './types.js';
import { nextDelay } from '../backoff/strategies.js';
import { seededRandom, type RandomSource } from '../backoff/random.js';
import type { Policy } from '../policy/policy.js';
import { formatDuration } from '../policy/duration.js';

/** Exit code when nothing was run because the circuit is open (SPEC §7). */
export const CIRCUIT_OPEN_EXIT_CODE = 75;
/** Exit code of an attempt ended by --timeout or the deadline (SPEC §7, as GNU timeout). */
export const TIMEOUT_EXIT_CODE = 124;

export interface RetryOptions {
  runner: Runner;
  policy: Policy;
  conditions: Conditions;
  clock?: Clock;
  sleep?: Sleep;
  random?: RandomSource;
  /** Aborting ends the running attempt and the run; `reason.exitCode` sets the exit code. */
  signal?: AbortSignal;
  onEvent?: (event: RetryEvent) => void;
  gate?: AttemptGate;
}

export interface AttemptRecord {
  attempt: number;
  startedAt: string;
  result: AttemptResult;
  classification: Classification;
}

export interface RunResult extends SummaryEvent {
  attemptsLog: AttemptRecord[];
}

/**
 * The retry loop: runner, strategy, conditions and breaker joined over an injected clock.
 * It emits events and does no I/O of its own; it never throws for a failed attempt.
 */
export async function retry(options: RetryOptions): Promise<RunResult> {
  const { runner, policy, conditions } = options;
  const clock = options.clock ?? systemClock;
  const sleep = options.sleep ?? realSleep;
  const random =
    options.random ?? (policy.seed === undefined ? Math.random : seededRandom(policy.seed));
  const signal = options.signal ?? new AbortController().signal;
  const emit = options.onEvent ?? (() => {});
  const iso = () => new Date(clock.now()).toISOString();
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
      exitCode,
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

  for (let attempt = 1; ; attempt++) {
    if (signal.aborted) return interrupted();
    if (options.gate) {
      const decision = await options.gate.admit();
      if (decision.notice) emit({ event: 'breaker', time: iso(), ...decision.notice });
      if (!decision.allowed) {
        const exitCode = attemptsLog.at(-1)?.result.exitCode ?? CIRCUIT_OPEN_EXIT_CODE;
        return finish('circuit-open', exitCode, decision.notice.message);
      }
    }

    const attemptStart = clock.now();
    const remaining = deadlineAt === undefined ? undefined : deadlineAt - attemptStart;
    if (remaining !== undefined && remaining <= 0) {
      // Only a late timer or a slow breaker store gets here: starting now would be past it.
      return finish(
        'deadline',
        attemptsLog.at(-1)?.result.exitCode ?? TIMEOUT_EXIT_CODE,
        `the deadline of ${formatDuration(policy.deadlineMs ?? 0)} passed before attempt ${attempt}`,
      );
    }
    const timeLimit =
      remaining !== undefined && (policy.timeoutMs === undefined || remaining < policy.timeoutMs)
        ? { ms: remaining, reason: 'deadline' as const }
        : policy.timeoutMs !== undefined
          ? { ms: policy.timeoutMs, reason: 'timeout' as const }
          : undefined;
    const result = await runner.run({
      attempt,
      maxAttempts: policy.maxAttempts,
      signal,
      ...(timeLimit ? { timeLimit } : {}),
    });
    const classification = classifyAttempt(result, conditions);
    await runner.afterAttempt?.(classification.success);
    const record = {
      attempt,
      startedAt: new Date(attemptStart).toISOString(),
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

    // An interrupt wins even over a success: the user asked retry-run to stop (SPEC §6).
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
    if (deadlineAt !== undefined && clock.now() + delayMs >= deadlineAt) {
      const wait =
        source === 'server'
          ? `the wait of ${formatDuration(delayMs)} the server asked for`
          : `the next wait of ${formatDuration(delayMs)}`;
      return finish(
        'deadline',
        result.exitCode,
        `${wait} would pass the deadline of ${formatDuration(policy.deadlineMs ?? 0)}`,
      );
    }
    emit({ event: 'wait', time: iso(), nextAttempt: attempt + 1, delayMs, source });
    const waitStart = clock.now();
    await sleep(delayMs, signal);
    waitedMs += clock.now() - waitStart;
  }
}

/** `SIGINT received` for an abort the CLI made of a signal; `aborted` for any other. */
function abortCause(reason: unknown): string {
  const name = (reason as { signal?: unknown } | undefined)?.signal;
  return typeof name === 'string' ? `${name} received` : 'aborted';
}

/** 128+N for an abort caused by signal N; the CLI puts `exitCode` on the abort reason. */
function abortExitCode(reason: unknown): number {
  const code = (reason as { exitCode?: unknown } | undefined)?.exitCode;
  return typeof code === 'number' ? code : 130;
}
