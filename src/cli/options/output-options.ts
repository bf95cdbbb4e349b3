import type { Command } from 'commander';
import { envOption } from './option.js';

/** README, Usage and Output: how the command is given and how retry-run reports. */
export function addOutputOptions(command: Command): Command {
  return command
    .addOption(
      envOption('-S, --shell <script>', 'run a script through /bin/sh -c instead of an argv'),
    )
    .addOption(envOption('-q, --quiet', 'print nothing but a final failure'))
    .addOption(
      envOption(
        '-v, --verbose',
        'print the resolved policy, classification detail and output tails',
      ),
    )
    .addOption(
      envOption('--log-format <format>', 'text or json (JSON lines on stderr) (default: text)'),
    )
    .addOption(
      envOption(
        '--log-file <path>',
        "append retry-run's own log here, not to stderr (- for stdout)",
      ),
    )
    .addOption(envOption('--dry-run', 'print the resolved policy and schedule, run nothing'));
}
