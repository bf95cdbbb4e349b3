import { DEFAULTS } from '../../shared/defaults.js';
import { formatDuration } from '../../shared/duration.js';
import { STRATEGY_NAMES } from '../../backoff/strategies.js';
import type { OptionSpec } from './spec.js';

/** README, Options: how many attempts, how long to wait between them, and the time limits. */
export const POLICY_OPTIONS: readonly OptionSpec[] = [
  {
    short: '-s',
    long: '--strategy',
    value: '<name>',
    description: `backoff strategy: ${STRATEGY_NAMES.join(', ')} (default: ${DEFAULTS.strategy})`,
  },
  {
    short: '-n',
    long: '--max',
    value: '<attempts>',
    description: `total attempts, the first included, or inf (default: ${DEFAULTS.maxAttempts})`,
  },
  {
    short: '-b',
    long: '--base',
    value: '<duration>',
    description: `base delay (default: ${formatDuration(DEFAULTS.baseMs)})`,
  },
  {
    short: '-c',
    long: '--cap',
    value: '<duration>',
    description: `largest single delay (default: ${formatDuration(DEFAULTS.capMs)})`,
  },
  {
    long: '--factor',
    value: '<number>',
    description: `growth factor of the exponential kinds, > 1 (default: ${DEFAULTS.factor})`,
  },
  {
    long: '--seed',
    value: '<integer>',
    description: 'makes jitter reproducible (default: random)',
  },
  {
    short: '-t',
    long: '--timeout',
    value: '<duration>',
    description: 'limit for one attempt (default: none)',
  },
  {
    long: '--kill-after',
    value: '<duration>',
    description: `grace between SIGTERM and SIGKILL (default: ${formatDuration(DEFAULTS.killAfterMs)})`,
  },
  {
    long: '--deadline',
    value: '<duration>',
    description: 'limit for the whole run, waits included (default: none)',
  },
];
