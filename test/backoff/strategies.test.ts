import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/backoff/random.js';
import {
  nextDelay,
  STRATEGY_NAMES,
  type BackoffPolicy,
  type StrategyName,
} from '../../src/backoff/strategies.js';

const policy = (strategy: StrategyName, extra: Partial<BackoffPolicy> = {}): BackoffPolicy => ({
  strategy,
  baseMs: 1000,
  capMs: 60_000,
  factor: 2,
  ...extra,
});

/** Delays for retries 1..n with a given random source. */
function delays(p: BackoffPolicy, n: number, random: () => number): number[] {
  const out: number[] = [];
  let previous = p.baseMs;
  for (let retry = 1; retry <= n; retry++) {
    const step = nextDelay(p, retry, previous, random);
    previous = step.previousMs;
    out.push(step.delayMs);
  }
  return out;
}

describe('the formulas of SPEC §3', () => {
  it('fixed waits base, clamped to cap', () => {
    expect(delays(policy('fixed'), 4, Math.random)).toEqual([1000, 1000, 1000, 1000]);
    expect(delays(policy('fixed', { capMs: 300 }), 2, Math.random)).toEqual([300, 300]);
  });

  it('linear waits base·n, clamped to cap', () => {
    expect(delays(policy('linear', { capMs: 3500 }), 5, Math.random)).toEqual([
      1000, 2000, 3000, 3500, 3500,
    ]);
  });

  it('exponential waits min(cap, base·factor^(n−1))', () => {
    expect(delays(policy('exponential', { capMs: 10_000 }), 6, Math.random)).toEqual([
      1000, 2000, 4000, 8000, 10_000, 10_000,
    ]);
    expect(delays(policy('exponential', { factor: 3, baseMs: 100 }), 4, Math.random)).toEqual([
      100, 300, 900, 2700,
    ]);
  });

  it('jitter is uniform(0, e): the random source picks the point in the range', () => {
    expect(delays(policy('jitter'), 3, () => 0)).toEqual([0, 0, 0]);
    expect(delays(policy('jitter'), 3, () => 0.5)).toEqual([500, 1000, 2000]);
    expect(delays(policy('jitter'), 3, () => 0.999999)).toEqual([1000, 2000, 4000]);
  });

  it('equal-jitter is e/2 + uniform(0, e/2)', () => {
    expect(delays(policy('equal-jitter'), 3, () => 0)).toEqual([500, 1000, 2000]);
    expect(delays(policy('equal-jitter'), 3, () => 0.5)).toEqual([750, 1500, 3000]);
  });

  it('decorrelated is min(cap, uniform(base, 3·previous)), previous₀ = base', () => {
    expect(delays(policy('decorrelated'), 3, () => 0)).toEqual([1000, 1000, 1000]);
    // With the top of the range each time: 3s, 9s, 27s, then the cap.
    expect(delays(policy('decorrelated'), 4, () => 0.9999999)).toEqual([
      3000, 9000, 27_000, 60_000,
    ]);
  });
});

describe('invariants over many random draws', () => {
  const anyPolicy = fc.record({
    strategy: fc.constantFrom(...STRATEGY_NAMES),
    baseMs: fc.integer({ min: 0, max: 100_000 }),
    capMs: fc.integer({ min: 0, max: 3_600_000 }),
    factor: fc.double({ min: 1.01, max: 1000, noNaN: true }),
  });

  it('0 <= delay <= cap, a whole number, never NaN', () => {
    fc.assert(
      fc.property(anyPolicy, fc.integer({ min: 1, max: 60 }), fc.integer(), (p, retries, seed) => {
        for (const delay of delays(p, retries, seededRandom(seed))) {
          expect(Number.isInteger(delay)).toBe(true);
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThanOrEqual(p.capMs);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is reproducible under a seed', () => {
    fc.assert(
      fc.property(anyPolicy, fc.integer(), (p, seed) => {
        expect(delays(p, 20, seededRandom(seed))).toEqual(delays(p, 20, seededRandom(seed)));
      }),
    );
  });

  it('the deterministic kinds never shrink from one retry to the next', () => {
    fc.assert(
      fc.property(anyPolicy, (p) => {
        if (!['fixed', 'linear', 'exponential'].includes(p.strategy)) return;
        const list = delays(p, 30, Math.random);
        for (let i = 1; i < list.length; i++) expect(list[i]!).toBeGreaterThanOrEqual(list[i - 1]!);
      }),
    );
  });
});

describe('seededRandom', () => {
  it('gives numbers in [0, 1), the same sequence for the same seed', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    for (let i = 0; i < 1000; i++) {
      const x = a();
      expect(x).toBe(b());
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
    expect(seededRandom(1)()).not.toBe(seededRandom(2)());
  });
});
