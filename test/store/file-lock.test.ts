import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Sleep } from '../../src/shared/clock.js';
import { withFileLock, type FileLockOptions } from '../../src/store/file-lock.js';
import { StoreError } from '../../src/store/store.js';

/**
 * Wall-clock time that moves only when the test says: sleepers wake when it passes their
 * time. Starts at the real time, as mtimes written by the system are compared with it.
 */
function fakeClock() {
  let now = Date.now();
  const sleepers = new Set<{ at: number; wake: () => void }>();
  const sleep: Sleep = (ms, signal) =>
    new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const sleeper = { at: now + ms, wake: () => (sleepers.delete(sleeper), resolve()) };
      sleepers.add(sleeper);
      signal?.addEventListener('abort', sleeper.wake, { once: true });
    });
  /**
   * Moves time on in 20 ms steps, letting file operations finish between steps: they run on
   * libuv's thread pool, and on a loaded machine one can outlast many turns of the event loop.
   * Time must not move on while a holder is mid-renewal, or the test, not the lock, breaks it.
   */
  const advance = async (ms: number) => {
    for (const end = now + ms; now < end;) {
      now = Math.min(end, now + 20);
      for (const sleeper of [...sleepers]) if (sleeper.at <= now) sleeper.wake();
      await fileOperationsDone();
    }
  };
  return { now: () => now, sleep, advance };
}

/** Turns of the event loop until no file operation is in flight (bounded: never a hang). */
async function fileOperationsDone(): Promise<void> {
  const inFlight = () => process.getActiveResourcesInfo().some((r) => r.startsWith('FSReq'));
  for (let turn = 0; turn < 100_000; turn++) {
    await new Promise((resolve) => setImmediate(resolve));
    if (!inFlight()) break;
  }
  // One more turn for the promise chains the last operation resumed.
  await new Promise((resolve) => setImmediate(resolve));
}

/** Lets file operations run, the clock moving 1 ms a step, until `condition` holds. */
async function until(condition: () => boolean): Promise<void> {
  for (let tries = 0; !condition() && tries < 10_000; tries++) await clock.advance(1);
  expect(condition()).toBe(true);
}

let dir: string;
let clock: ReturnType<typeof fakeClock>;
let options: FileLockOptions;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'retry-run-lock-'));
  clock = fakeClock();
  options = { staleMs: 10_000, timeoutMs: 15_000, now: clock.now, sleep: clock.sleep };
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** Takes the lock and holds it until `release` is called. */
function hold(lock: string, lockOptions: FileLockOptions = options) {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let stillHeld: () => Promise<boolean> = async () => false;
  let acquired = false;
  const done = withFileLock(lock, lockOptions, async (check) => {
    stillHeld = check;
    acquired = true;
    await released;
  });
  return { done, release, stillHeld: () => stillHeld(), acquired: () => acquired };
}

/** Lets the clock run until `promise` settles; then its value, or its error. */
async function outcomeOf(promise: Promise<unknown>): Promise<unknown> {
  let outcome: { value: unknown } | undefined;
  promise.then(
    () => (outcome = { value: 'resolved' }),
    (error: unknown) => (outcome = { value: error }),
  );
  await until(() => outcome !== undefined);
  return outcome!.value;
}

describe('withFileLock', () => {
  it('never breaks a lock whose holder is alive and renewing it, however long it holds', async () => {
    const lock = join(dir, 'x.lock');
    const holder = hold(lock);
    await until(holder.acquired);
    const waiter = hold(lock, { ...options, timeoutMs: 60_000 });
    await clock.advance(35_000);
    expect(waiter.acquired()).toBe(false);
    expect(await holder.stillHeld()).toBe(true);
    holder.release();
    await holder.done;
    await clock.advance(100);
    await until(waiter.acquired);
    waiter.release();
    await waiter.done;
  });

  it('counts the age of a lock from when it was taken, not from when its taker began waiting', async () => {
    const lock = join(dir, 'x.lock');
    const first = hold(lock);
    await until(first.acquired);
    const second = hold(lock);
    await clock.advance(9_000); // the second waits 9 s
    first.release();
    await first.done;
    await clock.advance(100);
    await until(second.acquired);
    // A third, arriving now, must not take the second's 9-second wait for the lock's age.
    const thirdStarted = clock.now();
    const third = withFileLock(lock, { ...options, timeoutMs: 3000 }, async () => 'taken');
    expect(await outcomeOf(third)).toBeInstanceOf(StoreError);
    expect(clock.now() - thirdStarted).toBeGreaterThan(3000);
    expect(await second.stillHeld()).toBe(true);
    second.release();
    await second.done;
  });

  it('keeps waiting past its limit while the lock changes hands, and gives up on one holder', async () => {
    const lock = join(dir, 'x.lock');
    // Holders on another host (never judged dead by pid), each taking the lock fresh.
    const takeAs = async (token: string) => {
      await writeFile(lock, JSON.stringify({ pid: 1, host: 'elsewhere', token }));
      const now = new Date(clock.now());
      await utimes(lock, now, now);
    };
    await takeAs('first');
    let outcome: unknown;
    withFileLock(lock, { ...options, timeoutMs: 3000 }, async () => 'taken').then(
      (value) => (outcome = value),
      (error: unknown) => (outcome = error),
    );
    // Five holders in turn, 2 s each: 10 s of waiting, but the lock keeps changing hands.
    for (let turn = 0; turn < 5; turn++) {
      await clock.advance(2000);
      await takeAs(`holder-${turn}`);
    }
    expect(outcome).toBeUndefined();
    // Then one holder keeps it past the limit (renewing it): the waiter gives up.
    for (let second = 0; second < 4 && outcome === undefined; second++) {
      await clock.advance(1000);
      const now = new Date(clock.now());
      await utimes(lock, now, now);
    }
    await until(() => outcome !== undefined);
    expect(outcome).toBeInstanceOf(StoreError);
  });

  it('breaks at once a lock dated far in the future (a skewed clock on a shared volume)', async () => {
    const lock = join(dir, 'x.lock');
    await writeFile(lock, JSON.stringify({ pid: 1, host: 'elsewhere', token: 't' }));
    const future = new Date(clock.now() + 3_600_000);
    await utimes(lock, future, future);
    const taken = withFileLock(lock, { ...options, timeoutMs: 1000 }, async () => 'taken');
    expect(await outcomeOf(taken)).toBe('resolved');
  });

  it('gives up on a FIFO planted as the lock instead of blocking in a read of it', async () => {
    const lock = join(dir, 'x.lock');
    execFileSync('mkfifo', [lock]);
    const taken = withFileLock(lock, { ...options, timeoutMs: 1000 }, async () => 'taken');
    const outcome = await outcomeOf(taken);
    expect(outcome).toBeInstanceOf(StoreError);
    expect(outcome).toMatchObject({ kind: 'busy' });
  });

  it("removes the '.new' files a killed acquirer left, and keeps a live waiter's", async () => {
    const lock = join(dir, 'x.lock');
    const old = new Date(clock.now() - 60_000);
    for (const name of ['x.lock.4242.1-dead.new', 'x.lock.4243.1-ahead.new']) {
      await writeFile(join(dir, name), '{}');
    }
    await utimes(join(dir, 'x.lock.4242.1-dead.new'), old, old);
    const ahead = new Date(clock.now() + 60_000);
    await utimes(join(dir, 'x.lock.4243.1-ahead.new'), ahead, ahead);
    const holder = hold(lock);
    await until(holder.acquired);
    const waiters = [hold(lock), hold(lock)];
    await clock.advance(50);
    holder.release();
    await holder.done;
    await until(() => waiters.some((w) => w.acquired()));
    // The new holder cleaned up: only the other waiter's own '.new' is left beside the lock.
    const left = (await readdir(dir)).filter((name) => name.endsWith('.new'));
    expect(left).toEqual([expect.stringMatching(new RegExp(`^x\\.lock\\.${process.pid}\\.`))]);
    const [taker, other] = waiters[0]!.acquired() ? waiters : [waiters[1]!, waiters[0]!];
    taker!.release();
    await taker!.done;
    await clock.advance(50);
    await until(other!.acquired);
    other!.release();
    await other!.done;
    expect(await readdir(dir)).toEqual([]);
  });
});
