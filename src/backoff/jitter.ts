import { envelopeCapped, exponentialEnvelope } from './exponential.js';
import { stepOf, type BackoffStrategy } from './strategy.js';

/** Full jitter: uniform(0, e), anywhere from no wait to the exponential envelope. */
export const jitter: BackoffStrategy<'jitter'> = {
  name: 'jitter',
  random: true,
  formula: 'uniform(0, e)',
  behaviour: 'full jitter over the exponential e',
  whenToUse: 'many clients at once (the default): spreads load best',
  delay: (settings, retry, _previousMs, random) =>
    stepOf(random() * exponentialEnvelope(settings, retry)),
  bounds: (settings, retry) => ({
    minMs: 0,
    maxMs: Math.round(exponentialEnvelope(settings, retry)),
  }),
  capped: envelopeCapped,
  // Uniform over its range: the median is the middle.
  median: ({ minMs, maxMs }) => Math.round((minMs + maxMs) / 2),
};
