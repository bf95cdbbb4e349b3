import { formatDuration } from '../shared/duration.js';
import { isoTime } from '../shared/iso-time.js';
import { cooldownFactor, visibleState, type BreakerData, type Transition } from './state.js';
import type { BreakerState } from '../engine/events.js';

/** ISO 8601 to the second: what people read in logs and what `--format json` gives. */
export function isoSecond(ms: number): string {
  return isoTime(ms).replace(/\.\d{3}Z$/, 'Z');
}

/** One breaker as `breaker list|status --format json` shows it (README, Circuit breaker). */
export interface BreakerView {
  name: string;
  state: BreakerState;
  consecutiveFailures: number;
  openedAt: string | null;
  closesAt: string | null;
  lastFailure: string | null;
}

export function breakerView(name: string, data: BreakerData, now: number): BreakerView {
  return {
    name,
    state: visibleState(data, now),
    consecutiveFailures: data.consecutiveFailures,
    openedAt: data.openedAt === null ? null : isoSecond(data.openedAt),
    closesAt: data.closesAt === null ? null : isoSecond(data.closesAt),
    lastFailure: data.lastFailure,
  };
}

/** Why it is open: how many failures and the last one's reason. */
export function whyOpen(data: BreakerData): string {
  if (data.lastFailure === 'opened by hand') return 'opened by hand';
  const failures = `${data.consecutiveFailures} consecutive failure${data.consecutiveFailures === 1 ? '' : 's'}`;
  return data.lastFailure ? `${failures}, last ${data.lastFailure}` : failures;
}

/** When it lets a probe through: `at 12:00:30Z (in 24s)`, or `now`. */
function whenProbe(data: BreakerData, now: number): string {
  if (data.closesAt === null || data.closesAt <= now) return 'now';
  return `at ${isoSecond(data.closesAt)} (in ${formatDuration(data.closesAt - now)})`;
}

/** The line a refused run prints: since when, why, and when a probe may go. */
export function describeRefusal(data: BreakerData, now: number): string {
  const since = data.openedAt === null ? '' : ` since ${isoSecond(data.openedAt)}`;
  return `open${since} (${whyOpen(data)}); nothing run; it lets one probe through ${whenProbe(data, now)}`;
}

export function describeTransition(
  transition: Transition,
  data: BreakerData,
  now: number,
  probe: boolean,
): string {
  if (transition === 'closed')
    return probe ? 'the probe succeeded: closed' : 'an attempt succeeded: closed';
  const cooldown = formatDuration((data.closesAt ?? now) - now);
  if (transition === 'opened') {
    return `opened after ${whyOpen(data)}; no further attempt; one probe may go ${whenProbe(data, now)}`;
  }
  return `the probe failed (${data.lastFailure}): open again for ${cooldown} (cooldown ×${cooldownFactor(data.reopenings)}); next probe ${whenProbe(data, now)}`;
}
