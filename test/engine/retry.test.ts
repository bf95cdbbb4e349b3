import { describe, expect, it } from 'vitest';
import type { Clock, Sleep } from '../../src/shared/clock.js';
import type { RetryEvent } from '../../src/engine/events.js';
import { retry } from '../../src/engine/retry.js';
import type { AttemptContext, AttemptResult, Runner } from '../../src/engine/types.js';
import {
  normalizeConditions,
  normalizePolicy,
  type RawPolicyOptions,
} from '../../src/config/normalize.js';

/** A clock that only moves when the loop sleeps or an attempt "takes" time: no real waiting. */
function fakeTime(start = Date.UTC(2026, 0, 1)) {
  let now = start;
  const sleeps: number[] = [];
  const clock: Clock = { now: () => now };
  const sleep: Sleep = async (ms) => {
    sleeps.push(ms);
    now += ms;
  };
  return { clock, sleep, sleeps, advance: (ms: number) => (now += ms), elapsed: () => now - start };
}

/** A runner that replays scripted results, taking `durationMs` of fake time each. */
function scriptedRunner(results: Array<Partial<AttemptResult>>, advance: (ms: number) => void) {
  const contexts: AttemptContext[] = [];
  const runner: Runner = {
    description: 'scripted',
    async run(context) {
      contexts.push(context);
      const scripted = results[Math.min(contexts.length - 1, results.length - 1)]!;
      const result: AttemptResult = { ok: false, exitCode: 1, durationMs: 10, ...scripted };
      advance(result.durationMs);
      return result;
    },
  };
  return { runner, contexts };
}

function setup(results: Array<Partial<AttemptResult>>, raw: RawPolicyOptions = {}) {
  const time = fakeTime();
  const { runner, contexts } = scriptedRunner(results, time.advance);
  const events: RetryEvent[] = [];
  const run = (signal?: AbortSignal) =>
    retry({
      runner,
      policy: normalizePolicy({ strategy: 'exponential', base: '1s', ...raw }),
      conditions: normalizeConditions({}, 'command'),
      clock: time.clock,
      sleep: time.sleep,
      onEvent: (event) => events.push(event),
      ...(signal ? { signal } : {}),
    });
  return { run, time, contexts, events };
}

const fail = (exitCode = 1): Partial<AttemptResult> => ({ ok: false, exitCode });
const pass: Partial<AttemptResult> = { ok: true, exitCode: 0 };

describe('the retry loop', () => {
  it('retries until success, waiting the strategy delays between attempts', async () => {
    const { run, time, events } = setup([fail(), fail(), pass]);
    const result = await run();
    expect(result).toMatchObject({ outcome: 'success', attempts: 3, exitCode: 0, waitedMs: 3000 });
    expect(time.sleeps).toEqual([1000, 2000]);
    expect(events.map((e) => e.event)).toEqual([
      'start',
      'attempt',
      'wait',
      'attempt',
      'wait',
      'attempt',
      'summary',
    ]);
  });

  it('stops after --max attempts with the last exit code', async () => {
    const { run, time } = setup([fail(3)], { max: '4' });
    const result = await run();
    expect(result).toMatchObject({
      outcome: 'exhausted',
      attempts: 4,
      exitCode: 3,
      reason: 'exit:3',
    });
    expect(time.sleeps).toEqual([1000, 2000, 4000]);
  });

  it('ends at once on a --stop-on failure', async () => {
    const { run, time } = setup([fail(127)]);
    const result = await run();
    expect(result).toMatchObject({ outcome: 'stopped', attempts: 1, exitCode: 127 });
    expect(time.sleeps).toEqual([]);
  });

  it('tells each attempt its number and the maximum', async () => {
    const { run, contexts } = setup([fail(), pass], { max: '7' });
    await run();
    expect(contexts.map((c) => [c.attempt, c.maxAttempts])).toEqual([
      [1, 7],
      [2, 7],
    ]);
  });

  it('never begins a wait whose next attempt would start past the deadline', async () => {
    // Attempts take 10ms; waits 1s, 2s, 4s. With a 3.5s deadline the 4s wait must not start.
    const { run, time } = setup([fail()], { deadline: '3.5s', max: '10' });
    const result = await run();
    expect(result.outcome).toBe('deadline');
    expect(result.exitCode).toBe(1);
    expect(time.sleeps).toEqual([1000, 2000]);
    expect(result.message).toMatch(/would pass the deadline/);
  });

  it('bounds each attempt by what is left of the deadline, or by --timeout if smaller', async () => {
    const { run, contexts } = setup([fail()], {
      deadline: '10s',
      timeout: '3s',
      max: '4',
      strategy: 'fixed',
      base: '2s',
    });
    await run();
    expect(contexts.map((c) => c.timeLimit)).toEqual([
      { ms: 3000, reason: 'timeout' },
      { ms: 3000, reason: 'timeout' },
      { ms: 3000, reason: 'timeout' },
      { ms: 3000, reason: 'timeout' },
    ]);
    const tight = setup([fail()], { deadline: '2.5s', max: '4', strategy: 'fixed', base: '1s' });
    await tight.run();
    // Attempts start at 0, 1010 and 2020 ms; each may use what is left of the 2.5s.
    expect(tight.contexts.map((c) => c.timeLimit)).toEqual([
      { ms: 2500, reason: 'deadline' },
      { ms: 1490, reason: 'deadline' },
      { ms: 480, reason: 'deadline' },
    ]);
  });

  it('reports an attempt ended by the deadline as a deadline outcome', async () => {
    const { run } = setup([{ ok: false, exitCode: 124, timedOut: 'deadline' }], { deadline: '1s' });
    expect(await run()).toMatchObject({ outcome: 'deadline', exitCode: 124, attempts: 1 });
  });

  it('takes a longer server-directed wait, bounded by --max-server-wait', async () => {
    const { run, time, events } = setup(
      [{ ...fail(), serverWaitMs: 7000 }, { ...fail(), serverWaitMs: 600_000 }, pass],
      {
        maxServerWait: '1m',
      },
    );
    await run();
    expect(time.sleeps).toEqual([7000, 60_000]);
    expect(
      events.filter((e) => e.event === 'wait').map((e) => e.event === 'wait' && e.source),
    ).toEqual(['server', 'server']);
  });

  it('ignores server-directed waits with --no-server-wait', async () => {
    const { run, time } = setup([{ ...fail(), serverWaitMs: 7000 }, pass], { serverWait: false });
    await run();
    expect(time.sleeps).toEqual([1000]);
  });

  it.each([
    ['an attempt killed by the signal', { ok: false, exitCode: 143, signal: 'SIGTERM' }],
    // An interrupt wins even over a success: the user asked the run to stop (README, Signals).
    ['an attempt that traps the signal and succeeds', { ok: true, exitCode: 0 }],
  ])(
    'ends as interrupted, with the exit code the abort reason carries, after %s',
    async (_, outcome) => {
      const controller = new AbortController();
      const time = fakeTime();
      let attempts = 0;
      const runner: Runner = {
        description: 'x',
        async run() {
          attempts++;
          controller.abort({ signal: 'SIGTERM', exitCode: 143 });
          return { ...outcome, durationMs: 1 };
        },
      };
      const result = await retry({
        runner,
        policy: normalizePolicy({}),
        conditions: normalizeConditions({}, 'command'),
        clock: time.clock,
        sleep: time.sleep,
        signal: controller.signal,
      });
      expect(result).toMatchObject({ outcome: 'interrupted', exitCode: 143, attempts: 1 });
      expect(attempts).toBe(1);
      expect(time.sleeps).toEqual([]);
    },
  );

  it('does not report an attempt cut short by an interruption to the gate', async () => {
    const controller = new AbortController();
    const time = fakeTime();
    const recorded: boolean[] = [];
    const result = await retry({
      runner: {
        description: 'x',
        async run() {
          controller.abort({ signal: 'SIGINT', exitCode: 130 });
          return { ok: false, exitCode: 130, signal: 'SIGINT', durationMs: 1 };
        },
      },
      policy: normalizePolicy({}),
      conditions: normalizeConditions({}, 'command'),
      clock: time.clock,
      sleep: time.sleep,
      signal: controller.signal,
      gate: {
        admit: async () => ({ allowed: true }),
        record: async (success) => {
          recorded.push(success);
          return undefined;
        },
      },
    });
    expect(result).toMatchObject({ outcome: 'interrupted', exitCode: 130 });
    expect(recorded).toEqual([]);
  });

  it('asks the gate before each attempt and ends as circuit-open when refused', async () => {
    const time = fakeTime();
    const { runner, contexts } = scriptedRunner([fail()], time.advance);
    const recorded: boolean[] = [];
    let admitted = 0;
    const result = await retry({
      runner,
      policy: normalizePolicy({ base: '0' }),
      conditions: normalizeConditions({}, 'command'),
      clock: time.clock,
      sleep: time.sleep,
      gate: {
        async admit() {
          return ++admitted <= 2
            ? { allowed: true }
            : {
                allowed: false,
                notice: { name: 'db', state: 'open', message: 'open after 2 failures' },
              };
        },
        async record(success) {
          recorded.push(success);
          return undefined;
        },
      },
    });
    expect(contexts).toHaveLength(2);
    expect(recorded).toEqual([false, false]);
    expect(result).toMatchObject({ outcome: 'circuit-open', exitCode: 1, attempts: 2 });
  });

  it('exits 75 when the gate refuses the very first attempt', async () => {
    const time = fakeTime();
    const { runner, contexts } = scriptedRunner([pass], time.advance);
    const result = await retry({
      runner,
      policy: normalizePolicy({}),
      conditions: normalizeConditions({}, 'command'),
      clock: time.clock,
      sleep: time.sleep,
      gate: {
        admit: async () => ({
          allowed: false,
          notice: { name: 'db', state: 'open', message: 'open' },
        }),
        record: async () => undefined,
      },
    });
    expect(contexts).toHaveLength(0);
    expect(result).toMatchObject({ outcome: 'circuit-open', exitCode: 75, attempts: 0 });
  });

  it('stamps events with the injected clock', async () => {
    const { run, events } = setup([pass]);
    await run();
    expect(events[0]!.time).toBe('2026-01-01T00:00:00.000Z');
  });
});

describe('interrupts and the deadline (README, Signals)', () => {
  it('starts no attempt once a late wait has carried the run past the deadline', async () => {
    const time = fakeTime();
    const { runner, contexts } = scriptedRunner([fail(6)], time.advance);
    // The wait may begin (10ms + 900ms < 1s) but its timer fires late, at 1.01s.
    const lateSleep: Sleep = async (ms) => void time.advance(ms + 100);
    const result = await retry({
      runner,
      policy: normalizePolicy({ strategy: 'fixed', base: '900ms', deadline: '1s' }),
      conditions: normalizeConditions({}, 'command'),
      clock: time.clock,
      sleep: lateSleep,
    });
    expect(contexts).toHaveLength(1);
    expect(result).toMatchObject({ outcome: 'deadline', exitCode: 6, attempts: 1 });
    expect(result.message).toMatch(/passed before attempt 2/);
  });

  // The boundary: with exactly no time left, no attempt starts and no wait begins.
  it('starts no attempt when a late wait lands exactly on the deadline', async () => {
    const time = fakeTime();
    const { runner, contexts } = scriptedRunner([{ ...fail(6), durationMs: 0 }], time.advance);
    const lateSleep: Sleep = async (ms) => void time.advance(ms + 500);
    const result = await retry({
      runner,
      policy: { strategy: 'fixed', baseMs: 500, deadlineMs: 1000 },
      clock: time.clock,
      sleep: lateSleep,
    });
    expect(contexts).toHaveLength(1);
    expect(result).toMatchObject({ outcome: 'deadline', exitCode: 6, attempts: 1 });
    expect(result.message).toBe('the deadline of 1s passed before attempt 2');
  });

  it('begins no wait that would end exactly at the deadline', async () => {
    const time = fakeTime();
    const { runner, contexts } = scriptedRunner([{ ...fail(6), durationMs: 0 }], time.advance);
    const result = await retry({
      runner,
      policy: { strategy: 'fixed', baseMs: 1000, deadlineMs: 2000, maxAttempts: 5 },
      clock: time.clock,
      sleep: time.sleep,
    });
    expect(time.sleeps).toEqual([1000]);
    expect(contexts).toHaveLength(2);
    expect(result).toMatchObject({ outcome: 'deadline', attempts: 2 });
    expect(result.message).toBe('the next wait of 1s would pass the deadline of 2s');
  });

  it('a signal during a real wait ends the run at once', async () => {
    const controller = new AbortController();
    const { runner, contexts } = scriptedRunner([fail()], () => {});
    // An hour-long wait on the real sleep: only the abort lets this test finish.
    const result = await retry({
      runner,
      policy: normalizePolicy({ strategy: 'fixed', base: '1h', cap: '1h' }),
      conditions: normalizeConditions({}, 'command'),
      signal: controller.signal,
      onEvent: (event) => {
        if (event.event === 'wait') controller.abort({ signal: 'SIGTERM', exitCode: 143 });
      },
    });
    expect(contexts).toHaveLength(1);
    expect(result).toMatchObject({ outcome: 'interrupted', exitCode: 143, attempts: 1 });
  });
});
