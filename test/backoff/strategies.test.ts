import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/backoff/random.js';
import {
  delayBounds,
  nextDelay,
  STRATEGIES,
  STRATEGY_NAMES,
  strategyNamed,
  type BackoffPolicy,
} from '../../src/backoff/strategies.js';
import { delays } from '../helpers/strategy-invariants.js';

const anyPolicy = fc.record({
  strategy: fc.constantFrom(...STRATEGY_NAMES),
  baseMs: fc.integer({ min: 0, max: 100_000 }),
  capMs: fc.integer({ min: 0, max: 3_600_000 }),
  factor: fc.double({ min: 1.01, max: 1000, noNaN: true }),
});

/** Delays for retries 1..n under the policy's strategy. */
const delaysOf = (p: BackoffPolicy, n: number, random: () => number) =>
  delays(strategyNamed(p.strategy), p, n, random);

describe('the strategies', () => {
  it('are listed in the order explain shows them, each found by its name', () => {
    expect(STRATEGY_NAMES).toEqual([
      'fixed',
      'linear',
      'exponential',
      'jitter',
      'equal-jitter',
      'decorrelated',
    ]);
    for (const strategy of STRATEGIES) expect(strategyNamed(strategy.name)).toBe(strategy);
    expect(STRATEGIES.filter((s) => s.random).map((s) => s.name)).toEqual([
      'jitter',
      'equal-jitter',
      'decorrelated',
    ]);
  });

  it('nextDelay and delayBounds ask the strategy the policy names', () => {
    fc.assert(
      fc.property(anyPolicy, fc.integer({ min: 1, max: 40 }), fc.nat(), (p, retry, previous) => {
        const strategy = strategyNamed(p.strategy);
        const draw = () => 0.3;
        expect(nextDelay(p, retry, previous, draw)).toEqual(
          strategy.delay(p, retry, previous, draw),
        );
        expect(delayBounds(p, retry, previous)).toEqual(strategy.bounds(p, retry, previous));
      }),
    );
  });

  it('are reproducible under a seed', () => {
    fc.assert(
      fc.property(anyPolicy, fc.integer(), (p, seed) => {
        expect(delaysOf(p, 20, seededRandom(seed))).toEqual(delaysOf(p, 20, seededRandom(seed)));
      }),
    );
  });

  it('the deterministic kinds never shrink from one retry to the next', () => {
    fc.assert(
      fc.property(anyPolicy, (p) => {
        if (strategyNamed(p.strategy).random) return;
        const list = delaysOf(p, 30, Math.random);
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
