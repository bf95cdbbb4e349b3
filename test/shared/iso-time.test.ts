import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoTime } from '../../src/shared/iso-time.js';

/** The whole range a Date holds: ±100,000,000 days around 1970. */
const DATE_LIMIT_MS = 8.64e15;

describe('isoTime', () => {
  it('is toISOString for every moment of years 0-9999, to the millisecond', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(0, 0, 1) - 1e3, max: Date.UTC(9999, 11, 31, 23, 59, 59, 999) }),
        (ms) => {
          expect(isoTime(ms)).toBe(new Date(ms).toISOString());
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('is toISOString outside them too, and for fractions of a millisecond', () => {
    fc.assert(
      fc.property(fc.double({ min: -DATE_LIMIT_MS, max: DATE_LIMIT_MS, noNaN: true }), (ms) => {
        expect(isoTime(ms)).toBe(new Date(ms).toISOString());
      }),
    );
    for (const ms of [0, -1, Date.UTC(0, 0, 1), Date.UTC(-1, 11, 31), Date.UTC(10000, 0, 1)]) {
      expect(isoTime(ms)).toBe(new Date(ms).toISOString());
    }
  });

  it('throws as toISOString does for a time no Date holds', () => {
    for (const ms of [Number.NaN, DATE_LIMIT_MS + 1, Number.POSITIVE_INFINITY]) {
      expect(() => isoTime(ms)).toThrow(RangeError);
    }
  });
});
