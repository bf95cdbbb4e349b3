import { DEFAULTS } from '../../shared/defaults.js';
import type { OptionSpec } from './spec.js';

/** README, stdin: what the attempts read on stdin. */
export const STDIN_OPTIONS: readonly OptionSpec[] = [
  {
    long: '--stdin',
    value: '<mode>',
    description: `auto: a terminal is inherited, anything else is recorded and replayed to every attempt; none: an empty stdin (default: ${DEFAULTS.stdin})`,
  },
];
