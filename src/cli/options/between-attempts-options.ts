import type { OptionSpec } from './spec.js';

/** What a run does around its attempts: a hook between them, a random start. */
export const BETWEEN_ATTEMPTS_OPTIONS: readonly OptionSpec[] = [
  {
    long: '--on-retry',
    value: '<script>',
    description:
      'run through /bin/sh after a failed attempt that will be retried, before the wait (output to stderr; a failure only warns)',
  },
  {
    long: '--stagger',
    value: '<duration>',
    description: 'wait a random time in [0, duration] before the first attempt (default: none)',
  },
];
