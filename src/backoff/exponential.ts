import { exactly, stepOf, type BackoffSettings, type BackoffStrategy } from './strategy.js';

/** e = min(cap, base·factor^(n−1)): the exponential envelope, which the jitters draw under. */
export function exponentialEnvelope(
  { baseMs, capMs, factor }: BackoffSettings,
  retry: number,
): number {
  return Math.min(capMs, baseMs * Math.pow(factor, retry - 1));
}

/** Whether the cap clamps the envelope of this retry. */
export function envelopeCapped({ baseMs, capMs, factor }: BackoffSettings, retry: number): boolean {
  return baseMs * Math.pow(factor, retry - 1) > capMs;
}

export const exponential: BackoffStrategy<'exponential'> = {
  name: 'exponential',
  random: false,
  formula: 'min(cap, base*factor^(n-1))',
  behaviour: 'doubles (by factor) each retry',
  whenToUse: 'one client against an overloaded service',
  delay: (settings, retry) => stepOf(exponentialEnvelope(settings, retry)),
  bounds: (settings, retry) => exactly(exponentialEnvelope(settings, retry)),
  capped: envelopeCapped,
  median: ({ minMs }) => minMs,
};
