import type { OptionSpec } from './spec.js';

/** README, Usage and Output: how the command is given and how retry-run reports. */
export const OUTPUT_OPTIONS: readonly OptionSpec[] = [
  {
    short: '-S',
    long: '--shell',
    value: '<script>',
    description: 'run a script through /bin/sh -c instead of an argv',
  },
  { short: '-q', long: '--quiet', description: 'print nothing but a final failure' },
  {
    short: '-v',
    long: '--verbose',
    description: 'print the resolved policy, classification detail and output tails',
  },
  {
    long: '--log-format',
    value: '<format>',
    description: 'text or json (JSON lines on stderr) (default: text)',
  },
  {
    long: '--log-file',
    value: '<path>',
    description: "append retry-run's own log here, not to stderr (- for stdout)",
  },
  { long: '--dry-run', description: 'print the resolved policy and schedule, run nothing' },
];
