import { describe, expect, it } from 'vitest';
import { retry } from '../../src/engine/retry.js';
import type { AttemptResult, Runner } from '../../src/engine/types.js';
import { DEFAULTS } from '../../src/shared/defaults.js';
import { resolveConditions, resolvePolicy } from '../../src/engine/options.js';
import { normalizeConditions, normalizePolicy } from '../../src/config/normalize.js';

const tokens = (list: ReadonlyArray<{ token: string }>) => list.map((c) => c.token);

describe('the library takes values, not CLI strings', () => {
  it('fills the defaults of a policy given in part', () => {
    const policy = resolvePolicy({ maxAttempts: 4, baseMs: 250 });
    expect(policy).toMatchObject({
      strategy: DEFAULTS.strategy,
      maxAttempts: 4,
      baseMs: 250,
      capMs: DEFAULTS.capMs,
      factor: DEFAULTS.factor,
      killAfterMs: DEFAULTS.killAfterMs,
      serverWait: true,
    });
  });

  it('keeps a policy the CLI built exactly as it is', () => {
    const cli = normalizePolicy({ max: '7', base: '2s', seed: '3', deadline: '1m', timeout: '5s' });
    expect(resolvePolicy(cli)).toEqual(cli);
    const conditions = normalizeConditions({ retryOn: ['503'] }, 'http');
    expect(resolveConditions(conditions)).toEqual(conditions);
  });

  it('takes Infinity attempts, as --max allows no limit', () => {
    expect(resolvePolicy({ maxAttempts: Infinity }).maxAttempts).toBe(Infinity);
  });

  it.each([
    [
      { maxAttempts: '4' },
      "policy.maxAttempts: expected a whole number from 1 to 1000000, or Infinity (got the string '4')",
    ],
    [
      { baseMs: '250ms' },
      "policy.baseMs: expected a number of milliseconds >= 0 (got the string '250ms')",
    ],
    [{ timeoutMs: 0 }, 'policy.timeoutMs: expected a number of milliseconds > 0 (got 0)'],
    [{ serverWait: 'no' }, "policy.serverWait: expected true or false (got the string 'no')"],
    [
      { strategy: 'Jitter' },
      "policy.strategy: expected one of fixed, linear, exponential, jitter, equal-jitter, decorrelated (got the string 'Jitter')",
    ],
  ])(
    'retry() rejects a bad policy value before any attempt, naming it: %o',
    async (policy, message) => {
      let attempts = 0;
      const runner: Runner = {
        description: 'counted',
        run: async () => (attempts++, { ok: true, exitCode: 0, durationMs: 0 }),
      };
      await expect(retry({ runner, policy: policy as never })).rejects.toThrow(message);
      expect(attempts).toBe(0);
    },
  );

  it('takes condition strings, RegExps and parsed conditions, with the mode defaults', () => {
    const given = resolveConditions({
      retryOn: ['exit:1-3,exit:75', /try again/i],
      until: 'stdout:/ready/',
    });
    expect(tokens(given.retryOn)).toEqual(['exit:1-3', 'exit:75', 'output:/try again/i']);
    expect(tokens(given.stopOn)).toEqual(['exit:126', 'exit:127']);
    expect(tokens(given.until)).toEqual(['stdout:/ready/']);
    const output = given.retryOn[2]!;
    expect(output.kind === 'output' && output.regex.test('please TRY AGAIN later')).toBe(true);
    expect(resolveConditions({ retryOn: given.retryOn }).retryOn).toEqual(given.retryOn);
    const http = resolveConditions({ defaults: 'http' });
    expect(tokens(http.retryOn)).toEqual(DEFAULTS.httpRetryOn.split(','));
    expect(http.stopOn).toEqual([]);
  });

  it.each([
    [{ retryOn: ['exit:1', 42] }, 'conditions.retryOn[1]: expected a condition string'],
    [{ retryOn: [/x/g] }, 'conditions.retryOn[0]: regular expression flags may only be i, m, s, u'],
    [{ stopOn: 'exit:300' }, "conditions.stopOn: 'exit:300' needs an exit code"],
    [{ until: [/up/], defaults: 'http' }, 'conditions.until: works in command mode only'],
    [
      { defaults: 'ftp' },
      "conditions.defaults: expected one of command, http (got the string 'ftp')",
    ],
  ])('retry() rejects a bad condition, naming the list: %o', async (conditions, message) => {
    const runner: Runner = {
      description: 'never',
      run: async (): Promise<AttemptResult> => {
        throw new Error('must not run');
      },
    };
    await expect(retry({ runner, conditions: conditions as never })).rejects.toThrow(message);
  });
});
