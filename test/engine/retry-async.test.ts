import { describe, expect, it } from 'vitest';
import type { Clock, Sleep } from '../../src/shared/clock.js';
import { retryAsync, type RetryInfo } from '../../src/engine/retry-async.js';
import { seededRandom } from '../../src/backoff/random.js';
import { nextDelay } from '../../src/backoff/strategies.js';

/** A clock that moves only when retryAsync sleeps or a test says so: no real waiting. */
function fakeTime() {
  let now = 1_000_000;
  const sleeps: number[] = [];
  const clock: Clock = { now: () => now };
  const sleep: Sleep = async (ms) => {
    sleeps.push(ms);
    now += ms;
  };
  return { clock, sleep, sleeps, advance: (ms: number) => (now += ms) };
}

/** Fails with `Error('fail N')` until attempt `failures + 1`, which returns `value`. */
function failing<T>(failures: number, value: T) {
  const attempts: number[] = [];
  const fn = async ({ attempt }: { attempt: number }) => {
    attempts.push(attempt);
    if (attempt <= failures) throw new Error(`fail ${attempt}`);
    return value;
  };
  return { fn, attempts };
}

describe('retryAsync', () => {
  it("resolves with fn's value once an attempt succeeds", async () => {
    const time = fakeTime();
    const { fn, attempts } = failing(2, { ok: true });
    await expect(retryAsync(fn, { ...time, baseMs: 100 })).resolves.toEqual({ ok: true });
    expect(attempts).toEqual([1, 2, 3]);
  });

  it('rejects with the last error, carrying the attempt count, when attempts run out', async () => {
    const time = fakeTime();
    const { fn } = failing(10, 'never');
    const error = await retryAsync(fn, { ...time, maxAttempts: 3, baseMs: 0 }).catch((e) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe('fail 3');
    expect(error.attempts).toBe(3);
  });

  it('waits as the engine does: the strategy chosen, under a seed', async () => {
    const time = fakeTime();
    const { fn } = failing(3, 'done');
    const options = { strategy: 'jitter', baseMs: 100, capMs: 10_000, factor: 2 } as const;
    await retryAsync(fn, { ...time, ...options, seed: 7 });
    const random = seededRandom(7);
    const policy = { ...options, maxAttempts: 5 };
    let previous = 100;
    const expected = [1, 2, 3].map((retry) => {
      const step = nextDelay(policy, retry, previous, random);
      previous = step.previousMs;
      return step.delayMs;
    });
    expect(time.sleeps).toEqual(expected);
  });

  it('stops at once when retryIf says no, with that error', async () => {
    const time = fakeTime();
    const seen: Array<[string, number]> = [];
    const { fn, attempts } = failing(5, 'never');
    const error = await retryAsync(fn, {
      ...time,
      baseMs: 0,
      retryIf: (e, attempt) => {
        seen.push([(e as Error).message, attempt]);
        return attempt < 2;
      },
    }).catch((e) => e);
    expect(error.message).toBe('fail 2');
    expect(error.attempts).toBe(2);
    expect(attempts).toEqual([1, 2]);
    expect(seen).toEqual([
      ['fail 1', 1],
      ['fail 2', 2],
    ]);
  });

  it('tells onRetry of each retry before its wait', async () => {
    const time = fakeTime();
    const infos: RetryInfo[] = [];
    const { fn } = failing(2, 'done');
    await retryAsync(fn, {
      ...time,
      strategy: 'fixed',
      baseMs: 250,
      maxAttempts: 4,
      onRetry: (info) => {
        expect(time.sleeps).toHaveLength(info.attempt - 1);
        infos.push(info);
      },
    });
    expect(
      infos.map(({ attempt, delayMs, maxAttempts }) => [attempt, delayMs, maxAttempts]),
    ).toEqual([
      [1, 250, 4],
      [2, 250, 4],
    ]);
    expect((infos[0]!.error as Error).message).toBe('fail 1');
  });

  it('gives up with the last error when the next wait would end at the deadline exactly', async () => {
    const time = fakeTime();
    const { fn, attempts } = failing(5, 'never');
    const options = { ...time, strategy: 'fixed', baseMs: 100, deadlineMs: 300 } as const;
    // Waits end at 100 and 200; the third would end at 300, leaving no time at all.
    const error = await retryAsync(fn, options).catch((e) => e);
    expect(attempts).toEqual([1, 2, 3]);
    expect(time.sleeps).toEqual([100, 100]);
    expect(error.message).toBe('fail 3');
    expect(error.attempts).toBe(3);
  });

  it('rejects with the abort reason when the signal aborts during a wait', async () => {
    const controller = new AbortController();
    const time = fakeTime();
    const sleep: Sleep = async (ms, signal) => {
      await time.sleep(ms, signal);
      controller.abort(new Error('stop'));
    };
    const { fn, attempts } = failing(5, 'never');
    const signals: AbortSignal[] = [];
    const error = await retryAsync(
      (attempt) => {
        signals.push(attempt.signal);
        return fn(attempt);
      },
      { clock: time.clock, sleep, baseMs: 10, signal: controller.signal },
    ).catch((e) => e);
    expect(error.message).toBe('stop');
    expect(attempts).toEqual([1]);
    expect(signals).toEqual([controller.signal]);
  });

  it('wraps a thrown non-Error, keeping it as the cause', async () => {
    const time = fakeTime();
    const error = await retryAsync(
      () => {
        throw 'plain text';
      },
      { ...time, maxAttempts: 1 },
    ).catch((e) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error.cause).toBe('plain text');
    expect(error.attempts).toBe(1);
  });

  it.each([
    [
      { maxAttempts: '4' },
      "maxAttempts: expected a whole number from 1 to 1000000, or Infinity (got the string '4')",
    ],
    [
      { maxAttempts: 0 },
      'maxAttempts: expected a whole number from 1 to 1000000, or Infinity (got 0)',
    ],
    [
      { baseMs: '250ms' },
      "baseMs: expected a number of milliseconds >= 0 (got the string '250ms')",
    ],
    [{ capMs: -1 }, 'capMs: expected a number of milliseconds >= 0 (got -1)'],
    [{ factor: 1 }, 'factor: expected a number greater than 1, at most 1000 (got 1)'],
    [
      { strategy: 'expo' },
      "strategy: expected one of fixed, linear, exponential, jitter, equal-jitter, decorrelated (got the string 'expo')",
    ],
    [{ seed: 1.5 }, 'seed: expected a whole number from 0 to 4294967295 (got 1.5)'],
    [{ deadlineMs: 0 }, 'deadlineMs: expected a number of milliseconds > 0 (got 0)'],
    [{ retryIf: true }, 'retryIf: expected a function (got true)'],
    [{ signal: 'abort' }, "signal: expected an AbortSignal (got the string 'abort')"],
  ])('checks its options first: %o', async (options, message) => {
    let called = false;
    const attempt = () => (called = true);
    await expect(retryAsync(attempt, options as never)).rejects.toThrow(message);
    expect(called).toBe(false);
  });
});
