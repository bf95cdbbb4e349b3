import { createFileStore } from './file-store.js';
import type { StateLocation } from './location.js';
import { createRedisStore } from './redis-store.js';
import type { StateStore } from './store.js';
import { createUnavailableStore } from './unavailable-store.js';

export { resolveStateLocation, type StateLocation } from './location.js';

/**
 * The store for a location (`--state`). Opening never touches the disk or the network:
 * a broken store shows up as a StoreError from the first operation, where callers decide.
 *
 * @example
 * ```ts
 * import { openStore, resolveStateLocation } from 'retry-run';
 *
 * const store = openStore(resolveStateLocation(process.env.RETRY_RUN_STATE));
 * try {
 *   console.log(await store.listLogs('history'));
 * } finally {
 *   await store.close();
 * }
 * ```
 */
export function openStore(location: StateLocation): StateStore {
  if (location.kind === 'unavailable') return createUnavailableStore(location.reason);
  return location.kind === 'redis'
    ? createRedisStore({ url: location.url, location: location.display })
    : createFileStore({ dir: location.dir });
}
