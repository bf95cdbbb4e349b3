import { createSharedBreaker, type SharedBreaker } from '../breaker/breaker.js';
import type { BreakerConfig } from '../breaker/config.js';
import { systemClock } from '../engine/clock.js';
import { openStore, type StateLocation } from '../store/open-store.js';

/**
 * The `--breaker` of a run: the shared breaker over the `--state` store, warnings on stderr.
 * Loaded only when a run names a breaker. `close` frees the probe lease and the connection.
 */
export function openBreakerGate(
  breaker: BreakerConfig,
  state: StateLocation,
  quiet: boolean,
): { gate: SharedBreaker; close: () => Promise<void> } {
  const store = openStore(state);
  const gate = createSharedBreaker({
    ...breaker,
    store,
    clock: systemClock,
    warn: (message) => {
      if (!quiet) process.stderr.write(`retry-run: warning: ${message}\n`);
    },
  });
  return {
    gate,
    close: async () => {
      await gate.close();
      await store.close();
    },
  };
}
