import { DEFAULTS } from '../../shared/defaults.js';
import type { OptionSpec } from './spec.js';

/** README, Monitoring: the report file, run history, metrics file and GitHub Actions annotations. */
export const OBSERVABILITY_OPTIONS: readonly OptionSpec[] = [
  {
    long: '--report',
    value: '<file>',
    description: "write a JSON report of the run to <file> ('-': stdout)",
  },
  {
    long: '--name',
    value: '<name>',
    description:
      'name for history, metrics and annotations (default: breaker name, command basename or URL host)',
  },
  { long: '--no-record', description: 'do not record this run in the history' },
  {
    long: '--metrics-file',
    value: '<path>',
    description: "rewrite a Prometheus textfile-collector file after the run ('-': stdout)",
  },
  {
    long: '--redact',
    value: '<text>',
    description: 'also mask this text in what retry-run prints (repeatable)',
    list: true,
  },
  {
    long: '--warn-after',
    value: '<attempts>',
    description: `GitHub Actions: warn when a run needs this many attempts (default: ${DEFAULTS.warnAfter})`,
  },
  {
    long: '--pushgateway',
    value: '<url>',
    description: "push the run's metrics to a Prometheus Pushgateway",
  },
  {
    long: '--step-summary',
    value: '<when>',
    description: `GitHub Actions step summary: always, retries, never (default: ${DEFAULTS.stepSummary})`,
  },
];
