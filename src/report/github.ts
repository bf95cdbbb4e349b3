import type { AttemptEvent, RetryEvent, StartEvent, SummaryEvent } from '../engine/events.js';
import { formatDuration } from '../shared/duration.js';
import { writeOutputFile } from '../store/output-target.js';
import type { LineSink, Reporter } from './reporter.js';

/** Which runs append a GitHub Actions step summary (`--step-summary`). */
export const STEP_SUMMARY_MODES = ['always', 'retries', 'never'] as const;
export type StepSummaryMode = (typeof STEP_SUMMARY_MODES)[number];

export interface GitHubReporterOptions {
  /** Where workflow commands go: stderr, so stdout stays the command's. */
  sink: LineSink;
  name: string;
  /** A successful run that needed this many attempts or more is annotated as a warning. */
  warnAfter: number;
  /** `$GITHUB_STEP_SUMMARY`, if set: the markdown summary is appended there. */
  stepSummaryPath?: string;
  /** Which runs append a summary: by default only one that retried or failed. */
  stepSummary?: StepSummaryMode;
  warn: (message: string) => void;
}

/**
 * GitHub Actions (README, GitHub Actions): `::warning::` when a run needed retries, `::error::` on final
 * failure, and a markdown table of the attempts appended to the job's step summary.
 */
export function createGitHubReporter(options: GitHubReporterOptions): Reporter {
  let start: StartEvent | undefined;
  const attempts: Array<AttemptEvent & { waitAfterMs?: number }> = [];
  let summary: SummaryEvent | undefined;
  return {
    onEvent(event: RetryEvent) {
      if (event.event === 'start') start = event;
      if (event.event === 'attempt') attempts.push(event);
      if (event.event === 'wait' && attempts.length > 0) {
        attempts[attempts.length - 1]!.waitAfterMs = event.delayMs;
      }
      if (event.event === 'summary') {
        summary = event;
        const annotation = annotate(event, attempts, options);
        if (annotation) options.sink.write(`${annotation}\n`);
      }
    },
    async close() {
      if (!summary || !options.stepSummaryPath) return;
      if (!wantsStepSummary(options.stepSummary ?? 'retries', summary)) return;
      const markdown = stepSummary(options.name, start, attempts, summary);
      try {
        // A FIFO nobody reads is a warning, never a hang.
        await writeOutputFile(options.stepSummaryPath, markdown, { append: true });
      } catch (error) {
        options.warn(
          `could not append to GITHUB_STEP_SUMMARY (${options.stepSummaryPath}): ${(error as Error).message}`,
        );
      }
    },
  };
}

function wantsStepSummary(mode: StepSummaryMode, summary: SummaryEvent): boolean {
  if (mode === 'retries') return summary.attempts > 1 || summary.outcome !== 'success';
  return mode === 'always';
}

/** The workflow command for a run's end, or undefined when it needs none. */
export function annotate(
  summary: SummaryEvent,
  attempts: readonly AttemptEvent[],
  options: { name: string; warnAfter: number },
): string | undefined {
  const { name } = options;
  const title = `retry-run: ${name}`;
  const plural = (n: number) => `${n} attempt${n === 1 ? '' : 's'}`;
  if (summary.outcome !== 'success') {
    const reason = summary.reason ? ` (${summary.reason})` : '';
    const text = `${name}: ${summary.outcome} after ${plural(summary.attempts)}${reason}: ${summary.message}; exit ${summary.exitCode}`;
    return workflowCommand('error', { title }, text);
  }
  if (summary.attempts < options.warnAfter) return undefined;
  const reasons = countReasons(attempts);
  const text = `${name} needed ${plural(summary.attempts)} to succeed; failures: ${reasons}`;
  return workflowCommand('warning', { title }, text);
}

/** `exit:1 ×2, timeout ×1`: the failed attempts' reasons, most frequent first. */
function countReasons(attempts: readonly AttemptEvent[]): string {
  const counts = new Map<string, number>();
  for (const a of attempts) {
    if (!a.classification.success) {
      const reason = a.classification.reason;
      counts.set(reason, (counts.get(reason) ?? 0) + 1);
    }
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([reason, count]) => `${reason} ×${count}`)
    .join(', ');
}

/**
 * `::command prop=value::message`, escaped as the runner expects: `%`, CR and LF everywhere,
 * and `:` and `,` in property values too.
 */
export function workflowCommand(
  command: string,
  properties: Record<string, string>,
  message: string,
): string {
  const props = Object.entries(properties)
    .map(([key, value]) => `${key}=${escapeProperty(value)}`)
    .join(',');
  return `::${command}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}

export function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/**
 * Bounds of one run's step summary: GitHub rejects a step's summary over 1 MiB, and a command
 * of 20,000 arguments, a long message or a thousand attempts must not get near it. With these
 * a run adds a few KiB at most (README, GitHub Actions).
 */
const SUMMARY_LIMITS = { name: 100, command: 300, message: 500, firstRows: 10, lastRows: 10 };

/** `text`, cut to `max` characters with an ellipsis when longer. */
function bounded(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The attempts a summary shows: all of a short run; of a long one, its first and last. */
function shownRows<T>(rows: readonly T[]): Array<T | { hidden: number }> {
  const { firstRows, lastRows } = SUMMARY_LIMITS;
  if (rows.length <= firstRows + lastRows + 1) return [...rows];
  const hidden = rows.length - firstRows - lastRows;
  return [...rows.slice(0, firstRows), { hidden }, ...rows.slice(-lastRows)];
}

function stepSummary(
  name: string,
  start: StartEvent | undefined,
  attempts: ReadonlyArray<AttemptEvent & { waitAfterMs?: number }>,
  summary: SummaryEvent,
): string {
  const ok = summary.outcome === 'success';
  const verdict = ok ? 'succeeded' : summary.outcome;
  const shownName = cell(bounded(name, SUMMARY_LIMITS.name));
  const lines = [
    `### ${ok ? '✅' : '❌'} retry-run \`${shownName}\`: ${verdict} after ${summary.attempts} attempt${summary.attempts === 1 ? '' : 's'}`,
    '',
  ];
  if (start) {
    const command = bounded(start.description, SUMMARY_LIMITS.command);
    lines.push('Ran:', '', ...codeBlock(command), '');
  }
  if (attempts.length > 0) {
    lines.push('| attempt | result | reason | duration | wait after |', '|---:|---|---|---:|---:|');
    for (const a of shownRows(attempts)) {
      if ('hidden' in a) {
        lines.push(`| … | ${a.hidden} more attempts | | | |`);
        continue;
      }
      const result = a.classification.success ? '✅ success' : '❌ failure';
      const reason = a.classification.success
        ? ''
        : `\`${cell(bounded(a.classification.reason, SUMMARY_LIMITS.name))}\``;
      const wait = a.waitAfterMs === undefined ? '' : formatDuration(a.waitAfterMs);
      lines.push(
        `| ${a.attempt} | ${result} | ${reason} | ${formatDuration(a.result.durationMs)} | ${wait} |`,
      );
    }
    lines.push('');
  }
  const message = bounded(summary.message, SUMMARY_LIMITS.message);
  const ending = ok ? '' : ` ${cell(message)}; exit ${summary.exitCode}.`;
  lines.push(
    `Total ${formatDuration(summary.elapsedMs)}, of which ${formatDuration(summary.waitedMs)} waiting.${ending}`,
    '',
  );
  return `${lines.join('\n')}\n`;
}

/** The command exactly as it ran: a fence longer than any run of backticks inside it. */
function codeBlock(text: string): string[] {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return [`${fence}sh`, text, fence];
}

/** Text made safe for one markdown table cell (or inline code). */
function cell(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replaceAll('|', '\\|')
    .replaceAll('`', "'");
}
