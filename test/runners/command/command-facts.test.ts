import { describe, expect, it } from 'vitest';
import type { AttemptResult } from '../../../src/engine/types.js';
import { commandFacts } from '../../../src/runners/command/command-facts.js';
import { findConnectionMessage } from '../../../src/runners/command/connection-messages.js';
import { findRetryAfter } from '../../../src/runners/command/output-server-wait.js';

const NOW = Date.parse('2026-11-28T12:00:00Z');
const failed = (fields: Partial<AttemptResult>): AttemptResult => ({
  ok: false,
  exitCode: 1,
  durationMs: 1,
  ...fields,
});

describe('connection messages in the output', () => {
  it.each([
    ['ssh: connect to host db port 22: Connection refused', 'ECONNREFUSED'],
    ['Error: connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'],
    ['npm ERR! network read ECONNRESET', 'ECONNRESET'],
    ['Error: socket hang up', 'ECONNRESET'],
    ['fatal: unable to access: Could not resolve host: github.com', 'ENOTFOUND'],
    ['getaddrinfo EAI_AGAIN registry.npmjs.org', 'EAI_AGAIN'],
    ['ping: db: Temporary failure in name resolution', 'EAI_AGAIN'],
    ['connect: Network is unreachable', 'ENETUNREACH'],
    ['ssh: connect to host 10.0.0.9 port 22: No route to host', 'EHOSTUNREACH'],
    ['ssh: connect to host 10.0.0.9 port 22: Connection timed out', 'ETIMEDOUT'],
  ])('%j is a connection failure (%s)', (line, code) => {
    expect(findConnectionMessage({ stderrTail: `starting\n${line}\n` })).toEqual({
      errorCode: code,
      evidence: `in stderr: '${line}'`,
    });
  });

  it('takes the latest message, stderr first', () => {
    const found = findConnectionMessage({
      stdoutTail: 'Connection refused\n',
      stderrTail: 'Connection refused once\nthen ECONNRESET\n',
    });
    expect(found).toEqual({ errorCode: 'ECONNRESET', evidence: "in stderr: 'then ECONNRESET'" });
  });

  it('finds nothing in ordinary failures', () => {
    expect(findConnectionMessage({ stderrTail: 'AssertionError: expected 2 to be 3\n' })).toBe(
      undefined,
    );
  });
});

describe('Retry-After lines in the output', () => {
  it('reads curl -i output, with CRLF line ends', () => {
    const stdoutTail = 'HTTP/1.1 429 Too Many Requests\r\nRetry-After: 3\r\nDate: x\r\n\r\n';
    expect(findRetryAfter({ stdoutTail }, NOW)).toBe(3000);
  });

  it('reads curl -v (`< `) and wget -S (indented) headers on stderr', () => {
    expect(findRetryAfter({ stderrTail: '< HTTP/1.1 503\r\n< Retry-After: 7\r\n<\r\n' }, NOW)).toBe(
      7000,
    );
    expect(findRetryAfter({ stderrTail: '  HTTP/1.1 429\n  Retry-After: 2\n' }, NOW)).toBe(2000);
  });

  it('measures an HTTP-date against the Date line of the same response', () => {
    const stdoutTail = [
      'HTTP/1.1 301 Moved',
      'Date: Mon, 01 Jan 2001 00:00:00 GMT',
      '',
      'HTTP/1.1 503 Service Unavailable',
      'Date: Wed, 21 Oct 2015 07:28:00 GMT',
      'Retry-After: Wed, 21 Oct 2015 07:28:05 GMT',
      '',
      'down for maintenance',
    ].join('\r\n');
    expect(findRetryAfter({ stdoutTail }, NOW)).toBe(5000);
  });

  it('takes the last response of the output, and nothing when there is none', () => {
    expect(findRetryAfter({ stdoutTail: 'Retry-After: 1\n\nRetry-After: 4\n' }, NOW)).toBe(4000);
    expect(findRetryAfter({ stdoutTail: 'no headers here\n' }, NOW)).toBeUndefined();
    expect(findRetryAfter({}, NOW)).toBeUndefined();
  });
});

describe('commandFacts', () => {
  it("prefers a known tool's exit code, then adds the error code its message names", () => {
    const stderrTail = 'curl: (7) Failed to connect to localhost port 1: Connection refused\n';
    expect(commandFacts('curl', failed({ exitCode: 7, stderrTail }), NOW)).toMatchObject({
      failureClass: 'connection',
      errorCode: 'ECONNREFUSED',
      failureEvidence: `(curl exit 7: '${stderrTail.trim()}')`,
    });
  });

  it('falls back on connection messages for other commands', () => {
    const stderrTail = 'psql: error: connection to server failed: Connection refused\n';
    expect(commandFacts('psql', failed({ exitCode: 2, stderrTail }), NOW)).toMatchObject({
      failureClass: 'connection',
      errorCode: 'ECONNREFUSED',
    });
  });

  it('reads no failure into a success, a signal or a timeout, but still a server wait', () => {
    const stderrTail = 'Connection refused\n';
    expect(commandFacts('x', failed({ ok: true, exitCode: 0, stderrTail }), NOW)).toEqual({});
    expect(commandFacts('x', failed({ signal: 'SIGTERM', stderrTail }), NOW)).toEqual({});
    expect(
      commandFacts('x', failed({ timedOut: 'timeout', exitCode: 124, stderrTail }), NOW),
    ).toEqual({});
    const stdoutTail = 'HTTP/1.1 429 Too Many Requests\r\nRetry-After: 9\r\n\r\n';
    expect(commandFacts('curl', failed({ ok: true, exitCode: 0, stdoutTail }), NOW)).toEqual({
      serverWaitMs: 9000,
    });
  });
});
