import { describe, expect, it } from 'vitest';
import { retry } from '../../src/engine/retry.js';
import { UsageError } from '../../src/shared/errors.js';
import { normalizeConditions, normalizePolicy } from '../../src/config/normalize.js';
import { planSchedule } from '../../src/backoff/schedule.js';

describe('--max inf', () => {
  it('reads inf and infinity in any case as no limit', () => {
    for (const text of ['inf', 'Infinity', ' INF ']) {
      expect(normalizePolicy({ max: text }).maxAttempts).toBe(Infinity);
    }
  });

  it('names inf among the valid values of a bad --max', () => {
    expect(() => normalizePolicy({ max: 'infinite' })).toThrow(UsageError);
    expect(() => normalizePolicy({ max: '0' })).toThrow(/--max.*or inf/);
  });

  it('keeps retrying past any finite count until an attempt succeeds', async () => {
    let now = 0;
    let calls = 0;
    const result = await retry({
      runner: {
        description: 'fails 40 times',
        run: async () => ({ ok: ++calls > 40, exitCode: calls > 40 ? 0 : 1, durationMs: 1 }),
      },
      policy: normalizePolicy({ max: 'inf', strategy: 'fixed', base: '1s' }),
      conditions: normalizeConditions({}, 'command'),
      clock: { now: () => now },
      sleep: async (ms) => void (now += ms),
    });
    expect(result).toMatchObject({ outcome: 'success', attempts: 41 });
  });

  it('gives a finite schedule preview, an infinite worst case, or the deadline as the bound', () => {
    const open = planSchedule(normalizePolicy({ max: 'inf', strategy: 'exponential' }));
    expect(open.unbounded).toBe(true);
    expect(open.rows.length).toBeGreaterThan(0);
    expect(open.rows.length).toBeLessThanOrEqual(60);
    expect(open.worstCaseMs).toBe(Infinity);
    const bounded = planSchedule(normalizePolicy({ max: 'inf', deadline: '5m' }));
    expect(bounded).toMatchObject({ worstCaseMs: 300_000, worstCaseBoundedByDeadline: true });
  });
});
