import { describe, expect, it } from 'vitest';
import { decorrelated } from '../../src/backoff/decorrelated.js';
import { delays, describeInvariants, settings, TOP } from '../helpers/strategy-invariants.js';

describe('decorrelated: min(cap, uniform(base, 3*prev)), prev starting at base', () => {
  it('walks from the last wait: the draw picks the point between base and 3*prev', () => {
    expect(delays(decorrelated, settings(), 3, () => 0)).toEqual([1000, 1000, 1000]);
    // With the top of the range each time: 3s, 9s, 27s, then the cap.
    expect(delays(decorrelated, settings(), 4, () => TOP)).toEqual([3000, 9000, 27_000, 60_000]);
    // Halfway each time: 2s, then halfway from 1s to 6s, then from 1s to 10.5s.
    expect(delays(decorrelated, settings(), 3, () => 0.5)).toEqual([2000, 3500, 5750]);
  });

  it('remembers the delay it chose, not the top of its range', () => {
    expect(decorrelated.delay(settings(), 5, 2000, () => 0.5)).toEqual({
      delayMs: 3500,
      previousMs: 3500,
    });
  });

  it('ranges from base to min(cap, 3*previous max), with no closed-form median', () => {
    expect(decorrelated.bounds(settings(), 1, 1000)).toEqual({ minMs: 1000, maxMs: 3000 });
    expect(decorrelated.bounds(settings(), 3, 9000)).toEqual({ minMs: 1000, maxMs: 27_000 });
    expect(decorrelated.bounds(settings({ capMs: 20_000 }), 3, 9000)).toEqual({
      minMs: 1000,
      maxMs: 20_000,
    });
    expect(decorrelated.bounds(settings({ capMs: 500 }), 1, 1000)).toEqual({
      minMs: 500,
      maxMs: 500,
    });
    expect(decorrelated.median).toBeUndefined();
  });

  it('is capped where 3*previous max passes the cap', () => {
    const s = settings({ capMs: 20_000 });
    expect([3000, 9000].map((previous) => decorrelated.capped(s, 2, previous))).toEqual([
      false,
      true,
    ]);
  });
});

describeInvariants(decorrelated);
