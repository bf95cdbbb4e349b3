import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createRedactor,
  isSecretHeader,
  redactHeader,
  redactSecrets,
  redactUrl,
  redactUserinfo,
  secretsOf,
} from '../../src/shared/redact.js';
import { environmentSecrets, isSecretName } from '../../src/shared/secret-names.js';

describe('secret names', () => {
  it.each([
    'Authorization',
    'proxy-authorization',
    'Cookie',
    'Set-Cookie',
    'X-Api-Key',
    'X-Custom-Key',
    'X-Auth-Token',
    'Private-Token',
    'X-Amz-Security-Token',
    'X-Client-Secret',
    'sig',
    'key',
    'code',
    'PGPASSWORD',
    'AWS_SECRET_ACCESS_KEY',
    'FOO_TOKEN',
    '--api-key',
    'db_pass',
    'session_id',
    'X-Amz-Credential',
  ])('treats %s as secret', (name) => {
    expect(isSecretHeader(name)).toBe(true);
    expect(redactHeader(name, 'hunter2')).toBe(`${name}: ***`);
  });

  it.each([
    'Accept',
    'Content-Type',
    'Idempotency-Key',
    'Keep-Alive',
    'X-Request-Id',
    'page',
    'signal',
    'author',
    'exit-code',
    'design',
    '--token-file',
    'SSH_KEY_PATH',
  ])('shows %s', (name) => {
    expect(isSecretName(name)).toBe(false);
    expect(redactHeader(name, 'v')).toBe(`${name}: v`);
  });
});

/** The rule as it read before the one-test prefilter, kept as the oracle for it. */
function isSecretNameBefore(name: string): boolean {
  const lower = name.startsWith('-') ? name.toLowerCase().replace(/^-+/, '') : name.toLowerCase();
  const parts = /token|secret|passw|pwd|credential|cookie|session|signature|key|auth(?!or(?!i))/;
  const mayBe =
    parts.test(lower) || lower === 'code' || ['sig', 'pass'].some((w) => lower.includes(w));
  if (!mayBe) return false;
  const words = lower.split(/[^a-z0-9]+/);
  if (lower === 'idempotency-key' || ['file', 'path', 'dir'].includes(words.at(-1) ?? '')) {
    return false;
  }
  if (lower === 'code' || parts.test(lower)) return true;
  return words.some((word) => word === 'sig' || word === 'pass');
}

describe('isSecretName, prefiltered', () => {
  const fragments = fc.constantFrom(
    'token',
    'SECRET',
    'Passw',
    'pwd',
    'credential',
    'cookie',
    'session',
    'signature',
    'KEY',
    'auth',
    'author',
    'authori',
    'sig',
    'signal',
    'pass',
    'code',
    'file',
    'path',
    'dir',
    'idempotency',
    '\u212Aey',
    'pa\u017Fs',
    'S\u0130G',
    'x',
    '_',
    '-',
    '--',
    '.',
    ' ',
  );
  const names = fc.oneof(
    fc.array(fragments, { maxLength: 5 }).map((parts) => parts.join('')),
    fc.string({ unit: 'binary', maxLength: 20 }),
  );

  it('calls secret exactly what the rule did without it', () => {
    fc.assert(
      fc.property(names, (name) => {
        expect(isSecretName(name)).toBe(isSecretNameBefore(name));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('redactUrl', () => {
  it('hides the userinfo and secret-looking query values, and nothing else', () => {
    expect(redactUrl('https://alice:s3cret@example.test/x?api_key=abc&page=2')).toBe(
      'https://alice:***@example.test/x?api_key=***&page=2',
    );
    expect(redactUrl('https://ghp_tok3n@github.test/o/r.git')).toBe(
      'https://***@github.test/o/r.git',
    );
    expect(
      redactUrl('https://a.blob.test/c?sv=2024&sig=AbC%2F1&se=2030&key=AIza1&code=fn-1&page=2'),
    ).toBe('https://a.blob.test/c?sv=2024&sig=***&se=2030&key=***&code=***&page=2');
    expect(redactUrl('http://example.test/health')).toBe('http://example.test/health');
  });

  it('a text that is no URL gets the free-text rules', () => {
    expect(redactUrl('not a url token=abc')).toBe('not a url token=***');
    const usage = 'expected redis://[user:password@]host[:port][/db]';
    expect(redactSecrets(usage)).toBe(usage);
  });
});

describe('redactUserinfo (a mistyped URL)', () => {
  it.each([
    ['redis://user:pa55@host:6379/abc', 'redis://user:***@host:6379/abc'],
    ['redis://user:pa/55@host', 'redis://user:***@host'],
    ['redis://pa@55@host', 'redis://***@host'],
    ['redis://host:6379/x', 'redis://host:6379/x'],
  ])('%s → %s', (input, expected) => {
    expect(redactUserinfo(input)).toBe(expected);
  });
});

describe('redactSecrets (free text: scripts, messages, output lines)', () => {
  it.each([
    ['https://bob:hunter2@example.test/a', 'https://bob:***@example.test/a'],
    ["-H 'Authorization: Bearer abc.def'", "-H 'Authorization: Bearer ***'"],
    ['-H Proxy-Authorization:Basic Zm9v', '-H Proxy-Authorization:Basic ***'],
    ['-H "Cookie: sid=1"', '-H "Cookie: ***"'],
    ["-H 'X-Custom-Key: abc' https://h/", "-H 'X-Custom-Key: ***' https://h/"],
    ['https://h/x?a=1&access_token=zzz&b=2', 'https://h/x?a=1&access_token=***&b=2'],
    ['https://h/x?sig=s1&key=k1&code=c1&page=2', 'https://h/x?sig=***&key=***&code=***&page=2'],
    ['mysql --password=hunter2 db', 'mysql --password=*** db'],
    ['tool --token abc123 --verbose', 'tool --token *** --verbose'],
    ["tool --token 'a b c' next", "tool --token '***' next"],
    [
      'FOO_TOKEN=t1 PGPASSWORD=p1 AWS_SECRET_ACCESS_KEY=k1 make',
      'FOO_TOKEN=*** PGPASSWORD=*** AWS_SECRET_ACCESS_KEY=*** make',
    ],
    ['export API_TOKEN=abc; deploy', 'export API_TOKEN=***; deploy'],
    ['PGPASSWORD="p w";psql', 'PGPASSWORD="***";psql'],
    ['curl -u alice:hunter2 https://h/', 'curl -u alice:*** https://h/'],
    ['{"user":"bob","password":"hunter2"}', '{"user":"bob","password":"***"}'],
    ['< Set-Cookie: sid=abc; Path=/', '< Set-Cookie: ***'],
  ])('masks %s', (input, expected) => {
    expect(redactSecrets(input)).toBe(expected);
    expect(redactSecrets(expected)).toBe(expected);
  });

  it.each([
    'curl -fsS https://example.test/health?x=1&page=2 -o out.json',
    'make test | tee test.log; echo done',
    'TOKEN=$DEPLOY_TOKEN ./deploy "${API_KEY}"',
    'retry-run: attempt 1/3 failed (killed by SIGTERM); signal:SIGTERM, output:/x/',
    '--token-file ./t --idempotency-key: the request already has one',
  ])('leaves %s readable', (text) => {
    expect(redactSecrets(text)).toBe(text);
  });
});

describe('createRedactor', () => {
  it('masks the values of secret-looking environment variables, long enough, wherever they are', () => {
    const env = {
      DEPLOY_TOKEN: 'tok-123456',
      PIN_SECRET: 'abc',
      HOME: '/home/me',
      PWD: '/work',
      XDG_SESSION_CLASS: 'user',
      FEATURE_TOKEN_ENABLED: 'true',
      SSH_PRIVATE_KEY: '-----BEGIN KEY-----\nAAAAline2\n-----END KEY-----',
    };
    expect(environmentSecrets(env)).toEqual(
      expect.arrayContaining(['tok-123456', 'AAAAline2', '-----BEGIN KEY-----']),
    );
    const redact = createRedactor({ env });
    expect(redact('sent tok-123456 from /work as user; key AAAAline2, abc, true')).toBe(
      'sent *** from /work as user; key ***, abc, true',
    );
  });

  it('masks --redact values of any length, and a request’s secrets once added', () => {
    const redact = createRedactor({ extra: ['xy', ''] }).with(['Bearer abcdef', 'abcdef', 'p@ss']);
    expect(redact('xy: Bearer abcdef; raw abcdef; pw p@ss')).toBe('***: ***; raw ***; pw ***');
  });

  it('masks an argv by its structure, then by the text rules', () => {
    const redact = createRedactor({ env: { MY_SECRET: 'env-secret-1' } });
    expect(
      redact.argv([
        'curl',
        '--token',
        'abc',
        '--api-key=def',
        '-H',
        'X-Custom-Key: ghi',
        '-H',
        'Accept: text/plain',
        'PGPASSWORD=jkl',
        'https://u:pw@h/x?sig=s&page=2',
        'env-secret-1',
        '-u',
        'me:pw',
        '--verbose',
      ]),
    ).toEqual([
      'curl',
      '--token',
      '***',
      '--api-key=***',
      '-H',
      'X-Custom-Key: ***',
      '-H',
      'Accept: text/plain',
      'PGPASSWORD=***',
      'https://u:***@h/x?sig=***&page=2',
      '***',
      '-u',
      'me:***',
      '--verbose',
    ]);
    expect(redact.header('X-Trace', 'env-secret-1')).toBe('X-Trace: ***');
    expect(redact.url('https://h/env-secret-1?key=1')).toBe('https://h/***?key=***');
  });

  it('collects a request’s secret values', () => {
    const secrets = secretsOf('http://bob:p%40ss@h.test/?token=tok-123&page=2', [
      ['Authorization', 'Bearer abcdef'],
      ['Accept', 'text/plain'],
    ]);
    expect(secrets).toEqual(
      expect.arrayContaining(['Bearer abcdef', 'abcdef', 'p%40ss', 'p@ss', 'tok-123']),
    );
    expect(secrets).not.toContain('text/plain');
    expect(secrets).not.toContain('2');
  });
});
