import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RandomSource } from '../../src/backoff/random.js';
import { seededRandom } from '../../src/backoff/random.js';
import type { BackoffSettings, BackoffStrategy, DelayStep } from '../../src/backoff/strategy.js';

/** The largest number a RandomSource can give: just below 1. */
export const TOP = 1 - 2 ** -53;

export const settings = (extra: Partial<BackoffSettings> = {}): BackoffSettings => ({
  baseMs: 1000,
  capMs: 60_000,
  factor: 2,
  ...extra,
});

/** The steps of retries 1..n, each fed the previous one's memory (starting at base). */
export function walk(
  strategy: BackoffStrategy,
  s: BackoffSettings,
  n: number,
  random: RandomSource,
): DelayStep[] {
  const steps: DelayStep[] = [];
  let previous = s.baseMs;
  for (let retry = 1; retry <= n; retry++) {
    const step = strategy.delay(s, retry, previous, random);
    previous = step.previousMs;
    steps.push(step);
  }
  return steps;
}

/** The delays of retries 1..n with a given random source. */
export const delays = (
  strategy: BackoffStrategy,
  s: BackoffSettings,
  n: number,
  random: RandomSource,
): number[] => walk(strategy, s, n, random).map((step) => step.delayMs);

const anySettings = fc.record({
  baseMs: fc.integer({ min: 0, max: 100_000 }),
  capMs: fc.integer({ min: 0, max: 3_600_000 }),
  factor: fc.double({ min: 1.01, max: 1000, noNaN: true }),
});
const anyRetry = fc.integer({ min: 1, max: 60 });
const anySeed = fc.integer({ min: 0, max: 2 ** 32 - 1 });
const anyPrevious = fc.integer({ min: 0, max: 3_600_000 });

/**
 * What holds for every strategy, checked over many random draws (as cockatiel tests its
 * backoffs): the delay is a whole number from 0 to the cap, it lies in the bounds `explain`
 * shows, its range is exactly those bounds, and `random` says whether it is drawn at all.
 */
export function describeInvariants(strategy: BackoffStrategy): void {
  describe(`${strategy.name}: invariants over many random draws`, () => {
    it('0 <= delay <= cap, a whole number, never NaN', () => {
      fc.assert(
        fc.property(anySettings, anyRetry, anySeed, (s, retries, seed) => {
          for (const delay of delays(strategy, s, retries, seededRandom(seed))) {
            expect(Number.isInteger(delay)).toBe(true);
            expect(delay).toBeGreaterThanOrEqual(0);
            expect(delay).toBeLessThanOrEqual(s.capMs);
          }
        }),
        { numRuns: 200 },
      );
    });

    it('every delay of a walk lies within the bounds of its retry', () => {
      fc.assert(
        fc.property(anySettings, anyRetry, anySeed, (s, retries, seed) => {
          let previousMax = s.baseMs;
          walk(strategy, s, retries, seededRandom(seed)).forEach((step, i) => {
            const { minMs, maxMs } = strategy.bounds(s, i + 1, previousMax);
            expect(step.delayMs).toBeGreaterThanOrEqual(minMs);
            expect(step.delayMs).toBeLessThanOrEqual(maxMs);
            previousMax = maxMs;
          });
        }),
        { numRuns: 200 },
      );
    });

    it('the lowest draw gives the bounds’ min and the highest their max, within rounding', () => {
      fc.assert(
        fc.property(anySettings, anyRetry, anyPrevious, (s, retry, previous) => {
          const { minMs, maxMs } = strategy.bounds(s, retry, previous);
          expect(strategy.delay(s, retry, previous, () => 0).delayMs).toBe(minMs);
          const top = strategy.delay(s, retry, previous, () => TOP).delayMs;
          expect(top).toBeLessThanOrEqual(maxMs);
          expect(top).toBeGreaterThanOrEqual(maxMs - 1);
        }),
      );
    });

    it('the median lies within the bounds', () => {
      fc.assert(
        fc.property(anySettings, anyRetry, anyPrevious, (s, retry, previous) => {
          const bounds = strategy.bounds(s, retry, previous);
          const median = strategy.median?.(bounds) ?? bounds.minMs;
          expect(median).toBeGreaterThanOrEqual(bounds.minMs);
          expect(median).toBeLessThanOrEqual(bounds.maxMs);
        }),
      );
    });

    it(`is ${strategy.random ? '' : 'not '}drawn: the random source ${strategy.random ? 'moves' : 'never moves'} the delay`, () => {
      fc.assert(
        fc.property(anySettings, anyRetry, anyPrevious, (s, retry, previous) => {
          const { minMs, maxMs } = strategy.bounds(s, retry, previous);
          const low = strategy.delay(s, retry, previous, () => 0).delayMs;
          const high = strategy.delay(s, retry, previous, () => TOP).delayMs;
          // A range of one or two milliseconds may round to one value.
          if (strategy.random && maxMs - minMs >= 2) expect(high).toBeGreaterThan(low);
          if (!strategy.random) expect(high).toBe(low);
        }),
      );
    });
  });
}
