import type { HerdOptions } from '../../src/explain/simulate.js';

/** The CLI's default herd (200 clients, 10 calls per 100ms slice, base 1s, cap 1m, factor 2). */
export const herd = (extra: Partial<HerdOptions> = {}): HerdOptions => ({
  clients: 200,
  capacity: 10,
  sliceMs: 100,
  seed: 1,
  baseMs: 1000,
  capMs: 60_000,
  factor: 2,
  ...extra,
});
