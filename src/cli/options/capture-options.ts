import type { Command } from 'commander';
import { DEFAULTS } from '../../shared/defaults.js';
import { envOption } from './option.js';

/** README, Holding stdout: where each attempt's stdout goes. */
export function addCaptureOptions(command: Command): Command {
  return command.addOption(
    envOption(
      '--stdout <mode>',
      `live: as it comes; final: only the successful attempt's, once (failed ones to stderr) (default: ${DEFAULTS.stdout})`,
    ),
  );
}
