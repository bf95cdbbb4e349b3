import type { Style } from '../report/style.js';
import { formatDuration } from '../shared/duration.js';
import { sampleLine, type Labels } from '../report/exposition.js';
import type { NameStats } from './stats.js';

export const STATS_FORMATS = ['table', 'json', 'openmetrics'] as const;
export type StatsFormat = (typeof STATS_FORMATS)[number];

const BARS = '▁▂▃▄▅▆▇█';

/** `▁▁▃█`: one bar per group of runs, from none to all of them needing a retry. */
export function sparkline(trend: readonly number[]): string {
  return trend
    .map((v) => BARS[Math.round(Math.min(1, Math.max(0, v)) * (BARS.length - 1))])
    .join('');
}

const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`;

/** A column of the table: its title, and its cell for one name. */
type Column = [string, (s: NameStats) => string];

/** Fewer columns of failure reasons than this, and the trend makes room for them. */
const MIN_REASONS_COLUMNS = 12;
const columnsOf = (text: string) => Array.from(text).length;

/**
 * The table a person reads: one row per name, flakiest first, within `width` columns: too
 * wide, it cuts the failure reasons short, and drops the trend if they would keep too little
 * (README "History and `retry-run stats`").
 */
export function renderTable(stats: readonly NameStats[], style: Style, width = 80): string {
  // `refused` only when a retry budget refused a retry in the window: most runs use none.
  const refused = stats.some((s) => s.budgetRefused > 0);
  const columns: Column[] = [
    ['name', (s) => s.name],
    ['runs', (s) => String(s.runs)],
    ['success', (s) => percent(s.successRate)],
    ['first try', (s) => percent(s.firstAttemptSuccessRate)],
    ['attempts mean/p95', (s) => `${s.meanAttempts.toFixed(2)} / ${s.p95Attempts}`],
    ['waited', (s) => formatDuration(s.waitedMs)],
    ...(refused ? [['refused', (s) => String(s.budgetRefused)] as Column] : []),
    ['trend', (s) => sparkline(s.trend)],
    ['top failures', (s) => s.topReasons.map((r) => `${r.reason} ×${r.count}`).join(', ') || '-'],
  ];
  const header = columns.map(([title]) => title);
  const rows = stats.map((s) => columns.map(([, cell]) => cell(s)));
  const widths = header.map((h, i) =>
    Math.max(columnsOf(h), ...rows.map((row) => columnsOf(row[i]!))),
  );
  const trendColumn = header.indexOf('trend');
  const reasonsColumn = header.indexOf('top failures');
  const leftAligned = new Set([0, trendColumn, reasonsColumn]);
  const line = (cells: string[], shown: (i: number) => boolean) =>
    cells
      .map((cell, i) => {
        const pad = ' '.repeat(widths[i]! - columnsOf(cell));
        return leftAligned.has(i) ? cell + pad : pad + cell;
      })
      .filter((_, i) => shown(i))
      .join('  ')
      .trimEnd();
  const linesShowing = (shown: (i: number) => boolean) =>
    [header, ...rows].map((cells) => line(cells, shown));
  // The reasons, last, may be cut short; the trend goes when that would leave them too little.
  const reasonsStart = widths.slice(0, reasonsColumn).reduce((sum, w) => sum + w + 2, 0);
  const keepTrend = reasonsStart + Math.min(MIN_REASONS_COLUMNS, widths[reasonsColumn]!) <= width;
  const lines = linesShowing((i) => keepTrend || i !== trendColumn);
  const fitted = lines.map((text) =>
    columnsOf(text) > width
      ? `${Array.from(text)
          .slice(0, width - 1)
          .join('')}…`
      : text,
  );
  return [style.bold(fitted[0]!), ...fitted.slice(1)].join('\n') + '\n';
}

const round = (value: number, digits = 4) => Number(value.toFixed(digits));

/** README, History: an array of objects with the documented fields (plus `lastRunAt` and `trend`). */
export function renderJson(stats: readonly NameStats[]): string {
  const objects = stats.map((s) => ({
    name: s.name,
    runs: s.runs,
    successRate: round(s.successRate),
    firstAttemptSuccessRate: round(s.firstAttemptSuccessRate),
    meanAttempts: round(s.meanAttempts),
    p95Attempts: s.p95Attempts,
    waitedMs: s.waitedMs,
    topReasons: s.topReasons,
    budgetRefused: s.budgetRefused,
    lastRunAt: s.lastRunAt,
    trend: s.trend.map((v) => round(v)),
  }));
  return `${JSON.stringify(objects, null, 2)}\n`;
}

interface Family {
  name: string;
  unit?: string;
  help: string;
  samples: (s: NameStats) => Array<[Labels, number]>;
}

const FAMILIES: Family[] = [
  {
    name: 'retry_run_history_runs',
    help: 'Runs recorded in the window.',
    samples: (s) => [[{}, s.runs]],
  },
  {
    name: 'retry_run_history_success_ratio',
    unit: 'ratio',
    help: 'Share of runs that succeeded, at any attempt.',
    samples: (s) => [[{}, s.successRate]],
  },
  {
    name: 'retry_run_history_first_attempt_success_ratio',
    unit: 'ratio',
    help: 'Share of runs whose first attempt succeeded.',
    samples: (s) => [[{}, s.firstAttemptSuccessRate]],
  },
  {
    name: 'retry_run_history_attempts_mean',
    help: 'Mean attempts per run.',
    samples: (s) => [[{}, s.meanAttempts]],
  },
  {
    name: 'retry_run_history_attempts_p95',
    help: '95th percentile of attempts per run (nearest rank).',
    samples: (s) => [[{}, s.p95Attempts]],
  },
  {
    name: 'retry_run_history_waited_seconds',
    unit: 'seconds',
    help: 'Time lost to waits between attempts.',
    samples: (s) => [[{}, s.waitedMs / 1000]],
  },
  {
    name: 'retry_run_history_failures',
    help: 'Failed attempts by reason (the most frequent reasons).',
    samples: (s) => s.topReasons.map((r) => [{ reason: r.reason }, r.count]),
  },
  {
    name: 'retry_run_history_budget_refused',
    help: 'Runs a retry budget cut short by refusing a retry (outcome budget-exhausted).',
    samples: (s) => [[{}, s.budgetRefused]],
  },
  {
    name: 'retry_run_history_last_run_timestamp_seconds',
    unit: 'seconds',
    help: 'When the newest run in the window started.',
    samples: (s) => [[{}, Date.parse(s.lastRunAt) / 1000]],
  },
];

/** OpenMetrics text: one gauge family per figure, a `name` label per run name, `# EOF`. */
export function renderOpenMetrics(stats: readonly NameStats[]): string {
  const lines: string[] = [];
  for (const family of FAMILIES) {
    lines.push(`# TYPE ${family.name} gauge`);
    if (family.unit) lines.push(`# UNIT ${family.name} ${family.unit}`);
    lines.push(`# HELP ${family.name} ${family.help}`);
    for (const s of stats) {
      for (const [labels, value] of family.samples(s)) {
        lines.push(sampleLine(family.name, { name: s.name, ...labels }, value));
      }
    }
  }
  lines.push('# EOF');
  return `${lines.join('\n')}\n`;
}

export function renderStats(
  stats: readonly NameStats[],
  format: StatsFormat,
  style: Style,
  width?: number,
): string {
  if (format === 'json') return renderJson(stats);
  if (format === 'openmetrics') return renderOpenMetrics(stats);
  return renderTable(stats, style, width);
}
