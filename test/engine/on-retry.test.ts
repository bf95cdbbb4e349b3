import { describe, expect, it } from 'vitest';
import type { Clock, Sleep } from '../../src/shared/clock.js';
import type { RetryEvent } from '../../src/engine/events.js';
import type { RetryHookContext, RetryHookResult } from '../../src/engine/hook.js';
import { retry } from '../../src/engine/retry.js';
import type { AttemptResult, Runner } from '../../src/engine/types.js';
import {
  normalizeConditions,
  normalizePolicy,
  type RawPolicyOptions,
} from '../../src/config/normalize.js';

/** Fake time; a runner of scripted results; a hook that records what it was told. */
function setup(
  results: Array<Partial<AttemptResult>>,
  raw: RawPolicyOptions,
  hook: (context: RetryHookContext) => Partial<RetryHookResult> & { takesMs?: number } = () => ({}),
) {
  let now = 0;
  const clock: Clock = { now: () => now };
  const sleep: Sleep = async (ms) => void (now += ms);
  const order: string[] = [];
  const contexts: RetryHookContext[] = [];
  let calls = 0;
  const runner: Runner = {
    description: 'scripted',
    async run({ attempt }) {
      order.push(`attempt ${attempt}`);
      const result = { ok: false, exitCode: 1, durationMs: 10, ...results[calls++] };
      now += result.durationMs;
      return result;
    },
  };
  const events: RetryEvent[] = [];
  const run = () =>
    retry({
      runner,
      policy: normalizePolicy({ strategy: 'fixed', base: '1s', ...raw }),
      conditions: normalizeConditions({}, 'command'),
      clock,
      sleep: async (ms, signal) => {
        order.push(`wait ${ms}`);
        await sleep(ms, signal);
      },
      onEvent: (event) => events.push(event),
      onRetry: async (context) => {
        order.push(`hook ${context.attempt}`);
        contexts.push(context);
        const { takesMs = 5, ...result } = hook(context);
        now += takesMs;
        return { ok: true, exitCode: 0, durationMs: takesMs, ...result };
      },
    });
  return { run, order, contexts, events };
}

describe('--on-retry in the retry loop', () => {
  it('runs after each failed attempt that will be retried, before the wait, never after the last', async () => {
    const { run, order } = setup([{ exitCode: 3 }, { exitCode: 4 }, { exitCode: 5 }], { max: '3' });
    const result = await run();
    expect(result).toMatchObject({ outcome: 'exhausted', exitCode: 5 });
    expect(order).toEqual([
      'attempt 1',
      'hook 1',
      'wait 1000',
      'attempt 2',
      'hook 2',
      'wait 1000',
      'attempt 3',
    ]);
  });

  it('tells the hook the failed attempt, the limit, its exit code and reason', async () => {
    const { run, contexts } = setup([{ exitCode: 3 }, { ok: true, exitCode: 0 }], { max: 'inf' });
    await run();
    expect(contexts).toHaveLength(1);
    expect(contexts[0]).toMatchObject({
      attempt: 1,
      maxAttempts: Infinity,
      exitCode: 3,
      reason: 'exit:3',
    });
  });

  it('does not run for a failure that is not retried, nor after a success', async () => {
    const { run, order } = setup([{ exitCode: 127 }], { max: '3' });
    await run();
    expect(order).toEqual(['attempt 1']);
  });

  it('goes on after a failing hook and reports it as an on-retry event', async () => {
    const { run, events } = setup([{}, { ok: true, exitCode: 0 }], {}, () => ({
      ok: false,
      exitCode: 9,
    }));
    const result = await run();
    expect(result.outcome).toBe('success');
    const hookEvents = events.filter((e) => e.event === 'on-retry');
    expect(hookEvents).toEqual([
      expect.objectContaining({ attempt: 1, result: expect.objectContaining({ exitCode: 9 }) }),
    ]);
  });

  it('is limited by --timeout, or by the time left before the deadline when that is shorter', async () => {
    const timed = setup([{}, { ok: true, exitCode: 0 }], { timeout: '2s', deadline: '1m' });
    await timed.run();
    expect(timed.contexts[0]!.timeLimit).toEqual({ ms: 2000, reason: 'timeout' });
    const late = setup([{ durationMs: 59_000 }], { deadline: '1m', base: '10ms' });
    await late.run();
    expect(late.contexts[0]!.timeLimit).toEqual({ ms: 1000, reason: 'deadline' });
  });

  it("counts the hook's time toward the deadline: no wait that would end past it", async () => {
    const { run, order } = setup([{ durationMs: 10 }], { deadline: '10s', base: '2s' }, () => ({
      takesMs: 9000,
    }));
    const result = await run();
    expect(result.outcome).toBe('deadline');
    expect(order).toEqual(['attempt 1', 'hook 1']);
  });

  it('ends the run as a deadline when the deadline ended the hook', async () => {
    const { run } = setup([{}], { deadline: '10s', base: '1ms' }, () => ({
      ok: false,
      exitCode: 124,
      timedOut: 'deadline',
      takesMs: 9990,
    }));
    const result = await run();
    expect(result).toMatchObject({ outcome: 'deadline', exitCode: 1 });
    expect(result.message).toContain('ended --on-retry');
  });
});
