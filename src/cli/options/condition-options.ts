import type { Command } from 'commander';
import { DEFAULTS } from '../../shared/defaults.js';
import { formatDuration } from '../../shared/duration.js';
import { envOption, listOption } from './option.js';

/** README, What gets retried and HTTP mode: what is retried, what stops the run, what success requires. */
export function addConditionOptions(command: Command): Command {
  return command
    .addOption(
      listOption(
        '--retry-on <conditions>',
        `failures to retry (default: ${DEFAULTS.commandRetryOn}; HTTP: ${DEFAULTS.httpRetryOn})`,
      ),
    )
    .addOption(
      listOption(
        '--stop-on <conditions>',
        `failures that end the run at once (default: ${DEFAULTS.commandStopOn})`,
      ),
    )
    .addOption(
      listOption('--until <conditions>', 'conditions an attempt must meet to count as a success'),
    )
    .addOption(
      envOption(
        '--max-server-wait <duration>',
        `longest server-directed wait honoured (default: ${formatDuration(DEFAULTS.maxServerWaitMs)})`,
      ),
    )
    .addOption(envOption('--no-server-wait', 'ignore Retry-After and rate-limit headers'))
    .addOption(envOption('--tools-file <file>', 'JSON entries added to the known-tool table'));
}
