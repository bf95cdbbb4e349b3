import { describe, expect, it } from 'vitest';
import { retry } from '../../src/engine/retry.js';
import type { Runner } from '../../src/engine/types.js';
import { normalizeConditions, normalizePolicy } from '../../src/config/normalize.js';

describe('Runner.afterAttempt', () => {
  it('hears each attempt classified (--until decides success) before it is reported', async () => {
    const log: string[] = [];
    let attempt = 0;
    const runner: Runner = {
      description: 'poll',
      run: async () => {
        attempt++;
        log.push(`run ${attempt}`);
        return {
          ok: true,
          exitCode: 0,
          durationMs: 1,
          stdoutTail: attempt < 3 ? 'waiting' : 'ready',
        };
      },
      afterAttempt: async (success) => {
        log.push(`after ${attempt}: ${success ? 'success' : 'failure'}`);
      },
    };
    const result = await retry({
      runner,
      policy: normalizePolicy({ base: '0' }),
      conditions: normalizeConditions({ until: ['output:/ready/'] }, 'command'),
      sleep: async () => {},
      onEvent: (event) => {
        if (event.event === 'attempt') log.push(`reported ${event.attempt}`);
      },
    });
    expect(result.outcome).toBe('success');
    expect(log).toEqual([
      'run 1',
      'after 1: failure',
      'reported 1',
      'run 2',
      'after 2: failure',
      'reported 2',
      'run 3',
      'after 3: success',
      'reported 3',
    ]);
  });
});
