import { DEFAULTS } from '../../shared/defaults.js';
import { formatDuration } from '../../shared/duration.js';
import type { OptionSpec } from './spec.js';

/** README, explain: what `retry-run explain` prints, and the thundering-herd simulation. */
export const EXPLAIN_OPTIONS: readonly OptionSpec[] = [
  {
    long: '--format',
    value: '<format>',
    description: 'text or json (default: text)',
    scope: 'explain',
  },
  { long: '--tools', description: 'the known-tool table: what each tool retries', noEnv: true },
  {
    long: '--tools-file',
    value: '<file>',
    description: 'with --tools: JSON entries added to the table',
  },
  {
    long: '--simulate',
    value: '<clients>',
    description: 'simulate that many clients failing at once, for every strategy',
    scope: 'explain',
  },
  {
    long: '--capacity',
    value: '<calls>',
    description: `calls the simulated server answers per ${formatDuration(DEFAULTS.simulateSliceMs)} slice (default: ${DEFAULTS.simulateCapacity})`,
    scope: 'explain',
  },
  {
    long: '--budget-tokens',
    value: '<n>',
    description: `the simulated fleet's retry budget (default: ${DEFAULTS.budgetTokens})`,
    scope: 'explain',
  },
  {
    long: '--budget-ratio',
    value: '<number>',
    description: `what a success gives back to it (default: ${DEFAULTS.budgetRatio})`,
    scope: 'explain',
  },
];
