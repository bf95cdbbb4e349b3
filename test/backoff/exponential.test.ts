import { describe, expect, it } from 'vitest';
import { exponential } from '../../src/backoff/exponential.js';
import { delays, describeInvariants, settings, TOP } from '../helpers/strategy-invariants.js';

describe('exponential: min(cap, base*factor^(n-1))', () => {
  it('multiplies the wait by factor each retry, up to the cap', () => {
    expect(delays(exponential, settings({ capMs: 10_000 }), 6, () => 0)).toEqual([
      1000, 2000, 4000, 8000, 10_000, 10_000,
    ]);
    expect(delays(exponential, settings({ factor: 3, baseMs: 100 }), 4, () => TOP)).toEqual([
      100, 300, 900, 2700,
    ]);
    expect(delays(exponential, settings({ factor: 1.5 }), 3, () => 0)).toEqual([1000, 1500, 2250]);
  });

  it('has the delay as its bounds and median, rounded to whole milliseconds', () => {
    const bounds = exponential.bounds(settings({ baseMs: 3, factor: 1.5 }), 3, 0);
    expect(bounds).toEqual({ minMs: 7, maxMs: 7 });
    expect(exponential.median?.(bounds)).toBe(7);
  });

  it('is capped from the retry where the envelope passes the cap', () => {
    const s = settings({ capMs: 5000 });
    expect([1, 2, 3, 4].map((n) => exponential.capped(s, n, 0))).toEqual([
      false,
      false,
      false,
      true,
    ]);
  });
});

describeInvariants(exponential);
