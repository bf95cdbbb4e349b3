import type { Command } from 'commander';
import { DEFAULTS } from '../../shared/defaults.js';
import { envOption } from './option.js';

/** README, stdin: what the attempts read on stdin. */
export function addStdinOptions(command: Command): Command {
  return command.addOption(
    envOption(
      '--stdin <mode>',
      `auto: a terminal is inherited, anything else is recorded and replayed to every attempt; none: an empty stdin (default: ${DEFAULTS.stdin})`,
    ),
  );
}
