import { BETWEEN_ATTEMPTS_OPTIONS } from './between-attempts-options.js';
import { BREAKER_OPTIONS } from './breaker-options.js';
import { BUDGET_OPTIONS } from './budget-options.js';
import { CAPTURE_OPTIONS } from './capture-options.js';
import { CONDITION_OPTIONS } from './condition-options.js';
import { HTTP_OPTIONS } from './http-options.js';
import { OBSERVABILITY_OPTIONS } from './observability-options.js';
import { OUTPUT_OPTIONS } from './output-options.js';
import { POLICY_OPTIONS } from './policy-options.js';
import { STATE_OPTIONS } from './state-options.js';
import { STDIN_OPTIONS } from './stdin-options.js';
import type { OptionSpec } from './spec.js';

/** A run's options, under the headings of `retry-run --help`, in its order. */
export const RUN_OPTION_GROUPS: readonly { heading: string; specs: readonly OptionSpec[] }[] = [
  { heading: 'Policy:', specs: [...POLICY_OPTIONS, ...BETWEEN_ATTEMPTS_OPTIONS] },
  { heading: 'What is retried:', specs: CONDITION_OPTIONS },
  {
    heading: 'Command and output:',
    specs: [...OUTPUT_OPTIONS, ...CAPTURE_OPTIONS, ...STDIN_OPTIONS],
  },
  { heading: 'HTTP mode:', specs: HTTP_OPTIONS },
  {
    heading: 'Circuit breaker and state:',
    specs: [...BREAKER_OPTIONS, ...BUDGET_OPTIONS, ...STATE_OPTIONS],
  },
  { heading: 'Reports, history and CI:', specs: OBSERVABILITY_OPTIONS },
];

export const RUN_OPTIONS: readonly OptionSpec[] = RUN_OPTION_GROUPS.flatMap(({ specs }) => specs);
