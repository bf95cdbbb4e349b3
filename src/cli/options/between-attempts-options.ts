import type { Command } from 'commander';
import { envOption } from './option.js';

/** What a run does around its attempts: a hook between them, a random start. */
export function addBetweenAttemptsOptions(command: Command): Command {
  return command
    .addOption(
      envOption(
        '--on-retry <script>',
        'run through /bin/sh after a failed attempt that will be retried, before the wait (output to stderr; a failure only warns)',
      ),
    )
    .addOption(
      envOption(
        '--stagger <duration>',
        'wait a random time in [0, duration] before the first attempt (default: none)',
      ),
    );
}
