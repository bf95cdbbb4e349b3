import { describe, expect, it } from 'vitest';
import { classifyAttempt } from '../../src/engine/classify.js';
import type { AttemptResult } from '../../src/engine/types.js';
import { normalizeConditions } from '../../src/config/normalize.js';

describe('an --expect-body mismatch is classified like a 503', () => {
  const body = {
    ok: false,
    status: 200,
    exitCode: 22,
    failureClass: 'body',
    durationMs: 1,
  } as const;

  it('is retried by the HTTP defaults and by 5xx, with reason body', () => {
    const byDefault = classifyAttempt(body, normalizeConditions({}, 'http'));
    expect(byDefault).toMatchObject({ retryable: true, reason: 'body' });
    expect(classifyAttempt(body, normalizeConditions({ retryOn: ['5xx'] }, 'http')).retryable).toBe(
      true,
    );
  });

  it('is not retried by a list without 503, and is stopped by --stop-on 503', () => {
    expect(classifyAttempt(body, normalizeConditions({ retryOn: ['404'] }, 'http')).retryable).toBe(
      false,
    );
    const stopped = classifyAttempt(body, normalizeConditions({ stopOn: ['503'] }, 'http'));
    expect(stopped).toMatchObject({ retryable: false, reason: 'body' });
  });
});

describe("a runner's veto (notRetryableBecause)", () => {
  const post = (status: number): AttemptResult => ({
    ok: false,
    status,
    exitCode: 22,
    durationMs: 1,
    notRetryableBecause: 'POST is not idempotent',
  });

  it('stops a failure that would otherwise be retried, and says why', () => {
    expect(classifyAttempt(post(503), normalizeConditions({}, 'http'))).toMatchObject({
      retryable: false,
      reason: 'status:503',
      explanation: 'not retried: POST is not idempotent',
    });
  });

  it('does not hide the real reason of a failure that is not retried anyway', () => {
    expect(classifyAttempt(post(404), normalizeConditions({}, 'http')).explanation).toMatch(
      /^not retried: status:404 is not in --retry-on/,
    );
  });
});
