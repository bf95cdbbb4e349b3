import { DEFAULTS } from '../../shared/defaults.js';
import { formatDuration } from '../../shared/duration.js';
import type { OptionSpec } from './spec.js';

/** README, What gets retried and HTTP mode: what is retried, what stops the run, what success requires. */
export const CONDITION_OPTIONS: readonly OptionSpec[] = [
  {
    long: '--retry-on',
    value: '<conditions>',
    description: `failures to retry (default: ${DEFAULTS.commandRetryOn}; HTTP: ${DEFAULTS.httpRetryOn})`,
    list: true,
  },
  {
    long: '--stop-on',
    value: '<conditions>',
    description: `failures that end the run at once (default: ${DEFAULTS.commandStopOn})`,
    list: true,
  },
  {
    long: '--until',
    value: '<conditions>',
    description: 'conditions an attempt must meet to count as a success',
    list: true,
  },
  {
    long: '--max-server-wait',
    value: '<duration>',
    description: `longest server-directed wait honoured (default: ${formatDuration(DEFAULTS.maxServerWaitMs)})`,
  },
  { long: '--no-server-wait', description: 'ignore Retry-After and rate-limit headers' },
  {
    long: '--tools-file',
    value: '<file>',
    description: 'JSON entries added to the known-tool table',
  },
];
