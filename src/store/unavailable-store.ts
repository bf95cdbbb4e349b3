import { StoreError, type StateStore } from './store.js';

/**
 * The store when there is nowhere to keep state (no home directory for the default): every
 * operation fails as a broken store's would, so callers warn once and go on without it.
 */
export function createUnavailableStore(reason: string): StateStore {
  const fail = () => Promise.reject(new StoreError('unwritable', reason));
  return {
    location: '(no state directory)',
    read: fail,
    update: fail,
    list: fail,
    delete: fail,
    acquireLease: fail,
    releaseLease: fail,
    append: fail,
    readLog: fail,
    listLogs: fail,
    deleteLog: fail,
    close: () => Promise.resolve(),
  };
}
