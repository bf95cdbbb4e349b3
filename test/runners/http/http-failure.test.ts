import { describe, expect, it } from 'vitest';
import { requestFailure } from '../../../src/runners/http/http-failure.js';

const withCode = (code: string, cause?: string) =>
  Object.assign(new Error(`failed: ${code}`), { code }, cause ? { cause: { code: cause } } : {});

describe('requestFailure: socket errors as curl exit codes', () => {
  it.each([
    ['ENOTFOUND', 6, 'connection', true],
    ['EAI_AGAIN', 6, 'connection', true],
    ['ECONNREFUSED', 7, 'connection', true],
    ['EHOSTUNREACH', 7, 'connection', true],
    ['UND_ERR_CONNECT_TIMEOUT', 28, 'timeout', true],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 35, 'connection', true],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 35, 'connection', true],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 35, 'connection', true],
    ['ECONNRESET', 56, 'connection', false],
    ['EPIPE', 56, 'connection', false],
  ])('%s exits %i as a %s failure (never sent: %s)', (code, exitCode, failureClass, neverSent) => {
    expect(requestFailure(withCode(code))).toMatchObject({
      ok: false,
      exitCode,
      failureClass,
      errorCode: code,
      neverSent,
    });
  });

  it("reads the socket's code through undici's wrapper", () => {
    expect(requestFailure(withCode('UND_ERR_SOCKET', 'ECONNRESET'))).toMatchObject({
      exitCode: 56,
      errorCode: 'ECONNRESET',
    });
    expect(requestFailure(withCode('UND_ERR_SOCKET')).errorCode).toBe('ECONNRESET');
  });

  it.each([
    ['UND_ERR_HEADERS_TIMEOUT', 'no complete response head within 1.5s (--idle-timeout)'],
    ['UND_ERR_BODY_TIMEOUT', 'no data received for 1.5s (--idle-timeout)'],
  ])('%s (--idle-timeout) is a timeout, exit 28: %s', (code, message) => {
    expect(requestFailure(withCode(code), 1500)).toMatchObject({
      exitCode: 28,
      failureClass: 'timeout',
      message,
      neverSent: false,
    });
  });

  it('points at --cacert and -k for a TLS failure', () => {
    expect(requestFailure(withCode('CERT_HAS_EXPIRED')).message).toContain('(see --cacert, -k)');
  });

  it('treats an unknown error as a reset connection that may have reached the server', () => {
    expect(requestFailure(new Error('odd'))).toMatchObject({
      exitCode: 56,
      errorCode: 'EUNKNOWN',
      neverSent: false,
    });
  });
});
