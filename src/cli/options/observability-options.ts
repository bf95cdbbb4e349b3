import { DEFAULTS } from '../../shared/defaults.js';
import type { OptionSpec } from './spec.js';

/** README, Monitoring: the report file, run history, metrics file and GitHub Actions annotations. */
export const OBSERVABILITY_OPTIONS: readonly OptionSpec[] = [
  {
    flags: '--report <file>',
    description: "write a JSON report of the run to <file> ('-': stdout)",
  },
  {
    flags: '--name <name>',
    description:
      'name for history, metrics and annotations (default: breaker name, command basename or URL host)',
  },
  { flags: '--no-record', description: 'do not record this run in the history' },
  {
    flags: '--metrics-file <path>',
    description: "rewrite a Prometheus textfile-collector file after the run ('-': stdout)",
  },
  {
    flags: '--redact <text>',
    description: 'also mask this text in what retry-run prints (repeatable)',
    list: true,
  },
  {
    flags: '--warn-after <attempts>',
    description: `GitHub Actions: warn when a run needs this many attempts (default: ${DEFAULTS.warnAfter})`,
  },
  {
    flags: '--pushgateway <url>',
    description: "push the run's metrics to a Prometheus Pushgateway",
  },
  {
    flags: '--step-summary <when>',
    description: `GitHub Actions step summary: always, retries, never (default: ${DEFAULTS.stepSummary})`,
  },
];
