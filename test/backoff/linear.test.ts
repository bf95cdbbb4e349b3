import { describe, expect, it } from 'vitest';
import { linear } from '../../src/backoff/linear.js';
import { delays, describeInvariants, settings, TOP } from '../helpers/strategy-invariants.js';

describe('linear: min(cap, base*n)', () => {
  it('waits one more base each retry, clamped to the cap', () => {
    expect(delays(linear, settings({ capMs: 3500 }), 5, () => 0)).toEqual([
      1000, 2000, 3000, 3500, 3500,
    ]);
    expect(delays(linear, settings({ baseMs: 300 }), 3, () => TOP)).toEqual([300, 600, 900]);
  });

  it('has the delay as its bounds and median', () => {
    const bounds = linear.bounds(settings(), 4, 3000);
    expect(bounds).toEqual({ minMs: 4000, maxMs: 4000 });
    expect(linear.median?.(bounds)).toBe(4000);
    expect(linear.bounds(settings({ capMs: 3500 }), 4, 3000)).toEqual({
      minMs: 3500,
      maxMs: 3500,
    });
  });

  it('is capped from the retry where base*n passes the cap', () => {
    const s = settings({ capMs: 3500 });
    expect([1, 2, 3, 4, 5].map((n) => linear.capped(s, n, 0))).toEqual([
      false,
      false,
      false,
      true,
      true,
    ]);
  });
});

describeInvariants(linear);
