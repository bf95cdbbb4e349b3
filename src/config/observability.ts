import { basename } from 'node:path';
import { checkBreakerName } from './breaker.js';
import { invalidValue } from '../shared/errors.js';
import type { CommandSpec } from '../runners/command/command-spec.js';
import { STEP_SUMMARY_MODES, type StepSummaryMode } from '../report/github.js';
import { DEFAULTS } from '../shared/defaults.js';
import { parseInteger } from './numbers.js';
import { fetchedPlace, firstRealCommand } from './step-name.js';

/** The §9 flags as commander hands them over. */
export interface RawObservabilityOptions {
  report?: string;
  metricsFile?: string;
  name?: string;
  /** commander's `--no-record` arrives as `record: false`. */
  record?: boolean;
  warnAfter?: string;
  stepSummary?: string;
  pushgateway?: string;
}

/** Where a run's report, history record, metrics and CI annotations go (README, Monitoring). */
export interface ObservabilityConfig {
  /** The name history, metrics and annotations use: `--name`, or one derived from the target. */
  name: string;
  record: boolean;
  reportFile?: string;
  metricsFile?: string;
  /** GitHub Actions: a run that needed this many attempts or more gets a warning. */
  warnAfter: number;
  /** GitHub Actions: which runs append a step summary. */
  stepSummary: StepSummaryMode;
  /** Base URL of a Prometheus Pushgateway the run's metrics go to at the end. */
  pushgateway?: string;
}

export function normalizeObservability(
  raw: RawObservabilityOptions,
  target: NameSource,
): ObservabilityConfig {
  if (raw.name !== undefined) checkBreakerName(raw.name, '--name');
  for (const [flag, value] of [
    ['--report', raw.report],
    ['--metrics-file', raw.metricsFile],
  ] as const) {
    if (value !== undefined && value.trim() === '')
      throw invalidValue(flag, value, 'expected a file path');
  }
  return Object.freeze({
    name: raw.name ?? defaultRunName(target),
    record: raw.record ?? true,
    ...(raw.report === undefined ? {} : { reportFile: raw.report }),
    ...(raw.metricsFile === undefined ? {} : { metricsFile: raw.metricsFile }),
    warnAfter:
      raw.warnAfter === undefined
        ? DEFAULTS.warnAfter
        : parseInteger(raw.warnAfter, '--warn-after', 1, 1_000_000),
    stepSummary: parseStepSummary(raw.stepSummary ?? DEFAULTS.stepSummary),
    ...(raw.pushgateway === undefined ? {} : { pushgateway: parsePushgateway(raw.pushgateway) }),
  });
}

function parsePushgateway(text: string): string {
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (url?.protocol !== 'http:' && url?.protocol !== 'https:')
    throw invalidValue('--pushgateway', text, 'expected an http(s) URL');
  return text;
}

function parseStepSummary(text: string): StepSummaryMode {
  const mode = STEP_SUMMARY_MODES.find((m) => m === text);
  if (!mode)
    throw invalidValue('--step-summary', text, `expected ${STEP_SUMMARY_MODES.join(', ')}`);
  return mode;
}

/** What a run's default name comes from; `redact` masks a secret that would reach it. */
interface NameSource {
  command?: CommandSpec;
  url?: string;
  breaker?: string;
  redact?: (text: string) => string;
}

/**
 * The breaker's name, else the command's basename (a script's first real command), curl and
 * wget named after the URL they fetch, else the URL's host (README "History and `retry-run
 * stats`"). Only a program's name, a host and one path segment are kept, never an argument
 * that could hold a secret.
 */
export function defaultRunName(target: NameSource): string {
  if (target.breaker) return target.breaker;
  const redact = target.redact ?? ((text: string) => text);
  if (target.url) return sanitizeName(redact(new URL(target.url).host));
  const command = target.command;
  if (!command) return 'run';
  const [file, ...args] =
    command.file === '/bin/sh' && command.args[0] === '-c'
      ? (firstRealCommand(command.args[1] ?? '') ?? ['sh'])
      : [command.file, ...command.args];
  const program = basename(file!);
  const place = fetchedPlace(program, args);
  if (place !== undefined) {
    // The host and the path segment each cleaned, the `/` between them kept.
    const [host, segment] = redact(place).split('/', 2);
    return [host, segment]
      .filter((part) => part !== undefined)
      .map(sanitizeName)
      .join('/');
  }
  return sanitizeName(redact(program));
}

function sanitizeName(text: string): string {
  const clean = text
    .replace(/[^A-Za-z0-9._@:-]/g, '_')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, 100);
  return clean === '' ? 'run' : clean;
}

export { STEP_SUMMARY_MODES, type StepSummaryMode };
