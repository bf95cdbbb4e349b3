import type { Command } from 'commander';
import { DEFAULTS } from '../../shared/defaults.js';
import { formatDuration } from '../../shared/duration.js';
import { envOption } from './option.js';

/** README, Circuit breaker: the circuit breaker shared by every run that names it. */
export function addBreakerOptions(command: Command): Command {
  return command
    .addOption(
      envOption('--breaker <name>', 'share a circuit breaker with every run that names it'),
    )
    .addOption(
      envOption(
        '--breaker-threshold <n>',
        `consecutive failed attempts that open the breaker (default: ${DEFAULTS.breakerThreshold})`,
      ),
    )
    .addOption(
      envOption(
        '--breaker-cooldown <duration>',
        `how long it stays open; doubles on each re-open, up to 16x (default: ${formatDuration(DEFAULTS.breakerCooldownMs)})`,
      ),
    )
    .addOption(
      envOption(
        '--breaker-strict',
        'refuse to run (exit 75) when the state store cannot be used, instead of acting as closed',
      ),
    );
}
