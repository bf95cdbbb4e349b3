import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createFileStore } from '../../src/store/file-store.js';
import { createRedisStore } from '../../src/store/redis-store.js';
import { StoreError, type StateStore } from '../../src/store/store.js';
import { useStateStores } from '../helpers/redis-server.js';

interface Counter {
  n: number;
}

/**
 * The contract of store.ts, run against each store. `letTimePass` makes a lease of that many ms
 * run out: the file store's clock is injected; a Redis lease is timed by the server's own clock,
 * which no client can move, so there the test polls until the server has let it go.
 */
function contract(
  name: string,
  open: () => Promise<StateStore>,
  letTimePass: (ms: number, leaseGone: () => Promise<boolean>) => Promise<void>,
) {
  describe(`${name}: the StateStore contract`, () => {
    let store: StateStore;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store.close();
    });

    it('reads nothing for a name never written', async () => {
      expect(await store.read('things', 'never')).toBeUndefined();
      expect(await store.readLog('things', 'never')).toEqual([]);
    });

    it('updates a document from its current value, and lists and deletes it', async () => {
      const bump = (c: Counter | undefined): Counter => ({ n: (c?.n ?? 0) + 1 });
      expect(await store.update<Counter>('things', 'a/b c', bump)).toEqual({ n: 1 });
      expect(await store.update<Counter>('things', 'a/b c', bump)).toEqual({ n: 2 });
      await store.update<Counter>('things', '.hidden', bump);
      expect(await store.read('things', 'a/b c')).toEqual({ n: 2 });
      expect(await store.list('things')).toEqual(['.hidden', 'a/b c']);
      expect(await store.delete('things', 'a/b c')).toBe(true);
      expect(await store.delete('things', 'a/b c')).toBe(false);
      expect(await store.list('things')).toEqual(['.hidden']);
    });

    it('writes nothing when the change returns the current value', async () => {
      await store.update<Counter>('keep', 'x', () => ({ n: 7 }));
      const same = await store.update<Counter>('keep', 'x', (current) => current!);
      expect(same).toEqual({ n: 7 });
      expect(await store.update<Counter>('keep', 'absent', (c) => c!)).toBeUndefined();
      expect(await store.list('keep')).toEqual(['x']);
    });

    it('loses no update among many concurrent ones', async () => {
      const clients = [store, await open(), await open(), await open()];
      await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          clients[i % clients.length]!.update<Counter>('race', 'r', (c) => ({
            n: (c?.n ?? 0) + 1,
          })),
        ),
      );
      await Promise.all(clients.slice(1).map((c) => c.close()));
      expect(await store.read('race', 'r')).toEqual({ n: 40 });
    });

    it('gives a lease to one holder at a time, renews it for that holder, frees it on release', async () => {
      expect(await store.acquireLease('lease', 'p', 'one', 60_000)).toBe(true);
      expect(await store.acquireLease('lease', 'p', 'two', 60_000)).toBe(false);
      expect(await store.acquireLease('lease', 'p', 'one', 60_000)).toBe(true);
      await store.releaseLease('lease', 'p', 'two');
      expect(await store.acquireLease('lease', 'p', 'two', 60_000)).toBe(false);
      await store.releaseLease('lease', 'p', 'one');
      expect(await store.acquireLease('lease', 'p', 'two', 60_000)).toBe(true);
    });

    it('lets a lease end by itself after its time', async () => {
      expect(await store.acquireLease('lease', 'short', 'gone', 30)).toBe(true);
      await letTimePass(31, () => store.acquireLease('lease', 'short', 'next', 60_000));
      expect(await store.acquireLease('lease', 'short', 'next', 60_000)).toBe(true);
    });

    it('appends records oldest first and keeps the log bounded to the newest', async () => {
      for (let i = 0; i < 60; i++) await store.append('log', 'h', { i }, { keep: 10 });
      const records = await store.readLog<{ i: number }>('log', 'h');
      expect(records.length).toBeGreaterThanOrEqual(10);
      expect(records.length).toBeLessThanOrEqual(13);
      expect(records.at(-1)).toEqual({ i: 59 });
      expect(records.map((r) => r.i)).toEqual([...records.map((r) => r.i)].sort((a, b) => a - b));
      await store.append('log', 'other', { i: 0 }, { keep: 10 });
      expect(await store.listLogs('log')).toEqual(['h', 'other']);
      expect(await store.deleteLog('log', 'other')).toBe(true);
      expect(await store.listLogs('log')).toEqual(['h']);
    });
  });
}

const state = useStateStores('retry-run-store-');

let fileStoreNow = Date.UTC(2026, 0, 1);
contract(
  'file store',
  async () => createFileStore({ dir: state.dir, now: () => fileStoreNow }),
  async (ms) => {
    fileStoreNow += ms;
  },
);
contract(
  'redis store',
  async () => createRedisStore({ url: `${state.redis.url}/0`, location: state.redis.url }),
  (_ms, leaseGone) => vi.waitFor(async () => expect(await leaseGone()).toBe(true), { interval: 5 }),
);

describe('a store that cannot work', () => {
  it('file store: a corrupt document is a StoreError of kind corrupt', async () => {
    const store = createFileStore({ dir: state.dir });
    await store.update('bad', 'doc', () => ({ ok: true }));
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(state.dir, 'bad', 'doc.json'), '{not json');
    await expect(store.read('bad', 'doc')).rejects.toMatchObject({ kind: 'corrupt' });
    await expect(store.update('bad', 'doc', () => ({}))).rejects.toBeInstanceOf(StoreError);
    expect(await store.delete('bad', 'doc')).toBe(true);
  });

  it('redis store: an unreachable server is a StoreError of kind unreachable', async () => {
    const store = createRedisStore({ url: 'redis://127.0.0.1:1', location: 'redis://127.0.0.1:1' });
    await expect(store.read('x', 'y')).rejects.toMatchObject({ kind: 'unreachable' });
    await expect(store.update('x', 'y', () => 1)).rejects.toBeInstanceOf(StoreError);
    await store.close();
  });
});
