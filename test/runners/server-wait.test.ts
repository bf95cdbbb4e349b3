import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseRateLimit,
  parseRateLimitReset,
  parseRetryAfter,
  serverWaitFromHeaders,
} from '../../src/runners/server-wait.js';

const NOW = Date.parse('2026-11-28T12:00:00Z');
const headers =
  (map: Record<string, string>) =>
  (name: string): string | undefined =>
    map[name];

describe('parseRetryAfter', () => {
  it('reads delay-seconds', () => {
    expect(parseRetryAfter('120', undefined, NOW)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', undefined, NOW)).toBe(0);
  });

  it('measures an HTTP-date against the response Date, not the local clock', () => {
    const skewedNow = NOW + 3_600_000; // the local clock is an hour fast
    const value = 'Sat, 28 Nov 2026 12:00:30 GMT';
    expect(parseRetryAfter(value, 'Sat, 28 Nov 2026 12:00:00 GMT', skewedNow)).toBe(30_000);
  });

  it('falls back to now without a usable Date header', () => {
    expect(parseRetryAfter('Sat, 28 Nov 2026 12:00:05 GMT', undefined, NOW)).toBe(5000);
    expect(parseRetryAfter('Sat, 28 Nov 2026 12:00:05 GMT', 'garbage', NOW)).toBe(5000);
  });

  it('reads the obsolete RFC 850 and asctime date forms', () => {
    expect(parseRetryAfter('Saturday, 28-Nov-26 12:00:10 GMT', undefined, NOW)).toBe(10_000);
    expect(parseRetryAfter('Sat Nov 28 12:00:10 2026', undefined, NOW)).toBe(10_000);
  });

  it('gives 0 for a date in the past', () => {
    expect(parseRetryAfter('Sat, 28 Nov 2026 11:00:00 GMT', undefined, NOW)).toBe(0);
  });

  it.each(['', '-5', '1.5', '1e3', '5s', 'soon', '2026-11-28', 'NaN', '99999999999999'])(
    'rejects %j',
    (value) => {
      expect(parseRetryAfter(value, undefined, NOW)).toBeUndefined();
    },
  );

  it('never returns a negative or non-finite wait for any input', () => {
    fc.assert(
      fc.property(fc.string(), fc.option(fc.string(), { nil: undefined }), (value, date) => {
        const ms = parseRetryAfter(value, date, NOW);
        return ms === undefined || (Number.isFinite(ms) && ms >= 0);
      }),
    );
  });

  it('reads every delay-seconds value exactly', () => {
    fc.assert(
      fc.property(fc.nat(10_000_000), (seconds) => {
        return parseRetryAfter(String(seconds), undefined, NOW) === seconds * 1000;
      }),
    );
  });
});

describe('parseRateLimitReset', () => {
  it('reads seconds until the reset', () => {
    expect(parseRateLimitReset('30', undefined, NOW)).toBe(30_000);
    expect(parseRateLimitReset('1.5', undefined, NOW)).toBe(1500);
  });

  it('reads an epoch time in seconds or milliseconds, against the response Date', () => {
    const date = 'Sat, 28 Nov 2026 12:00:00 GMT';
    expect(parseRateLimitReset(String(NOW / 1000 + 42), date, NOW + 999_999)).toBe(42_000);
    expect(parseRateLimitReset(String(NOW + 7000), undefined, NOW)).toBe(7000);
    expect(parseRateLimitReset(String(NOW / 1000 - 10), undefined, NOW)).toBe(0);
  });

  it.each(['', '-1', 'abc', '10s'])('rejects %j', (value) => {
    expect(parseRateLimitReset(value, undefined, NOW)).toBeUndefined();
  });
});

describe('parseRateLimit', () => {
  it('reads the structured form', () => {
    expect(parseRateLimit('"default";r=0;t=30')).toEqual({ resetSeconds: 30, exhausted: true });
    expect(parseRateLimit('"default";r=5;t=30')).toEqual({ resetSeconds: 30, exhausted: false });
  });

  it('reads the earlier draft form and takes the longest reset', () => {
    expect(parseRateLimit('limit=10, remaining=0, reset=7')).toEqual({
      resetSeconds: 7,
      exhausted: true,
    });
    expect(parseRateLimit('"a";r=0;t=10, "b";r=3;t=60').resetSeconds).toBe(60);
  });
});

describe('serverWaitFromHeaders', () => {
  it('takes the longest wait and names the header', () => {
    const wait = serverWaitFromHeaders(
      headers({ 'retry-after': '5', ratelimit: '"default";r=0;t=9' }),
      503,
      NOW,
    );
    expect(wait).toEqual({ ms: 9000, header: 'RateLimit: "default";r=0;t=9' });
  });

  it('ignores rate-limit headers while quota remains, unless the status is 429', () => {
    const map = { ratelimit: '"default";r=4;t=9', 'x-ratelimit-reset': '20' };
    expect(serverWaitFromHeaders(headers(map), 503, NOW)).toBeUndefined();
    expect(serverWaitFromHeaders(headers(map), 429, NOW)?.ms).toBe(20_000);
    expect(
      serverWaitFromHeaders(headers({ ...map, 'x-ratelimit-remaining': '0' }), 503, NOW),
    ).toEqual({ ms: 20_000, header: 'X-RateLimit-Reset: 20' });
  });

  it('returns undefined when nothing readable is there', () => {
    expect(serverWaitFromHeaders(headers({}), 503, NOW)).toBeUndefined();
    expect(serverWaitFromHeaders(headers({ 'retry-after': 'later' }), 503, NOW)).toBeUndefined();
  });
});
