import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../../src/report/redact.js';

describe('redactSecrets', () => {
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
