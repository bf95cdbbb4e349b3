import { describe, expect, it } from 'vitest';
import { retry } from '../../src/engine/retry.js';
import type { RetryEvent, WaitEvent } from '../../src/engine/events.js';
import type { AttemptResult, Runner } from '../../src/engine/types.js';
import { normalizeConditions, normalizePolicy } from '../../src/config/normalize.js';
import type { RawPolicyOptions } from '../../src/config/normalize.js';

/** A runner that answers 503 with the given server wait, then 200; time is a fake clock. */
function scenario(serverWaitMs: number, raw: RawPolicyOptions) {
  let now = 0;
  const events: RetryEvent[] = [];
  const results: AttemptResult[] = [
    { ok: false, status: 503, exitCode: 22, durationMs: 0, serverWaitMs },
    { ok: true, status: 200, exitCode: 0, durationMs: 0 },
  ];
  const runner: Runner = { description: 'GET /', run: async () => results.shift()! };
  const run = retry({
    runner,
    policy: normalizePolicy({ strategy: 'fixed', base: '1s', ...raw }),
    conditions: normalizeConditions({}, 'http'),
    clock: { now: () => now },
    sleep: async (ms) => {
      now += ms;
    },
    onEvent: (event) => events.push(event),
  });
  const waits = () => events.filter((e): e is WaitEvent => e.event === 'wait');
  return { run, waits };
}

// test/engine/retry.test.ts covers --max-server-wait and --no-server-wait.
describe('server-directed waits in the engine', () => {
  it('waits the longer of the strategy and the server, marked source server', async () => {
    const { run, waits } = scenario(5000, {});
    expect((await run).outcome).toBe('success');
    expect(waits()).toMatchObject([{ delayMs: 5000, source: 'server', nextAttempt: 2 }]);
  });

  it('waits what Retry-After asks on its own, when the strategy waits nothing', async () => {
    const { run, waits } = scenario(3000, { base: '0' });
    const result = await run;
    expect(result).toMatchObject({ outcome: 'success', attempts: 2, waitedMs: 3000 });
    expect(waits()).toMatchObject([{ delayMs: 3000, source: 'server', nextAttempt: 2 }]);
  });

  it('keeps the strategy delay when the server asks for less', async () => {
    const { run, waits } = scenario(200, {});
    await run;
    expect(waits()).toMatchObject([{ delayMs: 1000, source: 'strategy' }]);
  });

  it('ends at once, without sleeping, when the server wait would pass the deadline', async () => {
    const { run, waits } = scenario(60_000, { deadline: '30s' });
    const result = await run;
    expect(waits()).toEqual([]);
    expect(result).toMatchObject({ outcome: 'deadline', attempts: 1, exitCode: 22, waitedMs: 0 });
    expect(result.message).toBe(
      'the wait of 1m the server asked for would pass the deadline of 30s',
    );
  });
});
