import { DEFAULTS } from '../../shared/defaults.js';
import type { OptionSpec } from './spec.js';

/** README, Holding stdout: where each attempt's stdout goes. */
export const CAPTURE_OPTIONS: readonly OptionSpec[] = [
  {
    long: '--stdout',
    value: '<mode>',
    description: `live: as it comes; final: only the successful attempt's, once (failed ones to stderr) (default: ${DEFAULTS.stdout})`,
  },
];
