import type { Command } from 'commander';
import { DEFAULTS } from '../../shared/defaults.js';
import { formatDuration } from '../../shared/duration.js';
import { STRATEGY_NAMES } from '../../backoff/strategies.js';
import { envOption } from './option.js';

/** README, Options: how many attempts, how long to wait between them, and the time limits. */
export function addPolicyOptions(command: Command): Command {
  return command
    .addOption(
      envOption(
        '-s, --strategy <name>',
        `backoff strategy: ${STRATEGY_NAMES.join(', ')} (default: ${DEFAULTS.strategy})`,
      ),
    )
    .addOption(
      envOption(
        '-n, --max <attempts>',
        `total attempts, the first included, or inf (default: ${DEFAULTS.maxAttempts})`,
      ),
    )
    .addOption(
      envOption(
        '-b, --base <duration>',
        `base delay (default: ${formatDuration(DEFAULTS.baseMs)})`,
      ),
    )
    .addOption(
      envOption(
        '-c, --cap <duration>',
        `largest single delay (default: ${formatDuration(DEFAULTS.capMs)})`,
      ),
    )
    .addOption(
      envOption(
        '--factor <number>',
        `growth factor of the exponential kinds, > 1 (default: ${DEFAULTS.factor})`,
      ),
    )
    .addOption(envOption('--seed <integer>', 'makes jitter reproducible (default: random)'))
    .addOption(envOption('-t, --timeout <duration>', 'limit for one attempt (default: none)'))
    .addOption(
      envOption(
        '--kill-after <duration>',
        `grace between SIGTERM and SIGKILL (default: ${formatDuration(DEFAULTS.killAfterMs)})`,
      ),
    )
    .addOption(
      envOption('--deadline <duration>', 'limit for the whole run, waits included (default: none)'),
    );
}
