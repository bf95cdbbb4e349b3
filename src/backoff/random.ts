/** A source of uniform numbers in [0, 1). Injected so that jitter is testable and seedable. */
export type RandomSource = () => number;

/**
 * mulberry32: a tiny, fast PRNG with a 32-bit state. Good enough for spreading retries, and
 * the same seed gives the same schedule on every machine and Node version.
 *
 * @example
 * ```ts
 * import { seededRandom } from 'retry-run';
 *
 * const a = seededRandom(42);
 * const b = seededRandom(42);
 * console.log(a() === b(), a() < 1); // true true
 * ```
 */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
