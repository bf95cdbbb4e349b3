import { createSharedBreaker, type SharedBreaker } from '../breaker/breaker.js';
import type { BreakerConfig } from '../config/breaker.js';
import { systemClock } from '../shared/clock.js';
import type { StateStore } from '../store/store.js';

/**
 * The `--breaker` of a run: the shared breaker over the run's `--state` store (which history
 * shares; the caller closes it and prints its warnings). Loaded only when a run names a breaker.
 * `close` frees the probe lease.
 */
export function openBreakerGate(
  breaker: BreakerConfig,
  store: StateStore,
  warn: (message: string) => void,
): { gate: SharedBreaker; close: () => Promise<void> } {
  const gate = createSharedBreaker({
    ...breaker,
    store,
    clock: systemClock,
    warn,
  });
  return {
    gate,
    close: () => gate.close(),
  };
}
