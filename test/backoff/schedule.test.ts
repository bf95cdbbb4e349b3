import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planSchedule, schedule, type ScheduleShape } from '../../src/backoff/schedule.js';
import { seededRandom } from '../../src/backoff/random.js';
import { nextDelay, STRATEGY_NAMES, type StrategyName } from '../../src/backoff/strategies.js';

const shape = (strategy: StrategyName, extra: Partial<ScheduleShape> = {}): ScheduleShape => ({
  strategy,
  maxAttempts: 6,
  baseMs: 1000,
  capMs: 60_000,
  factor: 2,
  ...extra,
});

const triples = (s: ScheduleShape) =>
  schedule(s).map(({ minMs, medianMs, maxMs }) => [minMs, medianMs, maxMs]);

describe('schedule: the formulas in the README (Strategies), retry by retry', () => {
  it('fixed: min(cap, base) every time, capped when base > cap', () => {
    expect(triples(shape('fixed', { maxAttempts: 4 }))).toEqual([
      [1000, 1000, 1000],
      [1000, 1000, 1000],
      [1000, 1000, 1000],
    ]);
    const capped = schedule(shape('fixed', { maxAttempts: 3, capMs: 400 }));
    expect(capped.map((r) => [r.maxMs, r.capped])).toEqual([
      [400, true],
      [400, true],
    ]);
  });

  it('linear: min(cap, base·n), the cap biting from the retry where base·n passes it', () => {
    const rows = schedule(shape('linear', { capMs: 3500 }));
    expect(rows.map((r) => r.maxMs)).toEqual([1000, 2000, 3000, 3500, 3500]);
    expect(rows.map((r) => r.capped)).toEqual([false, false, false, true, true]);
  });

  it('exponential: min(cap, base·factor^(n−1)) with the given factor and cap', () => {
    expect(schedule(shape('exponential', { capMs: 10_000 })).map((r) => r.maxMs)).toEqual([
      1000, 2000, 4000, 8000, 10_000,
    ]);
    const factor3 = schedule(shape('exponential', { factor: 3, baseMs: 100, maxAttempts: 5 }));
    expect(factor3.map((r) => r.minMs)).toEqual([100, 300, 900, 2700]);
    expect(factor3.map((r) => r.cumulativeMaxMs)).toEqual([100, 400, 1300, 4000]);
    const half = schedule(shape('exponential', { factor: 1.5, maxAttempts: 4 }));
    expect(half.map((r) => r.maxMs)).toEqual([1000, 1500, 2250]);
  });

  it('jitter: uniform(0, e), so min 0, max e and median e/2', () => {
    expect(triples(shape('jitter', { capMs: 5000 }))).toEqual([
      [0, 500, 1000],
      [0, 1000, 2000],
      [0, 2000, 4000],
      [0, 2500, 5000],
      [0, 2500, 5000],
    ]);
  });

  it('equal-jitter: e/2 + uniform(0, e/2), so min e/2, max e and median 3e/4', () => {
    expect(triples(shape('equal-jitter', { maxAttempts: 4, factor: 3 }))).toEqual([
      [500, 750, 1000],
      [1500, 2250, 3000],
      [4500, 6750, 9000],
    ]);
  });

  it('decorrelated: min base, max min(cap, 3·previous max), the median sampled', () => {
    const rows = schedule(shape('decorrelated', { capMs: 20_000 }));
    expect(rows.map((r) => [r.minMs, r.maxMs])).toEqual([
      [1000, 3000],
      [1000, 9000],
      [1000, 20_000],
      [1000, 20_000],
      [1000, 20_000],
    ]);
    expect(rows.map((r) => r.capped)).toEqual([false, false, true, true, true]);
    // Retry 1 is uniform(1s, 3s): the sampled median lands near its middle.
    expect(Math.abs(rows[0]!.medianMs - 2000)).toBeLessThan(150);
    const plan = planSchedule(shape('decorrelated'), { seed: 7 });
    expect(plan.sampled).toEqual({ samples: 1001, seed: 7 });
  });

  it('decorrelated: the median is the middle of the same seeded draws nextDelay makes', () => {
    const samples = 5;
    const random = seededRandom(3);
    const firstDraws = Array.from({ length: samples }, () => {
      const p = shape('decorrelated', { maxAttempts: 2 });
      return nextDelay(p, 1, p.baseMs, random).delayMs;
    }).sort((a, b) => a - b);
    const [row] = schedule(shape('decorrelated', { maxAttempts: 2 }), { samples, seed: 3 });
    expect(row!.medianMs).toBe(firstDraws[2]);
  });

  it('gives no rows for a single attempt', () => {
    expect(planSchedule(shape('jitter', { maxAttempts: 1 }))).toMatchObject({
      rows: [],
      worstCaseMs: 0,
    });
  });
});

describe('schedule: the deadline and the worst case', () => {
  it('leaves out the retries the deadline always prevents, and says where it cut', () => {
    // Waits 1, 2, 4, 8: the fourth would end at 15s, past a 10s deadline.
    const plan = planSchedule(shape('exponential', { maxAttempts: 10, deadlineMs: 10_000 }));
    expect(plan.rows.map((r) => r.retry)).toEqual([1, 2, 3]);
    expect(plan.cutByDeadline).toEqual({ retry: 4, earliestEndMs: 15_000 });
    expect(plan.worstCaseMs).toBe(7000);
  });

  it('a wait that would end exactly at the deadline is not started (as the engine does)', () => {
    const plan = planSchedule(shape('fixed', { maxAttempts: 10, deadlineMs: 3000 }));
    expect(plan.rows.map((r) => r.retry)).toEqual([1, 2]);
    expect(plan.cutByDeadline?.retry).toBe(3);
  });

  it('marks the retries where the deadline may bite at worst, counting --timeout', () => {
    const plan = planSchedule(
      shape('jitter', { maxAttempts: 6, deadlineMs: 20_000, timeoutMs: 5000 }),
    );
    // Latest end of wait n: Σ max + n·5s → 6s, 13s, 22s, 35s, 56s.
    expect(plan.rows.map((r) => r.deadlineMayEnd)).toEqual([false, false, true, true, true]);
    expect(plan.cutByDeadline).toBeUndefined();
    expect(plan).toMatchObject({
      worstCaseMs: 20_000,
      worstCaseIncludesAttempts: true,
      worstCaseBoundedByDeadline: true,
    });
  });

  it('counts waits only without --timeout, and every attempt at its timeout with it', () => {
    const waitsOnly = planSchedule(shape('linear', { maxAttempts: 4 }));
    expect(waitsOnly).toMatchObject({ worstCaseMs: 6000, worstCaseIncludesAttempts: false });
    const withAttempts = planSchedule(shape('linear', { maxAttempts: 4, timeoutMs: 2000 }));
    expect(withAttempts).toMatchObject({ worstCaseMs: 6000 + 4 * 2000 });
    expect(withAttempts.worstCaseIncludesAttempts).toBe(true);
  });
});

const arbitraryShape = fc.record({
  strategy: fc.constantFrom(...STRATEGY_NAMES),
  maxAttempts: fc.integer({ min: 1, max: 30 }),
  baseMs: fc.integer({ min: 0, max: 10_000 }),
  capMs: fc.integer({ min: 0, max: 120_000 }),
  factor: fc.double({ min: 1.01, max: 10, noNaN: true }),
  deadlineMs: fc.option(fc.integer({ min: 1, max: 600_000 }), { nil: undefined }),
  timeoutMs: fc.option(fc.integer({ min: 1, max: 60_000 }), { nil: undefined }),
});

describe('schedule: properties over any policy', () => {
  it('min ≤ median ≤ max ≤ cap, and the sums are running totals', () => {
    fc.assert(
      fc.property(arbitraryShape, (s) => {
        let sum = [0, 0, 0];
        for (const row of schedule(s, { samples: 51 })) {
          expect(row.minMs).toBeGreaterThanOrEqual(0);
          expect(row.minMs).toBeLessThanOrEqual(row.medianMs);
          expect(row.medianMs).toBeLessThanOrEqual(row.maxMs);
          expect(row.maxMs).toBeLessThanOrEqual(Math.max(s.capMs, 0));
          sum = [sum[0]! + row.minMs, sum[1]! + row.medianMs, sum[2]! + row.maxMs];
          expect([row.cumulativeMinMs, row.cumulativeMedianMs, row.cumulativeMaxMs]).toEqual(sum);
        }
      }),
    );
  });

  it('every delay nextDelay draws lies within its row', () => {
    fc.assert(
      fc.property(arbitraryShape, fc.integer({ min: 0, max: 2 ** 32 - 1 }), (s, seed) => {
        const random = seededRandom(seed);
        let previous = s.baseMs;
        for (const row of schedule({ ...s, deadlineMs: undefined }, { samples: 11 })) {
          const step = nextDelay(s, row.retry, previous, random);
          previous = step.previousMs;
          expect(step.delayMs).toBeGreaterThanOrEqual(row.minMs);
          expect(step.delayMs).toBeLessThanOrEqual(row.maxMs);
        }
      }),
    );
  });

  it('keeps exactly the retries whose shortest waits end before the deadline', () => {
    fc.assert(
      fc.property(arbitraryShape, (s) => {
        const plan = planSchedule(s, { samples: 11 });
        const all = planSchedule({ ...s, deadlineMs: undefined }, { samples: 11 }).rows;
        const kept = all.filter(
          (r) => s.deadlineMs === undefined || r.cumulativeMinMs < s.deadlineMs,
        );
        // The cut is a prefix: once the shortest waits pass the deadline, they stay past it.
        expect(plan.rows.map((r) => r.retry)).toEqual(kept.map((r) => r.retry));
        expect(plan.cutByDeadline !== undefined).toBe(kept.length < all.length);
        expect(plan.worstCaseMs).toBeLessThanOrEqual(s.deadlineMs ?? Infinity);
        const attempts = plan.rows.length + 1;
        const unbounded = (plan.rows.at(-1)?.cumulativeMaxMs ?? 0) + attempts * (s.timeoutMs ?? 0);
        expect(plan.worstCaseMs).toBe(Math.min(unbounded, s.deadlineMs ?? Infinity));
      }),
    );
  });

  it('is the same for the same seed', () => {
    const s = shape('decorrelated', { maxAttempts: 12 });
    expect(schedule(s, { seed: 9 })).toEqual(schedule(s, { seed: 9 }));
  });
});
