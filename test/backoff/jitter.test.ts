import { describe, expect, it } from 'vitest';
import { jitter } from '../../src/backoff/jitter.js';
import { delays, describeInvariants, settings, TOP } from '../helpers/strategy-invariants.js';

describe('jitter: uniform(0, e)', () => {
  it('draws the point in the range from the random source', () => {
    expect(delays(jitter, settings(), 3, () => 0)).toEqual([0, 0, 0]);
    expect(delays(jitter, settings(), 3, () => 0.25)).toEqual([250, 500, 1000]);
    expect(delays(jitter, settings(), 3, () => 0.5)).toEqual([500, 1000, 2000]);
    expect(delays(jitter, settings(), 3, () => TOP)).toEqual([1000, 2000, 4000]);
  });

  it('draws under the capped envelope', () => {
    expect(delays(jitter, settings({ capMs: 3000 }), 4, () => 0.5)).toEqual([
      500, 1000, 1500, 1500,
    ]);
  });

  it('ranges from 0 to e, its median in the middle', () => {
    const bounds = jitter.bounds(settings({ factor: 3 }), 3, 0);
    expect(bounds).toEqual({ minMs: 0, maxMs: 9000 });
    expect(jitter.median?.(bounds)).toBe(4500);
    expect(jitter.bounds(settings({ capMs: 5000 }), 4, 0)).toEqual({ minMs: 0, maxMs: 5000 });
  });

  it('is capped where the envelope passes the cap', () => {
    const s = settings({ capMs: 5000 });
    expect([3, 4].map((n) => jitter.capped(s, n, 0))).toEqual([false, true]);
  });
});

describeInvariants(jitter);
