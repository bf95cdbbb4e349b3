import type { Command } from 'commander';
import { envOption } from './option.js';

/** README, Circuit breaker: where breakers and run history live (shared by the run, `breaker` and `stats`). */
export function addStateOption(command: Command): Command {
  return command.addOption(
    envOption(
      '--state <dir|redis-url>',
      'state store for breakers and history: a directory or redis://host:port[/db] (default: $XDG_STATE_HOME/retry-run, else ~/.local/state/retry-run)',
    ),
  );
}
