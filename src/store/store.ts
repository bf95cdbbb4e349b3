import { StoreError, type StoreErrorKind } from '../shared/errors.js';

/**
 * The state store: what outlives one run of retry-run — circuit breakers (README, The state store) and run
 * history (§9) — shared by every process on a machine (file store, the default) or by a
 * fleet of machines (Redis store, `--state redis://host:port[/db]`).
 *
 * Contract, the same for every store:
 * - Documents are small JSON values addressed by (collection, name). `update` is an atomic
 *   read-modify-write across processes and machines: `change` receives the stored value
 *   (undefined when there is none) and returns the new one; no concurrent update is lost.
 *   `change` must be pure and quick — a store may call it more than once (Redis retries when
 *   another client wrote in between) — so take side results from its LAST call. Returning
 *   the very object it was given (`current`) means "no change": nothing is written.
 *   `read` never sees a half-written value (atomic rename, or one Redis key).
 * - Leases: `acquireLease` gives one holder at a time a lease that ends by itself after
 *   `ttlMs` (a crashed holder cannot keep it); acquiring again as the same holder renews it.
 *   `releaseLease` frees it only when that holder still has it. In Redis a lease is a key
 *   with an expiry, timed by the Redis server's clock.
 * - Logs are append-only lists of compact JSON records per (collection, name), kept bounded:
 *   after `append(…, { keep })` the log holds at least the newest `keep` records (when it
 *   has them) and never much more than 1.25 × `keep`; older records are dropped in batches.
 *   `readLog` returns them oldest first and skips a record it cannot parse.
 * - Names are any non-empty string (stores encode them); collections are fixed identifiers
 *   of the caller, such as `breaker` or `history`.
 * - Idle data may expire: the Redis store gives every key an expiry (`idleExpiryMs`, default
 *   30 days) that each write renews; the file store keeps files until they are deleted.
 * - Failure: every method rejects with a StoreError when the store is unreachable,
 *   unreadable, unwritable or corrupt. Stores never print; callers decide (the breaker
 *   warns once and fails open; history never fails a run).
 * - `close` releases connections; a store must be closed for the process to exit promptly.
 */
export interface StateStore {
  /** Where the state lives, for messages: a directory, or a Redis URL without password. */
  readonly location: string;
  read<T>(collection: string, name: string): Promise<T | undefined>;
  update<T>(collection: string, name: string, change: (current: T | undefined) => T): Promise<T>;
  /** Names of the documents in a collection, sorted. */
  list(collection: string): Promise<string[]>;
  /** Removes a document (and its lease); true when there was one. */
  delete(collection: string, name: string): Promise<boolean>;
  acquireLease(collection: string, name: string, holder: string, ttlMs: number): Promise<boolean>;
  releaseLease(collection: string, name: string, holder: string): Promise<void>;
  append(collection: string, name: string, record: unknown, options: AppendOptions): Promise<void>;
  /**
   * Readies a collection for a coming write, so that the write itself costs less (the file
   * store checks, or makes, the collection's folder). Best effort: it never rejects, and the
   * write reports what went wrong.
   */
  prepare?(collection: string): Promise<void>;
  readLog<T>(collection: string, name: string): Promise<T[]>;
  /** Names of the logs in a collection, sorted. */
  listLogs(collection: string): Promise<string[]>;
  deleteLog(collection: string, name: string): Promise<boolean>;
  close(): Promise<void>;
}

/** How long a log may grow. */
export interface AppendOptions {
  /** How many of the newest records the log must keep at least (≥ 1). */
  keep: number;
}

// The store's error is one of retry-run's own (README, Errors), shared by every layer.
export { StoreError, type StoreErrorKind } from '../shared/errors.js';

/** A StoreError for a failed system call, with the system's own words in it. */
export function storeErrorFrom(
  error: unknown,
  what: string,
  otherwise: StoreErrorKind = 'unreadable',
): StoreError {
  if (error instanceof StoreError) return error;
  const code = (error as NodeJS.ErrnoException)?.code;
  const kind: StoreErrorKind =
    code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'ENOSPC'
      ? 'unwritable'
      : code === 'ECONNREFUSED' || code === 'ETIMEDOUT' || code === 'ENOTFOUND'
        ? 'unreachable'
        : otherwise;
  const detail = (error as Error)?.message ?? String(error);
  return new StoreError(kind, `${what}: ${detail}`, { cause: error });
}

/** The same failure (same kind and code), its message led by what was being done. */
export function inContext(error: StoreError, doing: string): StoreError {
  return new StoreError(error.kind, `${doing}: ${error.message}`, { cause: error });
}

/** Parses a stored JSON document; a value that is not JSON is a corrupt store. */
export function parseDocument<T>(text: string, where: string): T {
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new StoreError('corrupt', `${where} is corrupt (not JSON)`, { cause: error });
  }
}

/** Parses log lines, skipping any that are not JSON (a torn or hand-edited line). */
export function parseLogLines<T>(lines: readonly string[]): T[] {
  const records: T[] = [];
  for (const line of lines) {
    if (line.trim() === '') continue;
    try {
      records.push(JSON.parse(line) as T);
    } catch {
      // A broken line costs that record only, never the whole history.
    }
  }
  return records;
}

/** How many records a log may reach before it is cut back to `keep`. */
export function logLimit(keep: number): number {
  return Math.max(keep + 1, Math.ceil(keep * 1.25));
}
