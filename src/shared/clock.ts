/** Wall-clock milliseconds since the epoch. Injected so tests never really wait. */
export interface Clock {
  now(): number;
}

/** Waits `ms`, or less if `signal` aborts first. Never rejects. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const systemClock: Clock = { now: () => Date.now() };

/**
 * The longest delay one Node timer holds: 2^31−1 ms, about 24.8 days. A longer one is
 * silently set to 1 ms (TimeoutOverflowWarning), so `--timeout 999h` would fire at once.
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** The two timer functions setLongTimeout chains; injected in tests. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const nodeTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * Calls `callback` once `ms` have passed, however long that is: a delay no single timer can
 * hold is a chain of timers of at most MAX_TIMER_MS each, so no duration ever fires early.
 * Returns the function that cancels it. Every timer of retry-run's own durations is one of
 * these (waits, `--timeout`, `--deadline`, `--kill-after`).
 */
export function setLongTimeout(callback: () => void, ms: number, timers = nodeTimers): () => void {
  let handle: unknown;
  const arm = (left: number) => {
    const step = Math.min(left, MAX_TIMER_MS);
    handle = timers.setTimeout(() => (left > step ? arm(left - step) : callback()), step);
  };
  arm(Math.max(0, ms));
  return () => timers.clearTimeout(handle);
}

export const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      cancel();
      signal?.removeEventListener('abort', done);
      resolve();
    };
    // A wait of 0 (`--base 0`) is one turn of the event loop, where signals and output are
    // still seen: Node makes a 0 ms timer a 1 ms one, a millisecond at every retry.
    const cancel = ms > 0 ? setLongTimeout(done, ms) : nextTurn(done);
    signal?.addEventListener('abort', done, { once: true });
  });

function nextTurn(callback: () => void): () => void {
  const handle = setImmediate(callback);
  return () => clearImmediate(handle);
}
