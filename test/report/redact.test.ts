import { describe, expect, it } from 'vitest';
import {
  createRedactor,
  isSecretHeader,
  redactHeader,
  redactSecrets,
  redactUrl,
  secretsOf,
} from '../../src/report/redact.js';

describe('redaction', () => {
  it.each([
    'Authorization',
    'proxy-authorization',
    'Cookie',
    'Set-Cookie',
    'X-Api-Key',
    'X-Auth-Token',
    'Private-Token',
    'X-Amz-Security-Token',
    'X-Client-Secret',
  ])('treats %s as secret', (name) => {
    expect(isSecretHeader(name)).toBe(true);
    expect(redactHeader(name, 'hunter2')).toBe(`${name}: ***`);
  });

  it.each(['Accept', 'Content-Type', 'Idempotency-Key', 'Keep-Alive', 'X-Request-Id'])(
    'shows %s',
    (name) => {
      expect(isSecretHeader(name)).toBe(false);
      expect(redactHeader(name, 'v')).toBe(`${name}: v`);
    },
  );

  it('hides the password and credential query values of a URL', () => {
    expect(redactUrl('https://alice:s3cret@example.test/x?api_key=abc&page=2')).toBe(
      'https://alice:***@example.test/x?api_key=***&page=2',
    );
    expect(redactUrl('http://example.test/health')).toBe('http://example.test/health');
    expect(redactUrl('not a url')).toBe('not a url');
  });

  it('collects secret values and hides them in any text', () => {
    const secrets = secretsOf('http://bob:p%40ss@h.test/?token=tok-123', [
      ['Authorization', 'Bearer abcdef'],
      ['Accept', 'text/plain'],
    ]);
    expect(secrets).toEqual(
      expect.arrayContaining(['Bearer abcdef', 'abcdef', 'p%40ss', 'p@ss', 'tok-123']),
    );
    expect(secrets).not.toContain('text/plain');
    const redact = createRedactor(secrets);
    expect(redact('echo: Bearer abcdef; raw abcdef; pw p@ss; t=tok-123')).toBe(
      'echo: ***; raw ***; pw ***; t=***',
    );
  });
});

describe('redactSecrets (free text: command lines, messages)', () => {
  it.each([
    ['https://bob:hunter2@example.test/a', 'https://bob:***@example.test/a'],
    ["-H 'Authorization: Bearer abc.def'", "-H 'Authorization: Bearer ***'"],
    ['-H Proxy-Authorization:Basic Zm9v', '-H Proxy-Authorization:Basic ***'],
    ['-H "Cookie: sid=1"', '-H "Cookie: ***"'],
    ['https://h/x?a=1&access_token=zzz&b=2', 'https://h/x?a=1&access_token=***&b=2'],
    ['mysql --password=hunter2 db', 'mysql --password=*** db'],
  ])('masks %s', (input, expected) => {
    expect(redactSecrets(input)).toBe(expected);
  });

  it('leaves ordinary command lines alone', () => {
    const text = 'curl -fsS https://example.test/health?x=1 -o out.json';
    expect(redactSecrets(text)).toBe(text);
  });
});
