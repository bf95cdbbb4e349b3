import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulateBudget, simulateStrategy } from '../../src/explain/simulate.js';
import { STRATEGY_NAMES } from '../../src/backoff/strategies.js';
import { herd } from '../helpers/herd.js';

const DEFAULT_BUDGET = { maxTokens: 10, ratio: 0.1 };

describe('the thundering herd with a retry budget (README "The thundering herd")', () => {
  it('lets the first failures retry while more than half the tokens are left; the rest give up', () => {
    // 200 first calls fail at once: tokens 9, 8, 7, 6 allow a retry; from 5 down to 0, none.
    const result = simulateBudget('fixed', herd(), DEFAULT_BUDGET);
    expect(result.gaveUp).toBe(196);
    // The 4 retries come back together after 1s, under capacity: all succeed.
    expect(result.load).toEqual([{ slice: 10, calls: 4 }]);
    expect(result.totalCalls).toBe(204);
    expect(result.peakLoad).toBe(4);
    expect(result.completionMs).toBe(1000);
    expect(result.budget).toEqual(DEFAULT_BUDGET);
  });

  it('counts failed retries too: a retry that fails can be the last one allowed', () => {
    // The first calls left 0 tokens. Capacity 1: of the 4 retries at 1s one succeeds (0.1),
    // 3 fail (0), and none of those may retry: they give up.
    const result = simulateBudget('fixed', herd({ capacity: 1 }), DEFAULT_BUDGET);
    expect(result.gaveUp).toBe(199);
    expect(result.totalCalls).toBe(204);
    expect(result.completionMs).toBe(1000);
  });

  it('a budget too large to refuse anything changes nothing', () => {
    for (const strategy of STRATEGY_NAMES) {
      const plain = simulateStrategy(strategy, herd({ seed: 7 }));
      const budget = simulateBudget(strategy, herd({ seed: 7 }), { maxTokens: 1e6, ratio: 1 });
      expect(budget.gaveUp).toBe(0);
      expect({ ...budget, budget: undefined, gaveUp: undefined }).toEqual({
        ...plain,
        budget: undefined,
        gaveUp: undefined,
      });
    }
  });

  it('is deterministic under a seed, and every client succeeds or gives up', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STRATEGY_NAMES),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 200 }),
        fc.double({ min: 0.01, max: 2, noNaN: true }),
        fc.nat(1000),
        (strategy, clients, capacity, maxTokens, ratio, seed) => {
          const options = herd({ clients, capacity, seed });
          const settings = { maxTokens, ratio };
          const result = simulateBudget(strategy, options, settings);
          expect(simulateBudget(strategy, options, settings)).toEqual(result);
          const succeeded = clients - result.gaveUp;
          expect(succeeded).toBeGreaterThanOrEqual(0);
          // Every retry was allowed by a token count above half the maximum, and each failed
          // call took one: the failed calls are at most the tokens spent down to max/2, the
          // refills of the successes, and the clients' first calls and last refused ones.
          const failedCalls = result.totalCalls - succeeded;
          expect(failedCalls).toBeLessThanOrEqual(
            clients + Math.ceil(maxTokens / 2) + Math.ceil(succeeded * ratio),
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});
