import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyAttempt, findStatusWord } from '../../src/engine/classify.js';
import type { AttemptResult, Conditions } from '../../src/engine/types.js';
import { parseConditions } from '../../src/conditions/conditions.js';

const failure = (fields: Partial<AttemptResult> = {}): AttemptResult => ({
  ok: false,
  exitCode: 1,
  durationMs: 1,
  ...fields,
});
const conditions = (retryOn: string, stopOn = '', until = ''): Conditions => ({
  retryOn: retryOn ? parseConditions(retryOn, '--retry-on') : [],
  stopOn: stopOn ? parseConditions(stopOn, '--stop-on') : [],
  until: until ? parseConditions(until, '--until') : [],
});

describe('status words in the output tail', () => {
  it('finds a status written as a word, with its line', () => {
    expect(
      findStatusWord('> GET /\ncurl: (22) The requested URL returned error: 503\n', 500, 599),
    ).toEqual({ status: 503, line: 'curl: (22) The requested URL returned error: 503' });
    expect(findStatusWord('HTTP/1.1 429 Too Many Requests\r\n', 429, 429)?.status).toBe(429);
    expect(findStatusWord('(503)', 503, 503)?.status).toBe(503);
    expect(findStatusWord('ERROR 503: Service Unavailable.', 503, 503)?.status).toBe(503);
  });

  it.each(['took 15030ms', '503ms', 'v503', 'id=a503b', 'version 1.503', '503,000 rows', 'x_503'])(
    'sees no status in %j',
    (text) => {
      expect(findStatusWord(text, 100, 599)).toBeUndefined();
    },
  );

  it('never matches a status glued to letters, digits or underscores (property)', () => {
    const glue = fc.constantFrom(...'abcxyzABC0123456789_'.split(''));
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 599 }),
        fc.string({ unit: glue, minLength: 1, maxLength: 4 }),
        fc.boolean(),
        (status, glued, before) => {
          const text = before ? `${glued}${status}` : `${status}${glued}`;
          expect(findStatusWord(` ${text} `, status, status)).toBeUndefined();
        },
      ),
    );
  });

  it('always matches a status set apart by spaces or punctuation (property)', () => {
    const separator = fc.constantFrom(' ', '\n', '\t', ': ', '(', ')', '"', '[', ']', '=', '/');
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 599 }),
        separator,
        separator,
        fc.string({ maxLength: 20 }).map((s) => s.replace(/\d/g, '')),
        (status, left, right, noise) => {
          const found = findStatusWord(`${noise}${left}${status}${right}${noise}`, status, status);
          expect(found?.status).toBe(status);
        },
      ),
    );
  });
});

describe('classifyAttempt on output', () => {
  it('retries a status found in the tail and says where: 503 in stderr', () => {
    const result = failure({
      stderrTail: 'curl: (22) The requested URL returned error: 503\n',
      stdoutTail: 'nothing here\n',
    });
    const verdict = classifyAttempt(result, conditions('503'));
    expect(verdict).toMatchObject({ retryable: true, reason: 'status:503' });
    expect(verdict.explanation).toBe(
      "retryable: matches --retry-on 503 in stderr: 'curl: (22) The requested URL returned error: 503'",
    );
    expect(verdict.evidence).toBe("in stderr: 'curl: (22) The requested URL returned error: 503'");
  });

  it('does not take 15030ms for a 503', () => {
    const verdict = classifyAttempt(failure({ stdoutTail: 'took 15030ms\n' }), conditions('503'));
    expect(verdict).toMatchObject({ retryable: false, reason: 'exit:1' });
    expect(verdict.explanation).toBe('not retried: exit:1 is not in --retry-on 503');
  });

  it('trusts the status a known tool reported over other numbers in the output', () => {
    const result = failure({
      exitCode: 22,
      reportedStatus: 404,
      failureEvidence: "(curl exit 22: 'curl: (22) The requested URL returned error: 404')",
      stdoutTail: 'retrying after 503 earlier\n',
    });
    const verdict = classifyAttempt(result, conditions('5xx', '4xx'));
    expect(verdict).toMatchObject({ retryable: false, reason: 'status:404' });
    expect(verdict.explanation).toContain('not retried: matches --stop-on 4xx (curl exit 22');
  });

  it('matches output patterns on one stream or both, with their flags', () => {
    const result = failure({ stderrTail: 'Service Temporarily Unavailable\n', stdoutTail: 'ok\n' });
    expect(classifyAttempt(result, conditions('stderr:/temporarily/i')).retryable).toBe(true);
    expect(classifyAttempt(result, conditions('stdout:/temporarily/i')).retryable).toBe(false);
    expect(classifyAttempt(result, conditions('output:/temporarily/')).retryable).toBe(false);
    const verdict = classifyAttempt(result, conditions('output:/^service/im'));
    expect(verdict).toMatchObject({ retryable: true, reason: 'output:/^service/im' });
    expect(verdict.explanation).toContain("in stderr: 'Service Temporarily Unavailable'");
  });

  it('lets --stop-on on output win over --retry-on', () => {
    const result = failure({ stdoutTail: 'FATAL: bad config\n' });
    const verdict = classifyAttempt(result, conditions('any', 'output:/fatal/i'));
    expect(verdict).toMatchObject({ retryable: false, reason: 'output:/fatal/i' });
    expect(verdict.explanation).toBe(
      "not retried: matches --stop-on output:/fatal/i in stdout: 'FATAL: bad config'",
    );
  });

  it('takes connection and timeout from what the runner recognised, with its evidence', () => {
    const refused = failure({
      exitCode: 7,
      failureClass: 'connection',
      errorCode: 'ECONNREFUSED',
      failureEvidence: "(curl exit 7: 'curl: (7) Failed to connect to localhost port 1')",
    });
    const verdict = classifyAttempt(refused, conditions('connection'));
    expect(verdict).toMatchObject({ retryable: true, reason: 'connection:ECONNREFUSED' });
    expect(verdict.explanation).toBe(
      "retryable: matches --retry-on connection (curl exit 7: 'curl: (7) Failed to connect to localhost port 1')",
    );
    const slow = failure({ exitCode: 28, failureClass: 'timeout' });
    expect(classifyAttempt(slow, conditions('timeout'))).toMatchObject({
      retryable: true,
      reason: 'timeout',
    });
    expect(classifyAttempt(slow, conditions('exit:28')).retryable).toBe(true);
  });

  it('explains a failure not retried with what the runner recognised', () => {
    const result = failure({ exitCode: 8, failureEvidence: '(wget exit 8: server error)' });
    expect(classifyAttempt(result, conditions('5xx')).explanation).toBe(
      'not retried: exit:8 (wget exit 8: server error) is not in --retry-on 5xx',
    );
  });

  it('makes --until the success criterion: exit 0 without "ready" is a failure', () => {
    const until = conditions('any', '', 'output:/ready/');
    const waiting = classifyAttempt(
      failure({ ok: true, exitCode: 0, stdoutTail: 'waiting\n' }),
      until,
    );
    expect(waiting).toMatchObject({ success: false, retryable: true, reason: 'until' });
    const ready = classifyAttempt(failure({ ok: true, exitCode: 0, stdoutTail: 'ready\n' }), until);
    expect(ready).toMatchObject({ success: true });
    expect(ready.explanation).toBe("matches --until output:/ready/ in stdout: 'ready'");
  });
});
