import { DEFAULTS } from '../../shared/defaults.js';
import { formatDuration } from '../../shared/duration.js';
import { STRATEGY_NAMES } from '../../backoff/strategies.js';
import type { OptionSpec } from './spec.js';

/** README, Options: how many attempts, how long to wait between them, and the time limits. */
export const POLICY_OPTIONS: readonly OptionSpec[] = [
  {
    flags: '-s, --strategy <name>',
    description: `backoff strategy: ${STRATEGY_NAMES.join(', ')} (default: ${DEFAULTS.strategy})`,
  },
  {
    flags: '-n, --max <attempts>',
    description: `total attempts, the first included, or inf (default: ${DEFAULTS.maxAttempts})`,
  },
  {
    flags: '-b, --base <duration>',
    description: `base delay (default: ${formatDuration(DEFAULTS.baseMs)})`,
  },
  {
    flags: '-c, --cap <duration>',
    description: `largest single delay (default: ${formatDuration(DEFAULTS.capMs)})`,
  },
  {
    flags: '--factor <number>',
    description: `growth factor of the exponential kinds, > 1 (default: ${DEFAULTS.factor})`,
  },
  { flags: '--seed <integer>', description: 'makes jitter reproducible (default: random)' },
  { flags: '-t, --timeout <duration>', description: 'limit for one attempt (default: none)' },
  {
    flags: '--kill-after <duration>',
    description: `grace between SIGTERM and SIGKILL (default: ${formatDuration(DEFAULTS.killAfterMs)})`,
  },
  {
    flags: '--deadline <duration>',
    description: 'limit for the whole run, waits included (default: none)',
  },
];
