import { stepOf, type BackoffSettings, type BackoffStrategy } from './strategy.js';

/** The top of the range a retry draws from: three times the last wait, never below base. */
function rangeTop({ baseMs }: BackoffSettings, previousMs: number): number {
  return Math.max(baseMs, 3 * previousMs);
}

/**
 * Decorrelated jitter: min(cap, uniform(base, 3·previous)), a random walk from the last wait.
 * Its median depends on the whole walk, so it has no `median`: `schedule` samples it.
 */
export const decorrelated: BackoffStrategy<'decorrelated'> = {
  name: 'decorrelated',
  random: true,
  formula: 'min(cap, uniform(base, 3*prev))',
  behaviour: 'random walk from the last wait',
  whenToUse: 'many clients, fewer calls than full jitter',
  delay: (settings, _retry, previousMs, random) => {
    const { baseMs, capMs } = settings;
    const high = rangeTop(settings, previousMs);
    return stepOf(Math.min(capMs, baseMs + random() * (high - baseMs)));
  },
  bounds: (settings, _retry, previousMaxMs) => ({
    minMs: Math.min(settings.capMs, settings.baseMs),
    maxMs: Math.round(Math.min(settings.capMs, rangeTop(settings, previousMaxMs))),
  }),
  capped: (settings, _retry, previousMaxMs) => rangeTop(settings, previousMaxMs) > settings.capMs,
};
