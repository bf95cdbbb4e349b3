import type { RetryEvent } from '../engine/events.js';
import type { LineSink, Reporter } from './reporter.js';

/** `--log-format json`: one JSON object per event on stderr, with the fields in the README (JSON events). */
export function createJsonLinesReporter(sink: LineSink): Reporter {
  return {
    onEvent: (event) => sink.write(`${JSON.stringify(toJsonEvent(event))}\n`),
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
        maxAttempts: event.maxAttempts,
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
        maxAttempts: event.maxAttempts,
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
