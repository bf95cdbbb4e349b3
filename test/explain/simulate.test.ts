import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulateHerd, simulateStrategy } from '../../src/explain/simulate.js';
import { SimulationLimitError } from '../../src/shared/errors.js';
import { STRATEGY_NAMES } from '../../src/backoff/strategies.js';
import { herd } from '../helpers/herd.js';

describe('the thundering-herd simulation', () => {
  it('is the same for the same seed, and differs for the random kinds with another', () => {
    expect(simulateHerd(herd({ seed: 42 }))).toEqual(simulateHerd(herd({ seed: 42 })));
    const other = simulateStrategy('jitter', herd({ seed: 43 }));
    expect(other.load).not.toEqual(simulateStrategy('jitter', herd({ seed: 42 })).load);
    // Fixed draws nothing: the seed does not matter.
    expect(simulateStrategy('fixed', herd({ seed: 43 }))).toEqual(
      simulateStrategy('fixed', herd({ seed: 42 })),
    );
  });

  it('fixed: the herd stays in lockstep and the server lets `capacity` through per wait', () => {
    // 200 clients, 10 answered per round, a round every second: 20 rounds.
    const result = simulateStrategy('fixed', herd());
    expect(result.completionMs).toBe(20_000);
    expect(result.peakLoad).toBe(200);
    // 200 failed first calls, then 200 + 190 + … + 10 retries.
    expect(result.totalCalls).toBe(200 + (20 * (200 + 10)) / 2);
    expect(result.load.map((l) => l.slice)).toEqual(
      Array.from({ length: 20 }, (_, i) => (i + 1) * 10),
    );
  });

  it('exponential: rounds at 1, 3, 7, 15 … seconds, then a minute apart at the cap', () => {
    const result = simulateStrategy('exponential', herd({ clients: 80 }));
    const rounds = result.load.map((l) => (l.slice * 100) / 1000);
    expect(rounds).toEqual([1, 3, 7, 15, 31, 63, 123, 183]);
    expect(result.load.map((l) => l.calls)).toEqual([80, 70, 60, 50, 40, 30, 20, 10]);
    expect(result.completionMs).toBe(183_000);
  });

  it("jitter's peak is below plain exponential's for 100 clients and more", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 600 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        (clients, capacity, seed) => {
          const options = herd({ clients, capacity, seed });
          const jitter = simulateStrategy('jitter', options);
          const exponential = simulateStrategy('exponential', options);
          expect(exponential.peakLoad).toBe(clients);
          expect(jitter.peakLoad).toBeLessThan(exponential.peakLoad);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('keeps its books: every client succeeds once, and no slice answers more than capacity', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STRATEGY_NAMES),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        (strategy, clients, capacity, baseMs, seed) => {
          const options = herd({ clients, capacity, baseMs, seed, capMs: 30_000 });
          const result = simulateStrategy(strategy, options);
          const calls = result.load.reduce((sum, l) => sum + l.calls, 0);
          // The first calls failed before the herd's load began; every other call is in a slice.
          expect(calls).toBe(result.totalCalls - clients);
          const answered = result.load.reduce((sum, l) => sum + Math.min(l.calls, capacity), 0);
          expect(answered).toBe(clients);
          expect(result.peakLoad).toBe(Math.max(...result.load.map((l) => l.calls)));
          const lastSlice = result.load.at(-1)!.slice;
          expect(Math.floor(result.completionMs / options.sliceMs)).toBe(lastSlice);
          const slices = result.load.map((l) => l.slice);
          expect(slices).toEqual([...slices].sort((a, b) => a - b));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('stops with an error instead of running for ever', () => {
    const options = herd({ clients: 50, capacity: 1, baseMs: 1, capMs: 1, maxSteps: 1000 });
    expect(() => simulateStrategy('jitter', options)).toThrow(SimulationLimitError);
    expect(() => simulateStrategy('jitter', options)).toThrow(
      /jitter strategy needs more than 1,000 steps/,
    );
  });

  it('a thousand lockstep clients cost one step per round, not one per call', () => {
    const result = simulateStrategy('fixed', herd({ clients: 1000, maxSteps: 100 }));
    expect(result.totalCalls).toBe(1000 + (100 * (1000 + 10)) / 2);
  });
});
