import type { Style } from './style.js';
import type { AttemptEvent, OnRetryEvent, RetryEvent, SummaryEvent } from '../engine/events.js';
import { formatDuration } from '../shared/duration.js';
import type { Policy } from '../engine/policy.js';
import { shownWhenQuiet, type LineSink, type Reporter } from './reporter.js';

export interface TextReporterOptions {
  sink: LineSink;
  style: Style;
  /** Only a final failure. */
  quiet?: boolean;
  /** The resolved policy, classification detail, output tails. */
  verbose?: boolean;
  /** What each line starts with (default `retry-run`; nested runs add their depth). */
  name?: string;
  /** How many lines of output a failure summary shows. */
  tailLines?: number;
}

const COUNTDOWN_TICK_MS = 100;

/** The human attempt log on stderr: one line per attempt and per wait, then a summary. */
export function createTextReporter(options: TextReporterOptions): Reporter {
  const { sink, style, quiet = false, verbose = false } = options;
  const prefix = style.dim(`${options.name ?? 'retry-run'}:`);
  const line = (text: string) => sink.write(`${prefix} ${text}\n`);
  let countdown: { timer: NodeJS.Timeout; text: string } | undefined;

  const stopCountdown = () => {
    if (!countdown) return;
    clearInterval(countdown.timer);
    sink.write(`\r\x1b[K${prefix} ${countdown.text}\n`);
    countdown = undefined;
  };

  return {
    onEvent(event: RetryEvent) {
      stopCountdown();
      if (quiet && !shownWhenQuiet(event)) return;
      switch (event.event) {
        case 'start':
          if (verbose) line(`running ${event.description} (${describePolicy(event.policy)})`);
          if (!Number.isFinite(event.maxAttempts) && event.policy.deadlineMs === undefined) {
            line(
              '--max inf without --deadline: only success, a stop condition or a signal ends this run',
            );
          }
          break;
        case 'attempt':
          line(describeAttempt(event, style, verbose));
          if (event.result.endedLeftovers) line(describeLeftovers(event.result.endedLeftovers));
          if (verbose) showTails(event, line, style, options.tailLines ?? 10);
          if (verbose) showBodySnippet(event, line, style, options.tailLines ?? 10);
          break;
        case 'wait': {
          const why =
            event.source === 'server'
              ? ' (asked by the server)'
              : event.source === 'stagger'
                ? ' (--stagger)'
                : '';
          const text = `waiting ${formatDuration(event.delayMs)} before attempt ${event.nextAttempt}${why}`;
          if (sink.isTTY && event.delayMs >= 1000) {
            const endsAt = Date.now() + event.delayMs;
            const render = () => {
              const left = Math.max(0, endsAt - Date.now());
              sink.write(
                `\r\x1b[K${prefix} ${text} ${style.dim(`(${formatDuration(left)} left, Ctrl-C to stop)`)}`,
              );
            };
            render();
            countdown = { timer: setInterval(render, COUNTDOWN_TICK_MS).unref(), text };
          } else {
            line(text);
          }
          break;
        }
        case 'on-retry':
          if (!event.result.ok) line(style.yellow(`warning: ${describeHookFailure(event)}`));
          else if (verbose)
            line(`--on-retry succeeded (${formatDuration(event.result.durationMs)})`);
          break;
        case 'breaker':
          line(`${style.magenta(`breaker '${event.name}' is ${event.state}`)}: ${event.message}`);
          break;
        case 'summary':
          line(describeSummary(event, style));
          if (event.outcome !== 'success' && !verbose) {
            showTails({ result: event.lastResult }, line, style, options.tailLines ?? 10);
          }
          break;
      }
    },
    close: stopCountdown,
    beforeAttempt: stopCountdown,
  };
}

/** The resolved policy in one line: what `-v` and `--dry-run` show. */
export function describePolicy(policy: Policy): string {
  const parts = [
    `strategy ${policy.strategy}`,
    `max ${attemptCount(policy.maxAttempts)} attempt${policy.maxAttempts === 1 ? '' : 's'}`,
    `base ${formatDuration(policy.baseMs)}`,
    `cap ${formatDuration(policy.capMs)}`,
    `factor ${policy.factor}`,
  ];
  if (policy.seed !== undefined) parts.push(`seed ${policy.seed}`);
  if (policy.timeoutMs !== undefined) parts.push(`timeout ${formatDuration(policy.timeoutMs)}`);
  if (policy.deadlineMs !== undefined) parts.push(`deadline ${formatDuration(policy.deadlineMs)}`);
  if (policy.staggerMs !== undefined) parts.push(`stagger ${formatDuration(policy.staggerMs)}`);
  return parts.join(', ');
}

/** `ended 2 processes the attempt left running`: said once, so a vanished service is explained. */
function describeLeftovers(count: number): string {
  return `ended ${count} process${count === 1 ? '' : 'es'} the attempt left running`;
}

/** `--max inf` reads ∞. */
export function attemptCount(maxAttempts: number): string {
  return Number.isFinite(maxAttempts) ? String(maxAttempts) : '∞';
}

/** A failing `--on-retry` hook: one warning, the run goes on. */
function describeHookFailure({ attempt, result }: OnRetryEvent): string {
  const how = result.timedOut
    ? `was ended by the ${result.timedOut === 'deadline' ? 'deadline' : '--timeout'}`
    : result.signal
      ? `was killed by ${result.signal}`
      : `failed (exit ${result.exitCode})`;
  const message = result.message ? `: ${result.message}` : '';
  return `--on-retry after attempt ${attempt} ${how}${message}; going on`;
}

function describeAttempt(event: AttemptEvent, style: Style, verbose: boolean): string {
  const { result, classification } = event;
  const counter = `attempt ${event.attempt}/${attemptCount(event.maxAttempts)}`;
  const took = formatDuration(result.durationMs);
  if (classification.success) {
    const detail = verbose || classification.evidence ? `; ${classification.explanation}` : '';
    return `${counter} ${style.green('succeeded')} (${took})${detail}`;
  }
  const what = describeFailure(event);
  const message = result.message ? `: ${result.message}` : '';
  // A retry that rests on what the output said is worth a word even without -v.
  const verdict = classification.retryable
    ? verbose || classification.evidence
      ? `; ${classification.explanation}`
      : ''
    : `; ${style.bold(classification.explanation)}`;
  return `${counter} ${style.red('failed')} (${what}, ${took})${message}${verdict}`;
}

function describeFailure({ result, classification }: AttemptEvent): string {
  if (result.timedOut === 'deadline') return 'ended by the deadline';
  if (result.timedOut) return 'timed out';
  if (result.signal) return `killed by ${result.signal}`;
  if (result.status !== undefined) return `HTTP ${result.status}`;
  if (result.reportedStatus !== undefined)
    return `exit ${result.exitCode}, HTTP ${result.reportedStatus}`;
  if (result.failureClass === 'timeout') return `exit ${result.exitCode}, timed out`;
  if (classification.reason.startsWith('connection')) return classification.reason;
  if (classification.reason === 'until') return 'exit 0, --until not matched';
  return `exit ${result.exitCode}`;
}

function describeSummary(event: SummaryEvent, style: Style): string {
  const attempts = `${event.attempts} attempt${event.attempts === 1 ? '' : 's'}`;
  const times = `in ${formatDuration(event.elapsedMs)}, waited ${formatDuration(event.waitedMs)}`;
  if (event.outcome === 'success') {
    return `${style.green('✔ succeeded')} after ${attempts} ${style.dim(`(${times})`)}`;
  }
  const last = event.reason ? `; last failure: ${event.reason}` : '';
  return `${style.red(`✖ ${event.outcome}`)}: ${event.message} (${attempts}, ${times})${last}; exit code ${event.exitCode}`;
}

function showTails(
  event: { result?: AttemptEvent['result'] | undefined },
  line: (text: string) => void,
  style: Style,
  count: number,
) {
  for (const stream of ['stdout', 'stderr'] as const) {
    const tail = stream === 'stdout' ? event.result?.stdoutTail : event.result?.stderrTail;
    const lines = tail?.trimEnd().split('\n').slice(-count) ?? [];
    if (lines.length === 0 || lines[0] === '') continue;
    line(style.dim(`last ${lines.length} line(s) of ${stream}:`));
    for (const text of lines) line(style.dim(`  | ${text}`));
  }
}

/** HTTP mode, `-v`: the start of a failed response's body (it never goes to stdout). */
function showBodySnippet(
  event: AttemptEvent,
  line: (text: string) => void,
  style: Style,
  count: number,
) {
  const snippet = event.result.bodySnippet?.trimEnd();
  if (!snippet || event.classification.success) return;
  const lines = snippet.split('\n');
  line(style.dim(`response body${lines.length > count ? ` (first ${count} lines)` : ''}:`));
  for (const text of lines.slice(0, count)) line(style.dim(`  | ${text}`));
}
