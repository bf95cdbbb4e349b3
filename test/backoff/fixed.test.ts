import { describe, expect, it } from 'vitest';
import { fixed } from '../../src/backoff/fixed.js';
import { delays, describeInvariants, settings, TOP } from '../helpers/strategy-invariants.js';

describe('fixed: min(cap, base)', () => {
  it('waits base every time, whatever the draw', () => {
    expect(delays(fixed, settings(), 4, () => 0)).toEqual([1000, 1000, 1000, 1000]);
    expect(delays(fixed, settings(), 2, () => TOP)).toEqual([1000, 1000]);
  });

  it('is clamped to the cap, and says the cap bites', () => {
    expect(delays(fixed, settings({ capMs: 300 }), 2, Math.random)).toEqual([300, 300]);
    expect(fixed.bounds(settings({ capMs: 300 }), 2, 300)).toEqual({ minMs: 300, maxMs: 300 });
    expect(fixed.capped(settings({ capMs: 300 }), 1, 1000)).toBe(true);
    expect(fixed.capped(settings({ capMs: 1000 }), 9, 1000)).toBe(false);
  });

  it('has one value for bounds and median', () => {
    const bounds = fixed.bounds(settings({ baseMs: 250 }), 7, 250);
    expect(bounds).toEqual({ minMs: 250, maxMs: 250 });
    expect(fixed.median?.(bounds)).toBe(250);
    expect(fixed.random).toBe(false);
  });
});

describeInvariants(fixed);
