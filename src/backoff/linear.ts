import { exactly, stepOf, type BackoffSettings, type BackoffStrategy } from './strategy.js';

/** min(cap, base·n): one more base per retry. */
function linearDelay({ baseMs, capMs }: BackoffSettings, retry: number): number {
  return Math.min(capMs, baseMs * retry);
}

export const linear: BackoffStrategy<'linear'> = {
  name: 'linear',
  random: false,
  formula: 'min(cap, base*n)',
  behaviour: 'grows by one base per retry',
  whenToUse: 'gentle back-off for a local resource',
  delay: (settings, retry) => stepOf(linearDelay(settings, retry)),
  bounds: (settings, retry) => exactly(linearDelay(settings, retry)),
  capped: ({ baseMs, capMs }, retry) => baseMs * retry > capMs,
  median: ({ minMs }) => minMs,
};
