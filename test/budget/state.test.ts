import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allowsRetry,
  fullBudget,
  recordAttempt,
  type BudgetSettings,
} from '../../src/budget/state.js';
import { retry } from '../../src/engine/retry.js';
import type { RetryBudgetGate } from '../../src/engine/retry-budget.js';
import { normalizeConditions, normalizePolicy } from '../../src/config/normalize.js';

const settingsArb = fc.record({
  maxTokens: fc.integer({ min: 1, max: 1000 }),
  ratio: fc.double({ min: 0.001, max: 10, noNaN: true }),
});

/** Runs of a fleet, interleaved: each step is one attempt of one run, failed or not. */
const stepsArb = fc.array(fc.record({ run: fc.nat(9), success: fc.boolean() }), {
  maxLength: 400,
});

describe('the retry budget state machine', () => {
  it('keeps the count in [0, max] and refuses retries exactly while count <= max/2', () => {
    fc.assert(
      fc.property(settingsArb, stepsArb, (settings: BudgetSettings, steps) => {
        let data = fullBudget(settings);
        for (const { success } of steps) {
          data = recordAttempt(data, success, settings);
          expect(data.tokens).toBeGreaterThanOrEqual(0);
          expect(data.tokens).toBeLessThanOrEqual(settings.maxTokens);
          expect(allowsRetry(data, settings)).toBe(data.tokens > settings.maxTokens / 2);
        }
      }),
    );
  });

  it('never refuses a first attempt: every run of a fleet on one budget makes one', async () => {
    const runsArb = fc.array(fc.array(fc.boolean(), { minLength: 1, maxLength: 6 }), {
      maxLength: 30,
    });
    await fc.assert(
      fc.asyncProperty(settingsArb, runsArb, async (settings: BudgetSettings, runs) => {
        let data = fullBudget(settings);
        const budget: RetryBudgetGate = {
          record: async (success) => {
            data = recordAttempt(data, success, settings);
            return allowsRetry(data, settings)
              ? { retryAllowed: true }
              : { retryAllowed: false, message: 'refused' };
          },
        };
        for (const outcomes of runs) {
          let calls = 0;
          let countBeforeLast = data.tokens;
          const result = await retry({
            runner: {
              description: 'scripted',
              run: async () => {
                countBeforeLast = data.tokens;
                const ok = outcomes[Math.min(calls++, outcomes.length - 1)]!;
                return { ok, exitCode: ok ? 0 : 1, durationMs: 1 };
              },
            },
            policy: normalizePolicy({ max: '6', base: '0' }),
            conditions: normalizeConditions({}, 'command'),
            sleep: async () => {},
            budget,
          });
          expect(result.attempts).toBeGreaterThanOrEqual(1);
          if (result.outcome === 'budget-exhausted') {
            expect(data.tokens).toBeLessThanOrEqual(settings.maxTokens / 2);
            expect(countBeforeLast).toBeGreaterThanOrEqual(data.tokens);
          }
        }
      }),
      { numRuns: 50 },
    );
  });

  it('follows gRPC A6: -1 per failure, +ratio per success, capped at max', () => {
    const settings = { maxTokens: 10, ratio: 0.1 };
    let data = fullBudget(settings);
    for (let i = 0; i < 5; i++) data = recordAttempt(data, false, settings);
    expect(data.tokens).toBe(5);
    expect(allowsRetry(data, settings)).toBe(false);
    data = recordAttempt(data, true, settings);
    expect(data.tokens).toBe(5.1);
    expect(allowsRetry(data, settings)).toBe(true);
    for (let i = 0; i < 100; i++) data = recordAttempt(data, true, settings);
    expect(data.tokens).toBe(10);
    for (let i = 0; i < 20; i++) data = recordAttempt(data, false, settings);
    expect(data.tokens).toBe(0);
  });
});
