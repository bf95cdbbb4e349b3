import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../src/policy/server-wait.js';

const NOW = Date.parse('2026-11-28T12:00:00Z');

describe('parseRetryAfter', () => {
  it('reads delay-seconds', () => {
    expect(parseRetryAfter('120', undefined, NOW)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', undefined, NOW)).toBe(0);
  });

  it('measures an HTTP-date against the response Date, not the local clock', () => {
    const date = 'Wed, 21 Oct 2015 07:28:00 GMT';
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:30 GMT', date, NOW)).toBe(30_000);
  });

  it('measures an HTTP-date against now when the response has no usable Date', () => {
    expect(parseRetryAfter('Sat, 28 Nov 2026 12:01:00 GMT', undefined, NOW)).toBe(60_000);
    expect(parseRetryAfter('Sat, 28 Nov 2026 12:01:00 GMT', 'garbage', NOW)).toBe(60_000);
  });

  it('gives no wait for a date in the past', () => {
    expect(parseRetryAfter('Sat, 28 Nov 2026 11:00:00 GMT', undefined, NOW)).toBe(0);
  });

  it.each(['', 'soon', '-5', '1.5', '1e3', '99999999999999', '2026-11-28'])(
    'ignores %j',
    (value) => {
      expect(parseRetryAfter(value, undefined, NOW)).toBeUndefined();
    },
  );

  it('gives a wait ≥ 0 or nothing for any text, never NaN or a throw', () => {
    fc.assert(
      fc.property(fc.string(), fc.option(fc.string(), { nil: undefined }), (value, date) => {
        const ms = parseRetryAfter(value, date, NOW);
        if (ms !== undefined) expect(ms).toBeGreaterThanOrEqual(0);
        expect(Number.isNaN(ms)).toBe(false);
      }),
    );
  });
});
