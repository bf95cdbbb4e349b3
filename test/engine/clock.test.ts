import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_TIMER_MS, realSleep, setLongTimeout, type Timers } from '../../src/shared/clock.js';

/** Timers that only record what was asked, fired by the test one at a time. */
function recordedTimers() {
  const pending = new Map<number, { callback: () => void; ms: number }>();
  const asked: number[] = [];
  let next = 0;
  const timers: Timers = {
    setTimeout(callback, ms) {
      asked.push(ms);
      pending.set(++next, { callback, ms });
      return next;
    },
    clearTimeout: (handle) => pending.delete(handle as number),
  };
  /** Fires the one pending timer (there is never more than one in a chain). */
  const fire = () => {
    const [handle, timer] = [...pending][0]!;
    pending.delete(handle);
    timer.callback();
  };
  return { timers, asked, fire, pending };
}

describe('setLongTimeout', () => {
  it('holds a short delay in one timer', () => {
    const { timers, asked, fire } = recordedTimers();
    const callback = vi.fn();
    setLongTimeout(callback, 1500, timers);
    expect(asked).toEqual([1500]);
    fire();
    expect(callback).toHaveBeenCalledOnce();
  });

  it('chains timers of at most 2^31-1 ms for a longer delay, and fires only after the last', () => {
    const { timers, asked, fire } = recordedTimers();
    const callback = vi.fn();
    const ms = 999 * 3_600_000; // --timeout 999h
    setLongTimeout(callback, ms, timers);
    while (asked.reduce((sum, step) => sum + step, 0) < ms) {
      expect(callback).not.toHaveBeenCalled();
      fire();
    }
    fire();
    expect(callback).toHaveBeenCalledOnce();
    expect(asked.every((step) => step <= MAX_TIMER_MS)).toBe(true);
    expect(asked.reduce((sum, step) => sum + step, 0)).toBe(ms);
  });

  it('cancels mid-chain', () => {
    const { timers, fire, pending } = recordedTimers();
    const callback = vi.fn();
    const cancel = setLongTimeout(callback, 3 * MAX_TIMER_MS, timers);
    fire();
    cancel();
    expect(pending.size).toBe(0);
    expect(callback).not.toHaveBeenCalled();
  });
});

describe('realSleep', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  // Node makes a 0 ms timer a 1 ms one: `--base 0` would wait a millisecond at every retry.
  it('waits no timer for 0 ms, only a turn of the event loop', async () => {
    const timeout = vi.spyOn(globalThis, 'setTimeout');
    let done = false;
    const sleeping = realSleep(0).then(() => (done = true));
    expect(done).toBe(false);
    await sleeping;
    expect(timeout).not.toHaveBeenCalled();
    timeout.mockRestore();
  });

  it('ends a wait of 0 at once when its signal aborts', async () => {
    const immediate = vi.spyOn(globalThis, 'clearImmediate');
    const controller = new AbortController();
    const sleeping = realSleep(0, controller.signal);
    controller.abort();
    await sleeping;
    expect(immediate).toHaveBeenCalledTimes(1);
    immediate.mockRestore();
  });

  // Node (and vitest's fake timers, which copy it) set a timer over 2^31-1 ms to 1 ms.
  it('does not end early when the wait is longer than one timer holds', async () => {
    vi.useFakeTimers();
    let done = false;
    void realSleep(MAX_TIMER_MS + 5000).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(MAX_TIMER_MS);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(5000);
    expect(done).toBe(true);
  });
});
