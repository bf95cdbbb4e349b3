import { DEFAULTS } from '../../shared/defaults.js';
import type { OptionSpec } from './spec.js';

/** README "Retry budget": a budget of retries shared by every run that names it. */
export const BUDGET_OPTIONS: readonly OptionSpec[] = [
  {
    long: '--budget',
    value: '<name>',
    description:
      'share a retry budget with every run that names it: retries stop while most attempts fail; first attempts always run',
  },
  {
    long: '--budget-tokens',
    value: '<n>',
    description: `the budget's tokens; a failed attempt takes 1 (default: ${DEFAULTS.budgetTokens})`,
  },
  {
    long: '--budget-ratio',
    value: '<number>',
    description: `tokens a successful attempt gives back (default: ${DEFAULTS.budgetRatio})`,
  },
];
