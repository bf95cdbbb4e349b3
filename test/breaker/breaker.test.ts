import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { BREAKER_COLLECTION, createSharedBreaker } from '../../src/breaker/breaker.js';
import { createFileStore } from '../../src/store/file-store.js';
import { createRedisStore } from '../../src/store/redis-store.js';
import type { StateStore } from '../../src/store/store.js';
import { startProbe, type BreakerData } from '../../src/breaker/state.js';
import { useStateStores } from '../helpers/redis-server.js';

let unique = 0;
const state = useStateStores('retry-run-breaker-');

/** Two independent "processes": each its own store client and breaker, one fake clock. */
function twoRuns(openStore: OpenStore, extra: { leaseMs?: number } = {}) {
  let now = Date.UTC(2026, 0, 1);
  const clock = () => now;
  const name = `b${++unique}`;
  const warnings: string[] = [];
  const stores: StateStore[] = [];
  const make = () => {
    const store = openStore(clock);
    stores.push(store);
    return createSharedBreaker({
      name,
      store,
      clock: { now: () => now },
      threshold: 2,
      cooldownMs: 1000,
      strict: false,
      warn: (message) => warnings.push(message),
      ...extra,
    });
  };
  return {
    a: make(),
    b: make(),
    name,
    warnings,
    advance: (ms: number) => (now += ms),
    clock,
    close: () => Promise.all(stores.map((s) => s.close())),
  };
}

/** Opens one store client; the file store times its leases by the test's clock. */
type OpenStore = (now: () => number) => StateStore;
const stores: Array<[string, OpenStore]> = [
  ['file store', (now) => createFileStore({ dir: state.dir, now })],
  // A Redis lease is timed by the server's own clock, which no client can move.
  ['redis store', () => createRedisStore({ url: state.redis.url, location: state.redis.url })],
];

describe.each(stores)('the shared breaker on the %s', (_kind, openStore) => {
  it('opens for everyone after the threshold, then lets exactly one run probe', async () => {
    const { a, b, warnings, advance, close } = twoRuns(openStore);
    expect(await a.admit()).toEqual({ allowed: true });
    expect(await a.record(false, 'exit:1')).toBeUndefined();
    expect(await b.record(false, 'exit:7')).toMatchObject({
      state: 'open',
      message: expect.stringContaining('opened after 2 consecutive failures, last exit:7'),
    });
    const refused = await a.admit();
    expect(refused).toMatchObject({ allowed: false, notice: { state: 'open' } });
    expect(refused.notice!.message).toMatch(
      /^open since \S+Z \(2 consecutive failures, last exit:7\)/,
    );
    expect(refused.notice!.message).toContain('lets one probe through at');

    advance(1000);
    const [first, second] = await Promise.all([a.admit(), b.admit()]);
    const decisions = [first, second];
    expect(decisions.filter((d) => d.allowed)).toHaveLength(1);
    const probe = first.allowed ? a : b;
    const other = first.allowed ? b : a;
    expect(decisions.find((d) => d.allowed)!.notice).toMatchObject({ state: 'half-open' });
    expect(decisions.find((d) => !d.allowed)!.notice!.message).toContain('another run is probing');

    // The probe fails: open again, for twice the cooldown.
    const reopened = await probe.record(false, 'status:503');
    expect(reopened).toMatchObject({ state: 'open' });
    expect(reopened!.message).toContain('open again for 2s (cooldown ×2)');
    advance(1999);
    expect(await other.admit()).toMatchObject({ allowed: false });
    advance(1);
    expect(await other.admit()).toMatchObject({ allowed: true, notice: { state: 'half-open' } });
    expect(await other.record(true, 'exit:0')).toMatchObject({
      state: 'closed',
      message: 'the probe succeeded: closed',
    });
    expect(await probe.admit()).toEqual({ allowed: true });
    expect(warnings).toEqual([]);
    await Promise.all([a.close(), b.close()]);
    await close();
  });

  it('lets another run probe when the probing one died without a result', async () => {
    const { b, name, advance, clock, close } = twoRuns(openStore);
    await b.record(false, 'exit:1');
    await b.record(false, 'exit:1');
    advance(1000);
    // What a probing process leaves behind when it is killed: half-open, and its lease.
    const store = openStore(clock);
    await store.update<BreakerData>(BREAKER_COLLECTION, name, (c) => startProbe(c!, Date.now()));
    expect(await store.acquireLease(BREAKER_COLLECTION, name, 'alive', 60_000)).toBe(true);
    expect(await b.admit()).toMatchObject({ allowed: false });
    await store.releaseLease(BREAKER_COLLECTION, name, 'alive');
    expect(await store.acquireLease(BREAKER_COLLECTION, name, 'killed', 50)).toBe(true);
    expect(await b.admit()).toMatchObject({ allowed: false });
    // The killed holder never renews: once its lease runs out, the next run may probe.
    advance(51);
    await vi.waitFor(
      async () =>
        expect(await b.admit()).toMatchObject({ allowed: true, notice: { state: 'half-open' } }),
      { interval: 5 },
    );
    await b.close();
    await store.close();
    await close();
  });
});

describe('a broken store', () => {
  const corrupt = async () => {
    const name = `corrupt${++unique}`;
    const store = createFileStore({ dir: state.dir });
    await store.update(BREAKER_COLLECTION, name, () => ({ state: 'open' }));
    await writeFile(join(state.dir, BREAKER_COLLECTION, `${name}.json`), '{"state": "op');
    return { name, store };
  };
  const breakerOn = (store: StateStore, name: string, strict: boolean, warnings: string[]) =>
    createSharedBreaker({
      name,
      store,
      clock: { now: () => Date.now() },
      threshold: 1,
      cooldownMs: 1000,
      strict,
      warn: (message) => warnings.push(message),
    });

  it('a corrupt file: one warning, and the breaker acts as closed', async () => {
    const { name, store } = await corrupt();
    const warnings: string[] = [];
    const gate = breakerOn(store, name, false, warnings);
    expect(await gate.admit()).toEqual({ allowed: true });
    expect(await gate.record(false, 'exit:1')).toBeUndefined();
    expect(await gate.admit()).toEqual({ allowed: true });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/corrupt.*acting as closed$/);
  });

  it('strict: a corrupt file refuses the run', async () => {
    const { name, store } = await corrupt();
    const warnings: string[] = [];
    const decision = await breakerOn(store, name, true, warnings).admit();
    expect(decision).toMatchObject({ allowed: false, notice: { state: 'open' } });
    expect(decision.notice!.message).toContain('--breaker-strict');
    expect(warnings[0]).toMatch(/--breaker-strict refuses to run$/);
  });

  it('Redis down: one warning, and the breaker acts as closed', async () => {
    const store = createRedisStore({ url: 'redis://127.0.0.1:1', location: 'redis://127.0.0.1:1' });
    const warnings: string[] = [];
    const gate = breakerOn(store, 'x', false, warnings);
    expect(await gate.admit()).toEqual({ allowed: true });
    expect(await gate.record(false, 'exit:1')).toBeUndefined();
    expect(await gate.admit()).toEqual({ allowed: true });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('redis://127.0.0.1:1');
    await store.close();
  });
});
