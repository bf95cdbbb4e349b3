import { DEFAULTS } from '../../shared/defaults.js';
import { formatDuration } from '../../shared/duration.js';
import type { OptionSpec } from './spec.js';

/** README, explain: what `retry-run explain` prints, and the thundering-herd simulation. */
export const EXPLAIN_OPTIONS: readonly OptionSpec[] = [
  { flags: '--format <format>', description: 'text or json (default: text)', scope: 'explain' },
  { flags: '--tools', description: 'the known-tool table: what each tool retries', noEnv: true },
  { flags: '--tools-file <file>', description: 'with --tools: JSON entries added to the table' },
  {
    flags: '--simulate <clients>',
    description: 'simulate that many clients failing at once, for every strategy',
    scope: 'explain',
  },
  {
    flags: '--capacity <calls>',
    description: `calls the simulated server answers per ${formatDuration(DEFAULTS.simulateSliceMs)} slice (default: ${DEFAULTS.simulateCapacity})`,
    scope: 'explain',
  },
  {
    flags: '--budget-tokens <n>',
    description: `the simulated fleet's retry budget (default: ${DEFAULTS.budgetTokens})`,
    scope: 'explain',
  },
  {
    flags: '--budget-ratio <number>',
    description: `what a success gives back to it (default: ${DEFAULTS.budgetRatio})`,
    scope: 'explain',
  },
];
