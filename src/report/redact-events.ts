import type { RetryEvent } from '../engine/events.js';
import type { AttemptResult, Classification } from '../engine/types.js';
import { escapeControl } from './escape-control.js';
import type { Reporter } from './reporter.js';

type Redact = (text: string) => string;

/**
 * Every reporter sees events whose text has been through the run's redaction and whose
 * control characters are escaped: one place, so no sink can forget it. The engine's own
 * objects are left alone (conditions have already read the real output).
 */
export function redactingReporter(reporter: Reporter, redact: Redact): Reporter {
  return {
    onEvent: (event) => reporter.onEvent(redactEvent(event, redact)),
    ...(reporter.close ? { close: () => reporter.close!() } : {}),
    ...(reporter.beforeAttempt ? { beforeAttempt: () => reporter.beforeAttempt!() } : {}),
  };
}

export function redactEvent(event: RetryEvent, redact: Redact): RetryEvent {
  const line = (text: string) => escapeControl(redact(text));
  switch (event.event) {
    case 'start':
      return { ...event, description: line(event.description) };
    case 'attempt':
      return {
        ...event,
        result: redactResult(event.result, redact),
        classification: redactClassification(event.classification, line),
      };
    case 'breaker':
      return { ...event, message: line(event.message) };
    case 'summary':
      return {
        ...event,
        message: line(event.message),
        ...(event.reason === undefined ? {} : { reason: line(event.reason) }),
        ...(event.lastResult ? { lastResult: redactResult(event.lastResult, redact) } : {}),
      };
    case 'on-retry':
      return {
        ...event,
        result: {
          ...event.result,
          ...(event.result.message === undefined ? {} : { message: line(event.result.message) }),
        },
      };
    case 'wait':
      return event;
  }
}

function redactResult(result: AttemptResult, redact: Redact): AttemptResult {
  const copy = { ...result };
  for (const key of ['message', 'failureEvidence', 'notRetryableBecause'] as const) {
    if (copy[key] !== undefined) copy[key] = escapeControl(redact(copy[key]));
  }
  // Output keeps its lines: a tail is shown line by line.
  for (const key of ['stdoutTail', 'stderrTail', 'bodySnippet'] as const) {
    if (copy[key] !== undefined) copy[key] = escapeControl(redact(copy[key]), true);
  }
  return copy;
}

function redactClassification(
  classification: Classification,
  line: (text: string) => string,
): Classification {
  return {
    ...classification,
    reason: line(classification.reason),
    explanation: line(classification.explanation),
    ...(classification.evidence === undefined ? {} : { evidence: line(classification.evidence) }),
  };
}
