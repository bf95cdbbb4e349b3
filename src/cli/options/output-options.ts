import type { OptionSpec } from './spec.js';

/** README, Usage and Output: how the command is given and how retry-run reports. */
export const OUTPUT_OPTIONS: readonly OptionSpec[] = [
  {
    flags: '-S, --shell <script>',
    description: 'run a script through /bin/sh -c instead of an argv',
  },
  { flags: '-q, --quiet', description: 'print nothing but a final failure' },
  {
    flags: '-v, --verbose',
    description: 'print the resolved policy, classification detail and output tails',
  },
  {
    flags: '--log-format <format>',
    description: 'text or json (JSON lines on stderr) (default: text)',
  },
  {
    flags: '--log-file <path>',
    description: "append retry-run's own log here, not to stderr (- for stdout)",
  },
  { flags: '--dry-run', description: 'print the resolved policy and schedule, run nothing' },
];
