import { exactly, stepOf, type BackoffSettings, type BackoffStrategy } from './strategy.js';

/** min(cap, base): the same wait every time. */
function fixedDelay({ baseMs, capMs }: BackoffSettings): number {
  return Math.min(capMs, baseMs);
}

export const fixed: BackoffStrategy<'fixed'> = {
  name: 'fixed',
  random: false,
  formula: 'min(cap, base)',
  behaviour: 'the same wait every time',
  whenToUse: 'polling for readiness at a steady pace',
  delay: (settings) => stepOf(fixedDelay(settings)),
  bounds: (settings) => exactly(fixedDelay(settings)),
  capped: ({ baseMs, capMs }) => baseMs > capMs,
  median: ({ minMs }) => minMs,
};
