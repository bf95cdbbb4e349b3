import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  admission,
  CLOSED,
  cooldownFactor,
  forceOpen,
  MAX_COOLDOWN_FACTOR,
  recordAttempt,
  startProbe,
  visibleState,
  type BreakerData,
  type BreakerSettings,
} from '../../src/breaker/state.js';

const settings: BreakerSettings = { threshold: 3, cooldownMs: 1000 };
const T0 = Date.UTC(2026, 0, 1);
const failure = { success: false, reason: 'exit:1', probe: false };
const success = { success: true, reason: 'exit:0', probe: false };

/** Feeds results one after another, the clock moving 10 ms per result. */
function feed(data: BreakerData, results: Array<typeof failure>, start = T0) {
  let now = start;
  const transitions: string[] = [];
  for (const outcome of results) {
    const next = recordAttempt(data, outcome, (now += 10), settings);
    if (next.transition) transitions.push(next.transition);
    data = next.data;
  }
  return { data, transitions, now };
}

describe('the breaker state machine', () => {
  it('stays closed below the threshold, and a success resets the count', () => {
    const { data } = feed(CLOSED, [failure, failure, success, failure, failure]);
    expect(data).toMatchObject({ state: 'closed', consecutiveFailures: 2 });
    expect(admission(data, T0)).toBe('pass');
  });

  it('opens on the threshold-th consecutive failure, for the cooldown', () => {
    const { data, transitions, now } = feed(CLOSED, [failure, failure, failure]);
    expect(transitions).toEqual(['opened']);
    expect(data).toMatchObject({ state: 'open', openedAt: now, closesAt: now + 1000 });
    expect(admission(data, now + 999)).toBe('refuse');
    expect(admission(data, now + 1000)).toBe('probe');
    expect(visibleState(data, now + 999)).toBe('open');
    expect(visibleState(data, now + 1000)).toBe('half-open');
  });

  it('half-open: the probe succeeding closes it and forgets the re-openings', () => {
    const { data: open, now } = feed(CLOSED, [failure, failure, failure]);
    const probing = startProbe(open, now + 1000);
    expect(probing).toMatchObject({ state: 'half-open', probeStartedAt: now + 1000 });
    const closed = recordAttempt(probing, { ...success, probe: true }, now + 1100, settings);
    expect(closed.transition).toBe('closed');
    expect(closed.data).toEqual({ ...CLOSED, lastFailure: 'exit:1', updatedAt: now + 1100 });
  });

  it('doubles the cooldown on each failed probe, up to 16 times', () => {
    let data = feed(CLOSED, [failure, failure, failure]).data;
    const cooldowns: number[] = [];
    for (let i = 0; i < 7; i++) {
      const now = data.closesAt!;
      data = startProbe(data, now);
      const next = recordAttempt(data, { ...failure, probe: true }, now, settings);
      expect(next.transition).toBe('reopened');
      data = next.data;
      cooldowns.push(data.closesAt! - now);
    }
    expect(cooldowns).toEqual([2000, 4000, 8000, 16000, 16000, 16000, 16000]);
    expect(cooldownFactor(100)).toBe(MAX_COOLDOWN_FACTOR);
  });

  it('counts failures of runs admitted earlier without extending the cooldown or ending a probe', () => {
    const { data: open, now } = feed(CLOSED, [failure, failure, failure]);
    const late = recordAttempt(open, failure, now + 500, settings);
    expect(late.transition).toBeUndefined();
    expect(late.data).toMatchObject({
      state: 'open',
      closesAt: open.closesAt,
      consecutiveFailures: 4,
    });
    const probing = startProbe(open, now + 1000);
    const other = recordAttempt(probing, failure, now + 1001, settings);
    expect(other.data.state).toBe('half-open');
  });

  it('a success from any run closes an open breaker', () => {
    const { data: open, now } = feed(CLOSED, [failure, failure, failure]);
    expect(recordAttempt(open, success, now + 1, settings)).toMatchObject({
      transition: 'closed',
      data: { state: 'closed', consecutiveFailures: 0 },
    });
  });

  it('startProbe changes nothing while it must refuse, or when closed', () => {
    const { data: open, now } = feed(CLOSED, [failure, failure, failure]);
    expect(startProbe(open, now + 1)).toBe(open);
    expect(startProbe(CLOSED, now)).toBe(CLOSED);
  });

  it('can be opened by hand for a given time', () => {
    const data = forceOpen(CLOSED, T0, 60_000);
    expect(data).toMatchObject({
      state: 'open',
      closesAt: T0 + 60_000,
      lastFailure: 'opened by hand',
    });
    expect(admission(data, T0 + 59_999)).toBe('refuse');
  });
});

/**
 * Any interleaving of results from any runs (probe or not), probe starts and clock moves
 * keeps the invariants: counts whole and non-negative, closed means nothing scheduled,
 * open means a cooldown of at most 16× the base, never refusing forever.
 */
describe('the breaker state machine under any interleaving', () => {
  const step = fc.oneof(
    fc.record({ kind: fc.constant('result' as const), success: fc.boolean(), probe: fc.boolean() }),
    fc.record({ kind: fc.constant('probe' as const) }),
    fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 0, max: 40_000 }) }),
  );

  it('keeps its invariants', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.array(step, { maxLength: 200 }),
        (threshold, cooldownMs, steps) => {
          const config = { threshold, cooldownMs };
          let data = CLOSED;
          let now = T0;
          let failuresSinceSuccess = 0;
          for (const s of steps) {
            if (s.kind === 'tick') now += s.ms;
            else if (s.kind === 'probe') data = startProbe(data, now);
            else {
              const probe = s.probe && data.state === 'half-open';
              const before = data;
              const next = recordAttempt(
                data,
                { success: s.success, reason: 'x', probe },
                now,
                config,
              );
              data = next.data;
              failuresSinceSuccess = s.success ? 0 : failuresSinceSuccess + 1;
              if (next.transition === 'opened') expect(before.state).toBe('closed');
              if (next.transition === 'reopened') expect(before.state).toBe('half-open');
              if (next.transition === 'closed') expect(before.state).not.toBe('closed');
            }
            expect(Number.isSafeInteger(data.consecutiveFailures)).toBe(true);
            expect(data.consecutiveFailures).toBe(failuresSinceSuccess);
            expect(data.reopenings).toBeGreaterThanOrEqual(0);
            if (data.state === 'closed') {
              expect(data).toMatchObject({ openedAt: null, closesAt: null, reopenings: 0 });
              expect(data.consecutiveFailures).toBeLessThan(threshold);
              expect(admission(data, now)).toBe('pass');
            } else {
              expect(data.closesAt! - data.openedAt!).toBeGreaterThanOrEqual(0);
              expect(data.closesAt! - data.openedAt!).toBeLessThanOrEqual(16 * cooldownMs);
              expect(data.consecutiveFailures).toBeGreaterThanOrEqual(threshold);
              // Never refuses forever: after the cooldown, a probe may go.
              expect(admission(data, data.closesAt!)).toBe('probe');
            }
            if (data.state === 'half-open') expect(data.probeStartedAt).not.toBeNull();
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
