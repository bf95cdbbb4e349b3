import type { HistoryRecord } from '../report/history-record.js';

/** What `retry-run stats` shows for one name (README, History). Rates are fractions in [0, 1]. */
export interface NameStats {
  name: string;
  runs: number;
  /** Runs that ended in success, at any attempt. */
  successRate: number;
  /** Runs whose first attempt succeeded. */
  firstAttemptSuccessRate: number;
  meanAttempts: number;
  p95Attempts: number;
  /** Time lost to waits between attempts, all runs together. */
  waitedMs: number;
  /** The most frequent failed-attempt reasons, most frequent first. */
  topReasons: Array<{ reason: string; count: number }>;
  /** Runs a retry budget cut short (outcome `budget-exhausted`): one refused retry each. */
  budgetRefused: number;
  lastRunAt: string;
  /** Share of runs that needed a retry or failed, per group of runs, oldest group first. */
  trend: number[];
}

export const TOP_REASONS = 3;
export const TREND_WIDTH = 12;

/**
 * Per-name statistics of the records that started at or after `since` (ms since the epoch),
 * sorted by flakiness (the share of runs whose first attempt did not succeed), highest
 * first; then by runs, then by name.
 */
export function computeStats(records: readonly HistoryRecord[], since = -Infinity): NameStats[] {
  const byName = new Map<string, HistoryRecord[]>();
  for (const record of records) {
    if (Date.parse(record.at) < since) continue;
    const list = byName.get(record.name) ?? [];
    list.push(record);
    byName.set(record.name, list);
  }
  return [...byName.entries()]
    .map(([name, list]) => statsOf(name, list))
    .sort((a, b) => flakiness(b) - flakiness(a) || b.runs - a.runs || a.name.localeCompare(b.name));
}

/** The share of runs that did not succeed at the first attempt. */
export function flakiness(stats: NameStats): number {
  return 1 - stats.firstAttemptSuccessRate;
}

function statsOf(name: string, unsorted: readonly HistoryRecord[]): NameStats {
  const runs = [...unsorted].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const count = runs.length;
  const reasons = new Map<string, number>();
  for (const run of runs) {
    for (const [reason, n] of Object.entries(run.failures)) {
      reasons.set(reason, (reasons.get(reason) ?? 0) + n);
    }
  }
  return {
    name,
    runs: count,
    successRate: runs.filter((r) => r.outcome === 'success').length / count,
    firstAttemptSuccessRate: runs.filter(firstTry).length / count,
    meanAttempts: runs.reduce((sum, r) => sum + r.attempts, 0) / count,
    p95Attempts: percentile(
      runs.map((r) => r.attempts),
      0.95,
    ),
    waitedMs: runs.reduce((sum, r) => sum + r.waitedMs, 0),
    topReasons: [...reasons]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, TOP_REASONS)
      .map(([reason, n]) => ({ reason, count: n })),
    budgetRefused: runs.filter((r) => r.outcome === 'budget-exhausted').length,
    lastRunAt: runs[count - 1]!.at,
    trend: chunks(runs, TREND_WIDTH).map(
      (group) => 1 - group.filter(firstTry).length / group.length,
    ),
  };
}

const firstTry = (r: HistoryRecord) => r.outcome === 'success' && r.attempts === 1;

/** Nearest-rank percentile: the smallest value with at least `p` of the values at or below it. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

/** Splits `items`, in order, into at most `width` groups whose sizes differ by one at most. */
export function chunks<T>(items: readonly T[], width: number): T[][] {
  const groups = Math.min(width, items.length);
  return Array.from({ length: groups }, (_, i) =>
    items.slice(
      Math.floor((i * items.length) / groups),
      Math.floor(((i + 1) * items.length) / groups),
    ),
  );
}
