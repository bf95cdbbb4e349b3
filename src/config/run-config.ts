import { parseChoice } from './numbers.js';
import { invalidValue, MissingDoubleDashError, UsageError } from '../shared/errors.js';
import type { Conditions } from '../engine/types.js';
import { argvCommand, shellCommand, type CommandSpec } from '../runners/command/command-spec.js';
import {
  normalizeConditions,
  normalizePolicy,
  type Mode,
  type RawConditionOptions,
  type RawPolicyOptions,
} from './normalize.js';
import {
  normalizeObservability,
  type ObservabilityConfig,
  type RawObservabilityOptions,
} from './observability.js';
import { DEFAULTS } from '../shared/defaults.js';
import type { Policy } from '../engine/policy.js';
import { resolveStateLocation, type StateLocation } from '../store/location.js';
import { normalizeBreaker, type BreakerConfig, type RawBreakerOptions } from './breaker.js';
import { normalizeBudget, type BudgetConfig, type RawBudgetOptions } from './budget.js';
import {
  normalizeHttpConfig,
  rejectHttpFlags,
  type HttpConfig,
  type RawHttpOptions,
} from './http.js';
import { STDIN_MODES, type StdinMode } from '../runners/command/stdin-source.js';
import { createRedactor, type Redactor } from '../shared/redact.js';

/** Every flag of a run as commander hands it over: text, not yet validated. */
export interface RawRunOptions
  extends
    RawPolicyOptions,
    RawConditionOptions,
    RawHttpOptions,
    RawBreakerOptions,
    RawBudgetOptions,
    RawObservabilityOptions {
  shell?: string;
  quiet?: boolean;
  verbose?: boolean;
  logFormat?: string;
  logFile?: string;
  dryRun?: boolean;
  stdout?: string;
  /** `--state`: a directory or a redis:// URL. */
  state?: string;
  stdin?: string;
  /** `--redact`, repeatable: more text to mask wherever retry-run prints it. */
  redact?: string[];
  /** `--tools-file`: JSON entries added to the known-tool table. */
  toolsFile?: string;
  /** `--on-retry`: a shell script run between a failed attempt and its retry. */
  onRetry?: string;
}

/** What the user asked to run: the operands before `--` and the argv after it. */
export interface RunTarget {
  operands: readonly string[];
  /** Everything after the first `--`, or undefined when there was no `--`. */
  afterDoubleDash?: readonly string[];
}

export interface ReportConfig {
  quiet: boolean;
  verbose: boolean;
  logFormat: 'text' | 'json';
  /** `--log-file`: where the log goes instead of stderr; `-` is stdout. */
  logFile?: string;
}

export interface RunConfig {
  mode: Mode;
  command?: CommandSpec;
  /** HTTP mode: the request, validated (README, HTTP mode). */
  http?: HttpConfig;
  policy: Policy;
  conditions: Conditions;
  report: ReportConfig;
  observability: ObservabilityConfig;
  dryRun: boolean;
  /** `final`: hold each attempt's stdout; only the successful one's reaches stdout (README, Holding stdout). */
  stdout: 'live' | 'final';
  /** Where breakers and history live (README, Circuit breaker). */
  state: StateLocation;
  breaker?: BreakerConfig;
  /** `--budget`: the retry budget shared by every run that names it. */
  budget?: BudgetConfig;
  /** What the attempts read on stdin (README, stdin). */
  stdin: StdinMode;
  /** The one redaction every sink goes through (README "What is masked"). */
  redact: Redactor;
  /** `--tools-file`: read when the command runner is made (README "Known tools"). */
  toolsFile?: string;
  /** `--on-retry`: the script run after a failed attempt that will be retried. */
  onRetry?: string;
}

/** argv → one frozen, validated config. Throws a UsageError before anything runs. */
export function normalizeRunConfig(
  raw: RawRunOptions,
  target: RunTarget,
  env: NodeJS.ProcessEnv = process.env,
): RunConfig {
  const base = createRedactor({ env, extra: redactValues(raw.redact) });
  const { mode, command, url } = resolveTarget(raw, target, base);
  const logFormat = parseChoice(raw.logFormat ?? 'text', '--log-format', ['text', 'json']);
  const stdout = parseChoice(raw.stdout ?? DEFAULTS.stdout, '--stdout', ['live', 'final']);
  if (stdout === 'final' && mode === 'http') {
    throw new UsageError(
      '--stdout: works in command mode only; HTTP mode writes only the successful body',
    );
  }
  if (raw.quiet && raw.verbose)
    throw new UsageError('--quiet and --verbose cannot be used together');
  if (mode === 'command') rejectHttpFlags(raw);
  if (mode === 'http' && raw.stdin !== undefined) {
    throw new UsageError('--stdin: works in command mode only');
  }
  const breaker = normalizeBreaker(raw);
  const budget = normalizeBudget(raw);
  const http = url === undefined ? undefined : normalizeHttpConfig(raw, url, base);
  const redact = http ? base.with(http.secrets) : base;
  if (raw.onRetry !== undefined && raw.onRetry.trim() === '')
    throw invalidValue('--on-retry', raw.onRetry, 'expected a shell script');
  return Object.freeze({
    mode,
    ...(command ? { command } : {}),
    ...(http ? { http } : {}),
    policy: normalizePolicy(raw),
    conditions: normalizeConditions(raw, mode),
    report: Object.freeze({
      quiet: raw.quiet ?? false,
      verbose: raw.verbose ?? false,
      logFormat,
      ...(raw.logFile === undefined ? {} : { logFile: checkLogFile(raw.logFile) }),
    }),
    observability: normalizeObservability(raw, {
      command,
      url,
      ...(breaker ? { breaker: breaker.name } : {}),
      redact,
    }),
    dryRun: raw.dryRun ?? false,
    stdout,
    state: resolveStateLocation(raw.state),
    ...(breaker ? { breaker } : {}),
    ...(budget ? { budget } : {}),
    stdin: parseChoice(raw.stdin ?? DEFAULTS.stdin, '--stdin', STDIN_MODES),
    redact,
    ...(raw.toolsFile !== undefined ? { toolsFile: raw.toolsFile } : {}),
    ...(raw.onRetry === undefined ? {} : { onRetry: raw.onRetry }),
  });
}

/** `--redact` values; RETRY_RUN_REDACT may hold several, one per line. */
export function redactValues(values: readonly string[] | undefined): string[] {
  return (values ?? []).flatMap((value) => value.split(/\r?\n/)).filter((value) => value !== '');
}

function checkLogFile(path: string): string {
  if (path.trim() === '') throw invalidValue('--log-file', path, 'expected a file path or -');
  return path;
}

export const URL_PATTERN = /^https?:\/\//i;

function resolveTarget(
  raw: RawRunOptions,
  target: RunTarget,
  redact: Redactor,
): { mode: Mode; command?: CommandSpec; url?: string } {
  const after = target.afterDoubleDash ?? [];
  const all = [...target.operands, ...after];
  if (raw.shell !== undefined) {
    if (all.length > 0)
      throw new UsageError(
        `--shell: takes the whole script; remove the extra arguments '${all.join(' ')}'`,
      );
    if (raw.shell.trim() === '') throw invalidValue('--shell', raw.shell, 'expected a script');
    return { mode: 'command', command: shellCommand(raw.shell, redact(raw.shell)) };
  }
  if (all.length === 1 && URL_PATTERN.test(all[0]!)) return { mode: 'http', url: all[0]! };
  if (target.operands.length > 0 && target.afterDoubleDash !== undefined) {
    // `--base 1 second -- true`: a value split in two, not a command to run.
    throw new UsageError(
      `unexpected '${target.operands.join(' ')}' before --: an option takes one value (quote one with spaces); the command goes after --`,
    );
  }
  if (target.operands.length > 0) {
    throw new MissingDoubleDashError(
      `to run a command, put -- before it: retry-run [options] -- ${target.operands.join(' ')}`,
    );
  }
  if (after.length === 0) {
    throw new UsageError(
      'nothing to run: give -- <command> [args...], -S <script>, or a URL (see --help)',
    );
  }
  return { mode: 'command', command: argvCommand(after, redact.argv(after)) };
}
