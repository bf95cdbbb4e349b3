import { describe, expect, it } from 'vitest';
import type { AttemptEvent, SummaryEvent } from '../../src/engine/events.js';
import { createRedactor } from '../../src/shared/redact.js';
import { redactEvent, redactingReporter } from '../../src/report/redact-events.js';
import type { RetryEvent } from '../../src/engine/events.js';

const redact = createRedactor({ env: { DEPLOY_TOKEN: 'tok-123456' } });

const result = {
  ok: false,
  exitCode: 3,
  durationMs: 5,
  message: 'sent tok-123456',
  stdoutTail: 'line 1\n\x1b[31mtok-123456\x1b[0m\nAuthorization: Bearer abc\n',
  stderrTail: 'password=hunter2\n',
};
const attempt: AttemptEvent = {
  event: 'attempt',
  time: '2026-01-01T00:00:00.000Z',
  startedAt: '2026-01-01T00:00:00.000Z',
  attempt: 1,
  maxAttempts: 2,
  result,
  classification: {
    success: false,
    retryable: true,
    reason: 'output:/tok/',
    explanation: "matches --retry-on output:/tok/ in stdout: 'tok-123456'",
    evidence: "in stdout: '\x1b]0;title\x07tok-123456'",
  },
};

describe('redactEvent', () => {
  it('masks and escapes every text an attempt carries, keeping the tails’ lines', () => {
    const shown = redactEvent(attempt, redact) as AttemptEvent;
    expect(shown.result.message).toBe('sent ***');
    expect(shown.result.stdoutTail).toBe(
      'line 1\n\\x1b[31m***\\x1b[0m\nAuthorization: Bearer ***\n',
    );
    expect(shown.result.stderrTail).toBe('password=***\n');
    expect(shown.classification.explanation).toBe(
      "matches --retry-on output:/tok/ in stdout: '***'",
    );
    expect(shown.classification.evidence).toBe("in stdout: '\\x1b]0;title\\x07***'");
  });

  it('leaves the engine’s own event alone: conditions read the real output', () => {
    redactEvent(attempt, redact);
    expect(attempt.result.message).toBe('sent tok-123456');
  });

  it('a summary’s message, reason and last result, through the reporter every sink sits behind', () => {
    const seen: RetryEvent[] = [];
    const summary: SummaryEvent = {
      event: 'summary',
      time: attempt.time,
      outcome: 'exhausted',
      attempts: 1,
      elapsedMs: 5,
      waitedMs: 0,
      exitCode: 3,
      reason: 'exit:3',
      message: 'gave up on https://u:pw@h/?sig=abc&page=2',
      lastResult: result,
    };
    redactingReporter({ onEvent: (event) => seen.push(event) }, redact).onEvent(summary);
    const shown = seen[0] as SummaryEvent;
    expect(shown.message).toBe('gave up on https://u:***@h/?sig=***&page=2');
    expect(shown.lastResult?.stderrTail).toBe('password=***\n');
  });
});
