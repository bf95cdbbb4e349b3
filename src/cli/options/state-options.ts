import type { OptionSpec } from './spec.js';

/** README, Circuit breaker: where breakers and run history live (shared by the run, `breaker` and `stats`). */
export const STATE_OPTIONS: readonly OptionSpec[] = [
  {
    long: '--state',
    value: '<dir|redis-url>',
    description:
      'state store for breakers and history: a directory or redis://host:port[/db] (default: $XDG_STATE_HOME/retry-run, else ~/.local/state/retry-run)',
  },
];
