import { DEFAULTS } from '../../shared/defaults.js';
import { formatDuration } from '../../shared/duration.js';
import type { OptionSpec } from './spec.js';

/** README, Circuit breaker: the circuit breaker shared by every run that names it. */
export const BREAKER_OPTIONS: readonly OptionSpec[] = [
  {
    long: '--breaker',
    value: '<name>',
    description: 'share a circuit breaker with every run that names it',
  },
  {
    long: '--breaker-threshold',
    value: '<n>',
    description: `consecutive failed attempts that open the breaker (default: ${DEFAULTS.breakerThreshold})`,
  },
  {
    long: '--breaker-cooldown',
    value: '<duration>',
    description: `how long it stays open; doubles on each re-open, up to 16x (default: ${formatDuration(DEFAULTS.breakerCooldownMs)})`,
  },
  {
    long: '--breaker-strict',
    description:
      'refuse to run (exit 75) when the state store cannot be used, instead of acting as closed',
  },
];
