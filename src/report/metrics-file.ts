import { readFile } from 'node:fs/promises';
import type { RetryEvent, SummaryEvent } from '../engine/events.js';
import { withFileLock } from '../store/file-lock.js';
import { resolveOutputTarget, writeOutput } from '../store/output-target.js';
import { renderLabels, renderValue, type Labels } from './exposition.js';
import type { Reporter } from './reporter.js';

type Kind = 'counter' | 'gauge';

/** The families of the textfile, in file order. Counters add up across runs; gauges are replaced. */
const FAMILIES: ReadonlyArray<{ name: string; kind: Kind; help: string }> = [
  {
    name: 'retry_run_runs_total',
    kind: 'counter',
    help: 'Runs of retry-run, by name and outcome.',
  },
  { name: 'retry_run_attempts_total', kind: 'counter', help: 'Attempts made, by name.' },
  {
    name: 'retry_run_waited_seconds_total',
    kind: 'counter',
    help: 'Time spent waiting between attempts, by name.',
  },
  { name: 'retry_run_last_run_timestamp_seconds', kind: 'gauge', help: 'When the last run ended.' },
  {
    name: 'retry_run_last_run_success',
    kind: 'gauge',
    help: '1 if the last run succeeded, else 0.',
  },
  { name: 'retry_run_last_run_attempts', kind: 'gauge', help: 'Attempts the last run made.' },
  {
    name: 'retry_run_last_run_duration_seconds',
    kind: 'gauge',
    help: 'How long the last run took, waits included.',
  },
  { name: 'retry_run_last_run_exit_code', kind: 'gauge', help: 'Exit code of the last run.' },
  {
    name: 'retry_run_budget_refused_total',
    kind: 'counter',
    help: 'Retries a retry budget refused (runs that ended budget-exhausted), by name and budget.',
  },
  {
    name: 'retry_run_breaker_state',
    kind: 'gauge',
    help: 'Circuit breaker state after the last run naming it: 1 for the current state.',
  },
];
const BREAKER_STATES = ['closed', 'open', 'half-open'] as const;

/** family → rendered labels → value: the whole file, as this module writes it. */
export type Samples = Map<string, Map<string, number>>;

/** The samples of this run's name, folded into those already in the file. */
export function updateSamples(
  previous: Samples,
  name: string,
  summary: SummaryEvent,
  breaker?: { name: string; state: string },
  budget?: string,
): Samples {
  const next: Samples = new Map([...previous].map(([family, series]) => [family, new Map(series)]));
  const set = (family: string, labels: Labels, value: number, add = false) => {
    const series = next.get(family) ?? new Map<string, number>();
    const key = renderLabels(labels);
    series.set(key, (add ? (series.get(key) ?? 0) : 0) + value);
    next.set(family, series);
  };
  set('retry_run_runs_total', { name, outcome: summary.outcome }, 1, true);
  set('retry_run_attempts_total', { name }, summary.attempts, true);
  set('retry_run_waited_seconds_total', { name }, summary.waitedMs / 1000, true);
  set('retry_run_last_run_timestamp_seconds', { name }, Date.parse(summary.time) / 1000);
  set('retry_run_last_run_success', { name }, summary.outcome === 'success' ? 1 : 0);
  set('retry_run_last_run_attempts', { name }, summary.attempts);
  set('retry_run_last_run_duration_seconds', { name }, summary.elapsedMs / 1000);
  set('retry_run_last_run_exit_code', { name }, summary.exitCode);
  // A run naming a budget writes its series even at 0, so that rate() sees the first refusal.
  if (budget !== undefined) {
    const refused = summary.outcome === 'budget-exhausted' ? 1 : 0;
    set('retry_run_budget_refused_total', { name, budget }, refused, true);
  }
  if (breaker) {
    for (const state of BREAKER_STATES) {
      set(
        'retry_run_breaker_state',
        { name: breaker.name, state },
        state === breaker.state ? 1 : 0,
      );
    }
  }
  return next;
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{.*\})? (\S+)$/;

/** Reads back a file this module wrote; lines of unknown families are dropped. */
export function parseSamples(text: string): Samples {
  const samples: Samples = new Map();
  const known = new Set(FAMILIES.map((f) => f.name));
  for (const line of text.split('\n')) {
    const match = SAMPLE.exec(line);
    if (!match || !known.has(match[1]!)) continue;
    const value = Number(match[3]);
    // This module writes finite numbers only; `1e400` (+Inf) or NaN was planted or damaged.
    if (!Number.isFinite(value)) continue;
    const series = samples.get(match[1]!) ?? new Map<string, number>();
    series.set(match[2] ?? '', value);
    samples.set(match[1]!, series);
  }
  return samples;
}

/**
 * Whether `text` may be replaced: empty, or a file this module wrote (it always starts with
 * the HELP line of a retry-run family). Anything else the user pointed at is left alone.
 */
export function isMetricsFileText(text: string): boolean {
  return text.trim() === '' || text.startsWith('# HELP retry_run_');
}

/** The Prometheus text format (0.0.4) that node_exporter's textfile collector reads. */
export function renderSamples(samples: Samples): string {
  const lines: string[] = [];
  for (const family of FAMILIES) {
    const series = samples.get(family.name);
    if (!series || series.size === 0) continue;
    lines.push(`# HELP ${family.name} ${family.help}`, `# TYPE ${family.name} ${family.kind}`);
    for (const key of [...series.keys()].sort()) {
      lines.push(`${family.name}${key} ${renderValue(series.get(key)!)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export interface MetricsFileOptions {
  path: string;
  name: string;
  /** The run's breaker and its state after the run, when the run names one. */
  breakerState?: () => Promise<{ name: string; state: string }>;
  /** The run's `--budget`, when it names one: its refusals are counted. */
  budget?: string;
  warn: (message: string) => void;
}

const LOCK = { staleMs: 10_000, timeoutMs: 5_000 };

/**
 * `--metrics-file`: after the run, the file is read, this name's series updated and the
 * whole file replaced by atomic rename, under a lock so concurrent runs lose no count. A link
 * is followed to the file it names; anything but a regular file is written through.
 */
export function createMetricsFileReporter(options: MetricsFileOptions): Reporter {
  let summary: SummaryEvent | undefined;
  return {
    onEvent(event: RetryEvent) {
      if (event.event === 'summary') summary = event;
    },
    async close() {
      if (!summary) return;
      const done = summary;
      // A store that cannot be read leaves the breaker gauge out; history has warned already.
      const breaker = await options.breakerState?.().catch(() => undefined);
      try {
        const target = await resolveOutputTarget(options.path);
        const update = async (previous: Samples) =>
          writeOutput(
            target,
            renderSamples(updateSamples(previous, options.name, done, breaker, options.budget)),
          );
        // Only a regular file holds earlier runs' counts; a device, FIFO or stdout gets this run's.
        if (target.kind !== 'regular') return await update(new Map());
        await withFileLock(`${target.path}.lock`, LOCK, async () =>
          update(await previousSamples(target.path)),
        );
      } catch (error) {
        options.warn(
          `could not write the metrics file ${options.path}: ${(error as Error).message}`,
        );
      }
    },
  };
}

/** The samples already in a file this module wrote; any other file is left alone. */
async function previousSamples(path: string): Promise<Samples> {
  const text = await readIfPresent(path);
  if (!isMetricsFileText(text)) {
    throw new Error('it is not a retry-run metrics file; left as it is');
  }
  return parseSamples(text);
}

async function readIfPresent(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
}
