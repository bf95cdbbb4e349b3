import { DEFAULTS } from '../../shared/defaults.js';
import { formatDuration } from '../../shared/duration.js';
import type { OptionSpec } from './spec.js';

/** README, What gets retried and HTTP mode: what is retried, what stops the run, what success requires. */
export const CONDITION_OPTIONS: readonly OptionSpec[] = [
  {
    flags: '--retry-on <conditions>',
    description: `failures to retry (default: ${DEFAULTS.commandRetryOn}; HTTP: ${DEFAULTS.httpRetryOn})`,
    list: true,
  },
  {
    flags: '--stop-on <conditions>',
    description: `failures that end the run at once (default: ${DEFAULTS.commandStopOn})`,
    list: true,
  },
  {
    flags: '--until <conditions>',
    description: 'conditions an attempt must meet to count as a success',
    list: true,
  },
  {
    flags: '--max-server-wait <duration>',
    description: `longest server-directed wait honoured (default: ${formatDuration(DEFAULTS.maxServerWaitMs)})`,
  },
  { flags: '--no-server-wait', description: 'ignore Retry-After and rate-limit headers' },
  { flags: '--tools-file <file>', description: 'JSON entries added to the known-tool table' },
];
