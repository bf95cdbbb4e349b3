import { describe, expect, it } from 'vitest';
import { equalJitter } from '../../src/backoff/equal-jitter.js';
import { delays, describeInvariants, settings, TOP } from '../helpers/strategy-invariants.js';

describe('equal-jitter: e/2 + uniform(0, e/2)', () => {
  it('waits half the envelope, plus a draw over the other half', () => {
    expect(delays(equalJitter, settings(), 3, () => 0)).toEqual([500, 1000, 2000]);
    expect(delays(equalJitter, settings(), 3, () => 0.5)).toEqual([750, 1500, 3000]);
    expect(delays(equalJitter, settings(), 3, () => TOP)).toEqual([1000, 2000, 4000]);
    expect(delays(equalJitter, settings({ capMs: 3000 }), 4, () => 0.5)).toEqual([
      750, 1500, 2250, 2250,
    ]);
  });

  it('ranges from e/2 to e, its median at 3e/4', () => {
    const bounds = equalJitter.bounds(settings({ factor: 3 }), 3, 0);
    expect(bounds).toEqual({ minMs: 4500, maxMs: 9000 });
    expect(equalJitter.median?.(bounds)).toBe(6750);
  });

  it('is capped where the envelope passes the cap', () => {
    const s = settings({ capMs: 5000 });
    expect([3, 4].map((n) => equalJitter.capped(s, n, 0))).toEqual([false, true]);
  });
});

describeInvariants(equalJitter);
