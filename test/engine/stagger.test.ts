import { describe, expect, it } from 'vitest';
import type { RetryEvent } from '../../src/engine/events.js';
import { retry } from '../../src/engine/retry.js';
import { UsageError } from '../../src/shared/errors.js';
import { normalizeConditions, normalizePolicy } from '../../src/config/normalize.js';
import { seededRandom } from '../../src/backoff/random.js';

async function run(raw: Record<string, string>, succeedOn = 1) {
  let now = 0;
  let calls = 0;
  const sleeps: number[] = [];
  const events: RetryEvent[] = [];
  const result = await retry({
    runner: {
      description: 'scripted',
      run: async () => {
        now += 10;
        const ok = ++calls >= succeedOn;
        return { ok, exitCode: ok ? 0 : 1, durationMs: 10 };
      },
    },
    policy: normalizePolicy({ strategy: 'fixed', base: '1s', ...raw }),
    conditions: normalizeConditions({}, 'command'),
    clock: { now: () => now },
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    onEvent: (event) => events.push(event),
  });
  return { result, sleeps, events };
}

describe('--stagger', () => {
  it('waits a seeded random time in [0, stagger] before the first attempt, as a stagger wait', async () => {
    const { sleeps, events, result } = await run({ stagger: '10s', seed: '42' });
    const expected = Math.round(seededRandom(42)() * 10_000);
    expect(sleeps).toEqual([expected]);
    expect(events[1]).toMatchObject({
      event: 'wait',
      nextAttempt: 1,
      delayMs: expected,
      source: 'stagger',
    });
    expect(events[2]).toMatchObject({ event: 'attempt', attempt: 1 });
    expect(result).toMatchObject({ waitedMs: expected, elapsedMs: expected + 10 });
  });

  it('gives the same stagger for the same seed and stays within its range for any seed', async () => {
    for (let seed = 0; seed < 50; seed++) {
      const first = await run({ stagger: '3s', seed: String(seed) });
      const again = await run({ stagger: '3s', seed: String(seed) });
      expect(again.sleeps).toEqual(first.sleeps);
      expect(first.sleeps[0]).toBeGreaterThanOrEqual(0);
      expect(first.sleeps[0]).toBeLessThanOrEqual(3000);
    }
  });

  it('counts toward the deadline: less time is left for the attempts after it', async () => {
    const plain = await run({ max: 'inf', deadline: '30s' }, 100);
    const staggered = await run({ max: 'inf', stagger: '20s', seed: '3', deadline: '30s' }, 100);
    const stagger = Math.round(seededRandom(3)() * 20_000);
    expect(staggered.result.outcome).toBe('deadline');
    expect(staggered.result.elapsedMs).toBeLessThan(30_000);
    // Each further attempt costs 10ms and a 1s wait: the stagger's time is theirs no more.
    expect(plain.result.attempts - staggered.result.attempts).toBe(Math.floor(stagger / 1010));
  });

  it('must be shorter than the deadline', () => {
    expect(() => normalizePolicy({ stagger: '1m', deadline: '30s' })).toThrow(UsageError);
  });
});
