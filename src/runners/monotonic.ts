/**
 * Milliseconds on a monotonic clock, for measuring how long an attempt took. process.hrtime
 * rather than the `performance` global, which loads perf_hooks at a run's start.
 */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
