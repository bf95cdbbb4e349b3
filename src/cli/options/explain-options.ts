import { Option, type Command } from 'commander';
import { DEFAULTS } from '../../shared/defaults.js';
import { formatDuration } from '../../shared/duration.js';
import { envOption } from './option.js';

/** README, explain: what `retry-run explain` prints, and the thundering-herd simulation. */
export function addExplainOptions(command: Command): Command {
  return command
    .addOption(envOption('--format <format>', 'text or json (default: text)', 'explain'))
    .addOption(new Option('--tools', 'the known-tool table: what each tool retries'))
    .addOption(envOption('--tools-file <file>', 'with --tools: JSON entries added to the table'))
    .addOption(
      envOption(
        '--simulate <clients>',
        'simulate that many clients failing at once, for every strategy',
        'explain',
      ),
    )
    .addOption(
      envOption(
        '--capacity <calls>',
        `calls the simulated server answers per ${formatDuration(DEFAULTS.simulateSliceMs)} slice (default: ${DEFAULTS.simulateCapacity})`,
        'explain',
      ),
    )
    .addOption(
      envOption(
        '--budget-tokens <n>',
        `the simulated fleet's retry budget (default: ${DEFAULTS.budgetTokens})`,
        'explain',
      ),
    )
    .addOption(
      envOption(
        '--budget-ratio <number>',
        `what a success gives back to it (default: ${DEFAULTS.budgetRatio})`,
        'explain',
      ),
    );
}
