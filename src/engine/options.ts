import { UsageError } from '../shared/errors.js';
import type { Conditions } from './types.js';
import { parseConditions, type Condition } from '../conditions/conditions.js';
import { DEFAULTS } from '../shared/defaults.js';
import { compileLinearRegex } from '../conditions/linear-regex.js';
import {
  booleanOption,
  choiceOption,
  invalidOption,
  msOption,
  numberOption,
  wholeNumberOption,
} from '../shared/option-values.js';
import type { Policy } from './policy.js';
import { STRATEGY_NAMES } from '../backoff/strategies.js';

/**
 * The library's policy: typed values, each optional, defaults as the CLI's (README, Options).
 * A complete `Policy` (what the CLI builds from its flags) is one too.
 *
 * @example
 * ```ts
 * import { retry, createCommandRunner, argvCommand, type PolicyOptions } from 'retry-run';
 *
 * const policy: PolicyOptions = {
 *   strategy: 'equal-jitter',
 *   maxAttempts: 6,
 *   baseMs: 500,
 *   capMs: 30_000,
 *   timeoutMs: 10_000, // each attempt
 *   deadlineMs: 120_000, // the whole run, waits included
 * };
 * const runner = createCommandRunner({ command: argvCommand(['make', 'deploy']) });
 * await retry({ runner, policy });
 * ```
 */
export type PolicyOptions = Partial<Policy>;

/** The largest `maxAttempts` but `Infinity` (no limit), as `--max` allows. */
const MAX_ATTEMPTS = 1_000_000;

function attemptsOption(name: string, value: unknown): number {
  if (value === Infinity) return value;
  try {
    return wholeNumberOption(name, value, 1, MAX_ATTEMPTS);
  } catch {
    throw invalidOption(
      name,
      value,
      `expected a whole number from 1 to ${MAX_ATTEMPTS}, or Infinity`,
    );
  }
}

/**
 * Checks a policy given as values and fills in the defaults; errors name the option
 * (`policy.maxAttempts: expected …`). Fields it does not know are kept as they are.
 */
export function resolvePolicy(options: PolicyOptions, prefix = ''): Policy {
  if (typeof options !== 'object' || options === null) {
    throw invalidOption(prefix.replace(/\.$/, '') || 'options', options, 'expected an object');
  }
  const name = (key: string) => `${prefix}${key}`;
  const given = <K extends keyof Policy>(key: K, fallback: Policy[K]) =>
    options[key] === undefined ? fallback : options[key];
  const optional = <K extends 'seed' | 'timeoutMs' | 'deadlineMs'>(
    key: K,
    check: (value: unknown) => number,
  ) => (options[key] === undefined ? {} : { [key]: check(options[key]) });
  return Object.freeze({
    ...options,
    strategy: choiceOption(name('strategy'), given('strategy', DEFAULTS.strategy), STRATEGY_NAMES),
    maxAttempts: attemptsOption(name('maxAttempts'), given('maxAttempts', DEFAULTS.maxAttempts)),
    baseMs: msOption(name('baseMs'), given('baseMs', DEFAULTS.baseMs)),
    capMs: msOption(name('capMs'), given('capMs', DEFAULTS.capMs)),
    factor: numberOption(name('factor'), given('factor', DEFAULTS.factor), 1, 1000),
    killAfterMs: msOption(name('killAfterMs'), given('killAfterMs', DEFAULTS.killAfterMs)),
    serverWait: booleanOption(name('serverWait'), given('serverWait', true)),
    maxServerWaitMs: msOption(
      name('maxServerWaitMs'),
      given('maxServerWaitMs', DEFAULTS.maxServerWaitMs),
    ),
    ...optional('seed', (value) => wholeNumberOption(name('seed'), value, 0, 2 ** 32 - 1)),
    ...optional('timeoutMs', (value) => msOption(name('timeoutMs'), value, true)),
    ...optional('deadlineMs', (value) => msOption(name('deadlineMs'), value, true)),
  });
}

/**
 * One condition as the library takes it: the CLI's text (`'exit:1-3,503'`), a `RegExp` for
 * the output (as `output:/re/`, matched by RE2), or a condition already parsed.
 */
export type ConditionValue = string | RegExp | Condition;

/**
 * Which failures `retry` retries, which end the run, and what success requires, as condition
 * strings or `RegExp`s (README, What gets retried).
 *
 * @example
 * ```ts
 * import { retry, createCommandRunner, argvCommand, type ConditionOptions } from 'retry-run';
 *
 * const conditions: ConditionOptions = {
 *   retryOn: ['exit:1-3', 'signal', /connection reset/i],
 *   stopOn: ['stderr:/401 Unauthorized/'],
 * };
 * const runner = createCommandRunner({ command: argvCommand(['./sync.sh']) });
 * await retry({ runner, conditions });
 * ```
 */
export interface ConditionOptions {
  /** Failures that are retried; default: the mode's (README, What gets retried). */
  retryOn?: string | readonly ConditionValue[];
  /** Failures that end the run at once; default: the mode's. */
  stopOn?: string | readonly ConditionValue[];
  /** What success additionally requires (command mode). */
  until?: string | readonly ConditionValue[];
  /** Whose defaults fill the lists not given: `command` (the default) or `http`. */
  defaults?: 'command' | 'http';
  /**
   * Command mode: let a known tool's reported HTTP status decide as HTTP mode would (README,
   * What gets retried). Default: on when neither `retryOn` nor `stopOn` is given, as in the CLI.
   */
  statusAware?: boolean;
}

const CONDITION_KINDS = new Set([
  'any',
  'exit',
  'signal',
  'timeout',
  'connection',
  'status',
  'output',
]);

/** The lists of conditions, checked and parsed once; errors name the list (`retryOn[1]`). */
export function resolveConditions(options: ConditionOptions, prefix = ''): Conditions {
  if (typeof options !== 'object' || options === null) {
    throw invalidOption(prefix.replace(/\.$/, '') || 'conditions', options, 'expected an object');
  }
  const mode = choiceOption(`${prefix}defaults`, options.defaults ?? 'command', [
    'command',
    'http',
  ] as const);
  const list = (key: 'retryOn' | 'stopOn' | 'until', fallback: string) =>
    parseList(options[key] ?? fallback, `${prefix}${key}`);
  const until = list('until', '');
  if (mode === 'http' && until.length > 0) {
    throw new UsageError(
      `${prefix}until: works in command mode only; use the HTTP runner's expect`,
    );
  }
  const statusAware =
    mode === 'command' &&
    (options.statusAware ?? (options.retryOn === undefined && options.stopOn === undefined));
  return Object.freeze({
    retryOn: list('retryOn', mode === 'http' ? DEFAULTS.httpRetryOn : DEFAULTS.commandRetryOn),
    stopOn: list('stopOn', mode === 'http' ? '' : DEFAULTS.commandStopOn),
    until,
    ...(statusAware ? { statusAware } : {}),
  });
}

function parseList(value: unknown, name: string): Condition[] {
  if (typeof value === 'string') return value.trim() === '' ? [] : parseConditions(value, name);
  if (!Array.isArray(value)) {
    throw invalidOption(name, value, 'expected a condition string or an array of conditions');
  }
  return value.flatMap((item: unknown, index) => parseItem(item, `${name}[${index}]`));
}

function parseItem(item: unknown, name: string): Condition[] {
  if (typeof item === 'string') return parseConditions(item, name);
  if (item instanceof RegExp) {
    const regex = compileLinearRegex(item.source, item.flags, name);
    return [{ kind: 'output', stream: 'output', regex, token: `output:${regex.text}` }];
  }
  const kind = (item as { kind?: unknown } | null)?.kind;
  if (typeof kind === 'string' && CONDITION_KINDS.has(kind)) return [item as Condition];
  throw invalidOption(
    name,
    item,
    "expected a condition string ('exit:1-3'), a RegExp or a condition",
  );
}
