import type { RetryEvent } from '../engine/events.js';
import { shownWhenQuiet, type LineSink, type Reporter } from './reporter.js';

/**
 * `--log-format json`: one JSON object per event on stderr (or `--log-file`), with the fields
 * the README's "JSON events" lists. `quiet` (`-q`): only the summary of a run that failed.
 */
export function createJsonLinesReporter(
  sink: LineSink,
  options: { quiet?: boolean } = {},
): Reporter {
  return {
    onEvent: (event) => {
      if (options.quiet && !shownWhenQuiet(event)) return;
      sink.write(`${JSON.stringify(toJsonEvent(event))}\n`);
    },
  };
}

/** The stable, documented projection of an event; the engine's objects carry more. */
export function toJsonEvent(event: RetryEvent): Record<string, unknown> {
  const base = { event: event.event, time: event.time };
  switch (event.event) {
    case 'start': {
      const { policy } = event;
      return {
        ...base,
        command: event.description,
        maxAttempts: jsonAttempts(event.maxAttempts),
        strategy: policy.strategy,
        baseMs: policy.baseMs,
        capMs: policy.capMs,
        factor: policy.factor,
        ...(policy.timeoutMs === undefined ? {} : { timeoutMs: policy.timeoutMs }),
        ...(policy.deadlineMs === undefined ? {} : { deadlineMs: policy.deadlineMs }),
      };
    }
    case 'attempt': {
      const { result, classification } = event;
      return {
        ...base,
        attempt: event.attempt,
        maxAttempts: jsonAttempts(event.maxAttempts),
        outcome: classification.success ? 'success' : 'failure',
        retryable: classification.retryable,
        reason: classification.reason,
        ...(result.status === undefined
          ? { exitCode: result.exitCode }
          : { status: result.status }),
        durationMs: result.durationMs,
        ...(result.endedLeftovers ? { endedProcesses: result.endedLeftovers } : {}),
      };
    }
    case 'wait':
      return { ...base, attempt: event.nextAttempt, delayMs: event.delayMs, source: event.source };
    case 'on-retry': {
      const { result } = event;
      return {
        ...base,
        attempt: event.attempt,
        outcome: result.ok ? 'success' : 'failure',
        exitCode: result.exitCode,
        ...(result.signal === undefined ? {} : { signal: result.signal }),
        ...(result.timedOut === undefined ? {} : { timedOut: result.timedOut }),
        durationMs: result.durationMs,
      };
    }
    case 'breaker':
      return {
        ...base,
        name: event.name,
        state: event.state,
        message: event.message,
        ...(event.closesAt === undefined ? {} : { closesAt: event.closesAt }),
      };
    case 'summary':
      return {
        ...base,
        outcome: event.outcome,
        attempts: event.attempts,
        elapsedMs: event.elapsedMs,
        waitedMs: event.waitedMs,
        exitCode: event.exitCode,
        ...(event.reason === undefined ? {} : { reason: event.reason }),
        message: event.message,
      };
  }
}

/** `--max inf` is JSON `null`: "no limit" (JSON has no infinity). */
export function jsonAttempts(maxAttempts: number): number | null {
  return Number.isFinite(maxAttempts) ? maxAttempts : null;
}
