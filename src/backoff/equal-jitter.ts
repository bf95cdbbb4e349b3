import { envelopeCapped, exponentialEnvelope } from './exponential.js';
import { stepOf, type BackoffStrategy } from './strategy.js';

/** Equal jitter: e/2 + uniform(0, e/2), half of the envelope fixed and half drawn. */
export const equalJitter: BackoffStrategy<'equal-jitter'> = {
  name: 'equal-jitter',
  random: true,
  formula: 'e/2 + uniform(0, e/2)',
  behaviour: 'half fixed, half random',
  whenToUse: 'spread, but never retry too soon',
  delay: (settings, retry, _previousMs, random) => {
    const envelope = exponentialEnvelope(settings, retry);
    return stepOf(envelope / 2 + random() * (envelope / 2));
  },
  bounds: (settings, retry) => {
    const envelope = exponentialEnvelope(settings, retry);
    return { minMs: Math.round(envelope / 2), maxMs: Math.round(envelope) };
  },
  capped: envelopeCapped,
  // Uniform over its range: the median is the middle.
  median: ({ minMs, maxMs }) => Math.round((minMs + maxMs) / 2),
};
