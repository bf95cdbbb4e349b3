import type { BreakerState } from '../engine/events.js';

/**
 * A circuit breaker as plain data (README, Circuit breaker), exactly what the state store keeps per name.
 * Times are wall-clock ms; every function here is pure and is handed `now`.
 */
export interface BreakerData {
  state: BreakerState;
  consecutiveFailures: number;
  /** When it last opened (or re-opened); null while closed. */
  openedAt: number | null;
  /** While open or half-open: when the cooldown ends and one probe may go. */
  closesAt: number | null;
  /** Re-openings since it last closed: the cooldown is base × 2^reopenings, at most 16×. */
  reopenings: number;
  /** The reason of the last failed attempt (`exit:1`, `status:503`, …), or why it was opened. */
  lastFailure: string | null;
  /** Half-open: when the probe started. */
  probeStartedAt: number | null;
  updatedAt: number;
}

/** When a breaker opens, and for how long. */
export interface BreakerSettings {
  /** Consecutive failed attempts that open it (≥ 1). */
  threshold: number;
  /** The first cooldown; it doubles on each re-open, up to MAX_COOLDOWN_FACTOR times. */
  cooldownMs: number;
}

export const MAX_COOLDOWN_FACTOR = 16;

export const CLOSED: BreakerData = Object.freeze({
  state: 'closed',
  consecutiveFailures: 0,
  openedAt: null,
  closesAt: null,
  reopenings: 0,
  lastFailure: null,
  probeStartedAt: null,
  updatedAt: 0,
});

/**
 * What a run may do now. `probe`: the cooldown is over and this run may be the one probe —
 * if it wins the probe lease (at most one holder across all processes).
 */
export type Admission = 'pass' | 'refuse' | 'probe';

export function admission(data: BreakerData, now: number): Admission {
  if (data.state === 'closed') return 'pass';
  if (data.state === 'open' && data.closesAt !== null && now < data.closesAt) return 'refuse';
  return 'probe';
}

/** The lease winner starts its probe: open (cooldown over) or half-open → half-open. */
export function startProbe(data: BreakerData, now: number): BreakerData {
  if (admission(data, now) !== 'probe') return data;
  return { ...data, state: 'half-open', probeStartedAt: now, updatedAt: now };
}

export type Transition = 'opened' | 'reopened' | 'closed';

export interface AttemptOutcome {
  success: boolean;
  /** The failure's reason token (`exit:1`); ignored for a success. */
  reason: string;
  /** Whether this attempt was the half-open probe. */
  probe: boolean;
}

/**
 * Counts one attempt's result. A success closes the breaker from any state (the dependency
 * evidently works). A failure counts; in closed, the threshold-th consecutive one opens it;
 * the probe's failure re-opens it with a doubled cooldown. Failures of runs admitted before
 * it opened count, but neither extend the cooldown nor cancel a probe.
 */
export function recordAttempt(
  data: BreakerData,
  outcome: AttemptOutcome,
  now: number,
  settings: BreakerSettings,
): { data: BreakerData; transition?: Transition } {
  if (outcome.success) {
    const closed: BreakerData = { ...CLOSED, lastFailure: data.lastFailure, updatedAt: now };
    return data.state === 'closed' ? { data: closed } : { data: closed, transition: 'closed' };
  }
  const failed: BreakerData = {
    ...data,
    consecutiveFailures: data.consecutiveFailures + 1,
    lastFailure: outcome.reason,
    updatedAt: now,
  };
  if (data.state === 'closed' && failed.consecutiveFailures >= settings.threshold) {
    return { data: openFor(failed, now, settings.cooldownMs, 0), transition: 'opened' };
  }
  if (data.state === 'half-open' && outcome.probe) {
    const reopenings = data.reopenings + 1;
    const ms = settings.cooldownMs * cooldownFactor(reopenings);
    return { data: openFor(failed, now, ms, reopenings), transition: 'reopened' };
  }
  return { data: failed };
}

/** Opens it by hand (`retry-run breaker open <name> --for d`). */
export function forceOpen(data: BreakerData, now: number, forMs: number): BreakerData {
  return openFor({ ...data, lastFailure: 'opened by hand', updatedAt: now }, now, forMs, 0);
}

export function cooldownFactor(reopenings: number): number {
  return Math.min(MAX_COOLDOWN_FACTOR, 2 ** reopenings);
}

function openFor(data: BreakerData, now: number, ms: number, reopenings: number): BreakerData {
  return {
    ...data,
    state: 'open',
    openedAt: now,
    closesAt: now + ms,
    reopenings,
    probeStartedAt: null,
  };
}

/**
 * The state a person should see: an open breaker whose cooldown is over lets the next run
 * probe, so it is shown as half-open.
 */
export function visibleState(data: BreakerData, now: number): BreakerState {
  return data.state === 'open' && admission(data, now) === 'probe' ? 'half-open' : data.state;
}

/** Checks a stored value is a breaker; anything else is a corrupt store. */
export function isBreakerData(value: unknown): value is BreakerData {
  const v = value as Partial<BreakerData> | null;
  const time = (t: unknown) => t === null || (typeof t === 'number' && Number.isFinite(t));
  return (
    typeof v === 'object' &&
    v !== null &&
    (v.state === 'closed' || v.state === 'open' || v.state === 'half-open') &&
    Number.isSafeInteger(v.consecutiveFailures) &&
    v.consecutiveFailures! >= 0 &&
    Number.isSafeInteger(v.reopenings) &&
    v.reopenings! >= 0 &&
    time(v.openedAt) &&
    time(v.closesAt) &&
    time(v.probeStartedAt) &&
    (v.lastFailure === null || typeof v.lastFailure === 'string') &&
    typeof v.updatedAt === 'number'
  );
}
