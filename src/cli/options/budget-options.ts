import type { Command } from 'commander';
import { DEFAULTS } from '../../shared/defaults.js';
import { envOption } from './option.js';

/** README "Retry budget": a budget of retries shared by every run that names it. */
export function addBudgetOptions(command: Command): Command {
  return command
    .addOption(
      envOption(
        '--budget <name>',
        'share a retry budget with every run that names it: retries stop while most attempts fail; first attempts always run',
      ),
    )
    .addOption(
      envOption(
        '--budget-tokens <n>',
        `the budget's tokens; a failed attempt takes 1 (default: ${DEFAULTS.budgetTokens})`,
      ),
    )
    .addOption(
      envOption(
        '--budget-ratio <number>',
        `tokens a successful attempt gives back (default: ${DEFAULTS.budgetRatio})`,
      ),
    );
}
