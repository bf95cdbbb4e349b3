import { invalidValue, UsageError } from '../shared/errors.js';
import type { Conditions, Mode } from '../engine/types.js';

export type { Mode };
import { parseConditions, type Condition } from '../conditions/conditions.js';
import { DEFAULTS } from '../shared/defaults.js';
import { parseDuration, positiveDuration } from '../shared/duration.js';
import { closest, parseInteger, parseNumberAbove } from './numbers.js';
import type { Policy } from '../engine/policy.js';
import { STRATEGY_NAMES, type StrategyName } from '../backoff/strategies.js';

/** Policy flags as they arrive from argv or the environment: text, validated here once. */
export interface RawPolicyOptions {
  strategy?: string;
  max?: string;
  base?: string;
  cap?: string;
  factor?: string;
  seed?: string;
  timeout?: string;
  killAfter?: string;
  deadline?: string;
  stagger?: string;
  maxServerWait?: string;
  /** commander's `--no-server-wait` arrives as `serverWait: false`. */
  serverWait?: boolean;
}

export interface RawConditionOptions {
  retryOn?: string[];
  stopOn?: string[];
  until?: string[];
}

export function normalizePolicy(raw: RawPolicyOptions): Policy {
  const optionalDuration = (value: string | undefined, flag: string) =>
    value === undefined ? undefined : positiveDuration(value, flag);
  const policy: Policy = {
    strategy: parseStrategy(raw.strategy ?? DEFAULTS.strategy),
    maxAttempts: raw.max === undefined ? DEFAULTS.maxAttempts : parseMaxAttempts(raw.max),
    baseMs: raw.base === undefined ? DEFAULTS.baseMs : parseDuration(raw.base, '--base'),
    capMs: raw.cap === undefined ? DEFAULTS.capMs : parseDuration(raw.cap, '--cap'),
    factor:
      raw.factor === undefined ? DEFAULTS.factor : parseNumberAbove(raw.factor, '--factor', 1),
    killAfterMs:
      raw.killAfter === undefined
        ? DEFAULTS.killAfterMs
        : parseDuration(raw.killAfter, '--kill-after'),
    serverWait: raw.serverWait ?? true,
    maxServerWaitMs:
      raw.maxServerWait === undefined
        ? DEFAULTS.maxServerWaitMs
        : parseDuration(raw.maxServerWait, '--max-server-wait'),
  };
  if (raw.factor !== undefined && policy.factor > 1000)
    throw invalidValue('--factor', raw.factor, 'expected a number from 1 to 1000');
  const seed =
    raw.seed === undefined ? undefined : parseInteger(raw.seed, '--seed', 0, 2 ** 32 - 1);
  const timeoutMs = optionalDuration(raw.timeout, '--timeout');
  const deadlineMs = optionalDuration(raw.deadline, '--deadline');
  const staggerMs = raw.stagger === undefined ? undefined : parseDuration(raw.stagger, '--stagger');
  if (staggerMs !== undefined && deadlineMs !== undefined && staggerMs >= deadlineMs) {
    throw invalidValue('--stagger', raw.stagger!, 'expected less than --deadline');
  }
  return Object.freeze({
    ...policy,
    ...(seed === undefined ? {} : { seed }),
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    ...(deadlineMs === undefined ? {} : { deadlineMs }),
    ...(staggerMs === undefined ? {} : { staggerMs }),
  });
}

/** `--max`: a whole number of attempts, or `inf` / `infinity` for no limit. */
function parseMaxAttempts(text: string): number {
  if (/^\s*inf(inity)?\s*$/i.test(text)) return Infinity;
  try {
    return parseInteger(text, '--max', 1, 1_000_000);
  } catch {
    throw invalidValue('--max', text, 'expected a whole number from 1 to 1000000, or inf');
  }
}

function parseStrategy(text: string): StrategyName {
  const name = text.trim().toLowerCase();
  if ((STRATEGY_NAMES as readonly string[]).includes(name)) return name as StrategyName;
  const guess = closest(name, STRATEGY_NAMES);
  const hint = guess ? `; did you mean '${guess}'?` : '';
  throw new UsageError(
    `--strategy: unknown strategy '${text}' (expected one of ${STRATEGY_NAMES.join(', ')})${hint}`,
  );
}

/** What an HTTP request cannot show: it has no exit code, signal or output of a command. */
const COMMAND_ONLY: ReadonlySet<Condition['kind']> = new Set(['exit', 'signal', 'output']);

/** The condition lists (README, What gets retried), with the defaults of the mode where a list is not given. */
export function normalizeConditions(raw: RawConditionOptions, mode: Mode): Conditions {
  const parseAll = (values: string[] | undefined, flag: string) =>
    (values ?? [])
      .flatMap((value) => parseConditions(value, flag))
      .map((condition) => {
        if (mode === 'http' && COMMAND_ONLY.has(condition.kind)) {
          throw new UsageError(
            `${flag}: '${condition.token}' applies in command mode only; in HTTP mode use statuses (503, 5xx), timeout, connection or any`,
          );
        }
        return condition;
      });
  const retryOn = raw.retryOn?.length
    ? parseAll(raw.retryOn, '--retry-on')
    : parseConditions(
        mode === 'http' ? DEFAULTS.httpRetryOn : DEFAULTS.commandRetryOn,
        '--retry-on',
      );
  const stopOn = raw.stopOn?.length
    ? parseAll(raw.stopOn, '--stop-on')
    : mode === 'command'
      ? parseConditions(DEFAULTS.commandStopOn, '--stop-on')
      : [];
  if (mode === 'http' && raw.until?.length) {
    throw new UsageError(
      '--until: works in command mode only; in HTTP mode use --expect and --expect-body',
    );
  }
  const until = parseAll(raw.until, '--until');
  // Neither list given: a known tool's status decides as in HTTP mode (README "What gets retried").
  const statusAware = mode === 'command' && !raw.retryOn?.length && !raw.stopOn?.length;
  return Object.freeze({ retryOn, stopOn, until, ...(statusAware ? { statusAware } : {}) });
}
