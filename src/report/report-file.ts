import type {
  AttemptEvent,
  BreakerState,
  RetryEvent,
  RunOutcome,
  StartEvent,
  SummaryEvent,
} from '../engine/events.js';
import type { Mode } from '../engine/types.js';
import { writeOutputFile } from '../store/output-target.js';
import { jsonAttempts } from './json-lines.js';
import type { Reporter } from './reporter.js';

export const REPORT_SCHEMA_VERSION = 1;

/** The `--report` document (README, The `--report` file). Documented field by field in the README. */
export interface RunReport {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  tool: { name: 'retry-run'; version: string };
  /** The run's name, as history and metrics use it. */
  name: string;
  mode: Mode;
  /** The command or URL, secrets redacted. */
  target: string;
  startedAt: string;
  endedAt: string;
  policy: ReportPolicy;
  /** HTTP mode: the request, credentials masked; null in command mode. */
  request: ReportRequest | null;
  attempts: ReportAttempt[];
  breaker: Array<{ time: string; name: string; state: BreakerState; message: string }>;
  /** The random delay of `--stagger` before the first attempt, if one was given. */
  stagger: { delayMs: number } | null;
  summary: ReportSummary;
}

/** The run's policy and conditions, in the `--report` document. */
export interface ReportPolicy {
  strategy: string;
  /** null: `--max inf`, no limit. */
  maxAttempts: number | null;
  baseMs: number;
  capMs: number;
  factor: number;
  seed: number | null;
  timeoutMs: number | null;
  killAfterMs: number;
  deadlineMs: number | null;
  serverWait: boolean;
  maxServerWaitMs: number;
  retryOn: string[];
  stopOn: string[];
  until: string[];
}

export interface ReportRequest {
  method: string;
  url: string;
  /** `Name: value`, the value `***` for credential-bearing headers. */
  headers: string[];
  /** Whether a failed request may be repeated (idempotent, or the user said so). */
  retryable: boolean;
}

/** One attempt, in the `--report` document. */
export interface ReportAttempt {
  attempt: number;
  startedAt: string;
  endedAt: string;
  durationMs: number;
  outcome: 'success' | 'failure';
  retryable: boolean;
  /** `exit:1`, `signal:SIGKILL`, `timeout`, `status:503`, `connection:ECONNREFUSED`, … */
  reason: string;
  /** Why it was or was not retried, in words. */
  classification: string;
  exitCode: number;
  signal: string | null;
  status: number | null;
  timedOut: 'timeout' | 'deadline' | null;
  message: string | null;
  /** The wait that followed this attempt, if one did. */
  waitAfter: { delayMs: number; source: 'strategy' | 'server' } | null;
  /** The `--on-retry` hook that ran after this attempt, if one did. */
  onRetry: {
    outcome: 'success' | 'failure';
    exitCode: number;
    timedOut: 'timeout' | 'deadline' | null;
    durationMs: number;
  } | null;
}

/** How the run ended, in the `--report` document. */
export interface ReportSummary {
  outcome: RunOutcome;
  attempts: number;
  elapsedMs: number;
  waitedMs: number;
  exitCode: number;
  reason: string | null;
  message: string;
}

export interface ReportContext {
  path: string;
  name: string;
  mode: Mode;
  version: string;
  conditions: { retryOn: string[]; stopOn: string[]; until: string[] };
  /** Credentials already masked: the events a reporter sees are, the request is not one. */
  request?: ReportRequest;
  /** Where a failure to write the report is told; it never changes the exit code. */
  warn: (message: string) => void;
}

/**
 * Collects a run's events and writes them as one {@link RunReport} at the end: a regular file
 * atomically, anything else written through (README "Output files").
 */
export function createReportFileReporter(context: ReportContext): Reporter {
  const events: RetryEvent[] = [];
  return {
    onEvent: (event) => void events.push(event),
    async close() {
      const report = buildReport(events, context);
      if (!report) return;
      try {
        await writeOutputFile(context.path, `${JSON.stringify(report, null, 2)}\n`);
      } catch (error) {
        context.warn(`could not write the report ${context.path}: ${(error as Error).message}`);
      }
    },
  };
}

/** The report of a whole run's events; undefined if the run never ended. */
export function buildReport(
  events: readonly RetryEvent[],
  context: Omit<ReportContext, 'path' | 'warn'>,
): RunReport | undefined {
  const start = events.find((e): e is StartEvent => e.event === 'start');
  const summary = events.find((e): e is SummaryEvent => e.event === 'summary');
  if (!start || !summary) return undefined;
  const attempts: ReportAttempt[] = [];
  const breaker: RunReport['breaker'] = [];
  let stagger: RunReport['stagger'] = null;
  for (const event of events) {
    if (event.event === 'attempt') attempts.push(toReportAttempt(event));
    if (event.event === 'wait') {
      const { delayMs, source } = event;
      if (source === 'stagger') stagger = { delayMs };
      else if (attempts.length > 0) attempts[attempts.length - 1]!.waitAfter = { delayMs, source };
    }
    if (event.event === 'on-retry' && attempts.length > 0) {
      const { ok, exitCode, timedOut, durationMs } = event.result;
      attempts[attempts.length - 1]!.onRetry = {
        outcome: ok ? 'success' : 'failure',
        exitCode,
        timedOut: timedOut ?? null,
        durationMs,
      };
    }
    if (event.event === 'breaker') {
      const { time, name, state, message } = event;
      breaker.push({ time, name, state, message });
    }
  }
  const { policy } = start;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'retry-run', version: context.version },
    name: context.name,
    mode: context.mode,
    target: start.description,
    startedAt: start.time,
    endedAt: summary.time,
    policy: {
      strategy: policy.strategy,
      maxAttempts: jsonAttempts(policy.maxAttempts),
      baseMs: policy.baseMs,
      capMs: policy.capMs,
      factor: policy.factor,
      seed: policy.seed ?? null,
      timeoutMs: policy.timeoutMs ?? null,
      killAfterMs: policy.killAfterMs,
      deadlineMs: policy.deadlineMs ?? null,
      serverWait: policy.serverWait,
      maxServerWaitMs: policy.maxServerWaitMs,
      ...context.conditions,
    },
    request: context.request ?? null,
    attempts,
    breaker,
    stagger,
    summary: {
      outcome: summary.outcome,
      attempts: summary.attempts,
      elapsedMs: summary.elapsedMs,
      waitedMs: summary.waitedMs,
      exitCode: summary.exitCode,
      reason: summary.reason ?? null,
      message: summary.message,
    },
  };
}

function toReportAttempt(event: AttemptEvent): ReportAttempt {
  const { result, classification } = event;
  return {
    attempt: event.attempt,
    startedAt: event.startedAt,
    endedAt: event.time,
    durationMs: result.durationMs,
    outcome: classification.success ? 'success' : 'failure',
    retryable: classification.retryable,
    reason: classification.reason,
    classification: classification.explanation,
    exitCode: result.exitCode,
    signal: result.signal ?? null,
    status: result.status ?? null,
    timedOut: result.timedOut ?? null,
    message: result.message ?? null,
    waitAfter: null,
    onRetry: null,
  };
}
