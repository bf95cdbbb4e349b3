import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HistoryRecord } from '../../src/report/history-record.js';
import { chunks, computeStats, percentile } from '../../src/stats/stats.js';

const T0 = Date.UTC(2026, 10, 1);
let clock = 0;
function run(name: string, attempts: number, extra: Partial<HistoryRecord> = {}): HistoryRecord {
  const failures: Record<string, number> = {};
  const failed = extra.outcome && extra.outcome !== 'success' ? attempts : attempts - 1;
  if (failed > 0) failures['exit:1'] = failed;
  return {
    v: 1,
    name,
    at: new Date(T0 + ++clock * 60_000).toISOString(),
    mode: 'command',
    outcome: 'success',
    attempts,
    elapsedMs: attempts * 100,
    waitedMs: (attempts - 1) * 1000,
    exitCode: 0,
    failures,
    ...extra,
  };
}

describe('computeStats and a retry budget', () => {
  it('counts the runs a budget cut short (one refused retry each)', () => {
    const history = [
      run('fleet', 1),
      run('fleet', 2, { outcome: 'budget-exhausted', exitCode: 1 }),
      run('fleet', 1, { outcome: 'budget-exhausted', exitCode: 1 }),
      run('fleet', 3, { outcome: 'exhausted', exitCode: 1 }),
    ];
    const [fleet] = computeStats(history);
    expect(fleet).toMatchObject({ name: 'fleet', runs: 4, budgetRefused: 2, successRate: 0.25 });
    expect(computeStats([run('lint', 1)])[0]!.budgetRefused).toBe(0);
  });
});

describe('computeStats on a known history', () => {
  // 20 runs of "api": 12 first-try successes, 6 that needed 2 attempts, one that needed 4,
  // and one that failed all 5 (2 of them timeouts).
  const api = [
    ...Array.from({ length: 12 }, () => run('api', 1)),
    ...Array.from({ length: 6 }, () => run('api', 2)),
    run('api', 4),
    run('api', 5, {
      outcome: 'exhausted',
      exitCode: 1,
      failures: { 'exit:1': 3, timeout: 2 },
      waitedMs: 4000,
    }),
  ];
  const stable = Array.from({ length: 5 }, () => run('lint', 1));
  const stats = computeStats([...stable, ...api]);

  it('counts runs and both success rates', () => {
    const s = stats.find((x) => x.name === 'api')!;
    expect(s.runs).toBe(20);
    expect(s.successRate).toBeCloseTo(19 / 20, 10);
    expect(s.firstAttemptSuccessRate).toBeCloseTo(12 / 20, 10);
  });

  it('computes mean and p95 attempts (nearest rank)', () => {
    const s = stats.find((x) => x.name === 'api')!;
    expect(s.meanAttempts).toBeCloseTo((12 + 12 + 4 + 5) / 20, 10);
    // Sorted attempts: twelve 1s, six 2s, 4, 5; rank ceil(0.95 × 20) = 19 → 4.
    expect(s.p95Attempts).toBe(4);
  });

  it('adds up the time lost to waits and ranks failure reasons', () => {
    const s = stats.find((x) => x.name === 'api')!;
    expect(s.waitedMs).toBe(6 * 1000 + 3000 + 4000);
    expect(s.topReasons).toEqual([
      { reason: 'exit:1', count: 6 + 3 + 3 },
      { reason: 'timeout', count: 2 },
    ]);
  });

  it('sorts the flakiest name first and draws its trend, oldest runs first', () => {
    expect(stats.map((s) => s.name)).toEqual(['api', 'lint']);
    const s = stats[0]!;
    expect(s.trend).toHaveLength(12);
    // The first 12 runs were clean; the later groups all needed retries.
    expect(s.trend.slice(0, 7)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(s.trend.at(-1)).toBe(1);
    expect(stats[1]!.trend).toEqual([0, 0, 0, 0, 0]);
  });

  it('only counts runs since the given time', () => {
    const since = Date.parse(api[15]!.at);
    const s = computeStats(api, since)[0]!;
    expect(s.runs).toBe(5);
    expect(s.firstAttemptSuccessRate).toBe(0);
    expect(s.lastRunAt).toBe(api[19]!.at);
  });

  it('counts a run the breaker refused (0 attempts) as a failed run', () => {
    const s = computeStats([
      run('db', 1),
      run('db', 0, { outcome: 'circuit-open', exitCode: 75, failures: {} }),
    ])[0]!;
    expect(s).toMatchObject({
      runs: 2,
      successRate: 0.5,
      firstAttemptSuccessRate: 0.5,
      meanAttempts: 0.5,
    });
  });
});

describe('percentile and chunks', () => {
  it('percentile is a value of the list and never falls as p grows', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 200 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, p, q) => {
          const [low, high] = p <= q ? [p, q] : [q, p];
          expect(values).toContain(percentile(values, low));
          expect(percentile(values, low)).toBeLessThanOrEqual(percentile(values, high));
          expect(percentile(values, 1)).toBe(Math.max(...values));
        },
      ),
    );
  });

  it('chunks keep every item in order, in at most `width` groups of near-equal size', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(), { maxLength: 100 }),
        fc.integer({ min: 1, max: 20 }),
        (items, width) => {
          const groups = chunks(items, width);
          expect(groups.flat()).toEqual(items);
          expect(groups.length).toBe(Math.min(width, items.length));
          const sizes = groups.map((g) => g.length);
          if (sizes.length > 0)
            expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});
