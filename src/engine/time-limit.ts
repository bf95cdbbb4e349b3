/** The limit on one process retry-run starts (an attempt, an --on-retry hook), and its cause. */
export interface TimeLimit {
  ms: number;
  reason: 'timeout' | 'deadline';
}

/** The shorter of --timeout and the time left before the deadline; none when neither is set. */
export function timeLimitFor(
  remainingMs: number | undefined,
  timeoutMs: number | undefined,
): TimeLimit | undefined {
  if (remainingMs !== undefined && (timeoutMs === undefined || remainingMs < timeoutMs))
    return { ms: remainingMs, reason: 'deadline' };
  return timeoutMs === undefined ? undefined : { ms: timeoutMs, reason: 'timeout' };
}
