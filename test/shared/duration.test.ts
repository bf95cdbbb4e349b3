import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/shared/errors.js';
import { formatDuration, parseDuration } from '../../src/shared/duration.js';

describe('parseDuration', () => {
  it.each([
    ['0', 0],
    ['250ms', 250],
    ['1.5s', 1500],
    ['2', 2000],
    ['1m30s', 90_000],
    ['2h', 7_200_000],
    ['1h2m3s4ms', 3_723_004],
    ['.5s', 500],
    [' 3s ', 3000],
  ])('%s is %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each([
    '',
    '-1s',
    '1x',
    '1s extra',
    'NaN',
    'Infinity',
    '1e3',
    's',
    '1.s',
    '1..5s',
    '9'.repeat(400),
    '1 s',
  ])('rejects %j with a usage error naming the flag and the value', (text) => {
    expect(() => parseDuration(text, '--base')).toThrowError(UsageError);
    expect(() => parseDuration(text, '--base')).toThrowError(/^--base: .*got '/);
  });

  it('gives a value or a usage error for any string, never another error', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        try {
          const ms = parseDuration(text, '--cap');
          expect(Number.isSafeInteger(ms)).toBe(true);
          expect(ms).toBeGreaterThanOrEqual(0);
        } catch (error) {
          expect(error).toBeInstanceOf(UsageError);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('reads back what formatDuration writes, to the precision it keeps', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (ms) => {
        const back = parseDuration(formatDuration(ms));
        // formatDuration keeps ms below 1s, 2 decimals below 10s, 1 below 1m, whole seconds above.
        const precision = ms < 1000 ? 0 : ms < 10_000 ? 5 : ms < 60_000 ? 50 : 500;
        expect(Math.abs(back - ms)).toBeLessThanOrEqual(precision);
      }),
    );
  });

  it('sums combined parts exactly', () => {
    fc.assert(
      fc.property(fc.nat(99), fc.nat(59), fc.nat(59), fc.nat(999), (h, m, s, ms) => {
        expect(parseDuration(`${h}h${m}m${s}s${ms}ms`)).toBe(((h * 60 + m) * 60 + s) * 1000 + ms);
      }),
    );
  });
});
