import { afterEach, describe, expect, it } from 'vitest';
import { createRedisStore } from '../../src/store/redis-store.js';
import { StoreError, type StateStore } from '../../src/store/store.js';
import { startRedis, type RedisServer } from '../helpers/redis-server.js';
import { startSilentServer, type SilentServer } from '../helpers/silent-server.js';

// README, "The state store": every wait on Redis is bounded; the first that runs out makes
// the store broken (later operations fail at once) and close() still returns.
const TIMEOUTS = { connectTimeoutMs: 300, commandTimeoutMs: 300 };

let store: StateStore | undefined;
let silent: SilentServer | undefined;
let redis: RedisServer | undefined;
afterEach(async () => {
  await store?.close();
  if (redis) process.kill(redis.pid, 'SIGCONT');
  await Promise.all([silent?.stop(), redis?.stop()]);
  store = silent = redis = undefined;
});

async function failure(operation: Promise<unknown>): Promise<StoreError> {
  const error = await operation.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(StoreError);
  return error as StoreError;
}

describe('Redis store against a server that never answers', () => {
  it('gives up connecting with an unreachable StoreError, and closes', async () => {
    silent = await startSilentServer();
    store = createRedisStore({ url: silent.url, location: silent.url, ...TIMEOUTS });
    const error = await failure(store.read('breaker', 'x'));
    expect(error.kind).toBe('unreachable');
    expect(error.message).toContain('no answer within 300ms');
    expect((await failure(store.update('breaker', 'x', () => 1))).message).toBe(error.message);
  });
});

describe('Redis store whose server freezes mid-run (SIGSTOP)', () => {
  it('times the command out, fails every later operation at once, and closes', async () => {
    redis = await startRedis();
    store = createRedisStore({ url: redis.url, location: redis.url, ...TIMEOUTS });
    expect(await store.update('breaker', 'x', () => 1)).toBe(1);
    process.kill(redis.pid, 'SIGSTOP');
    const error = await failure(store.read('breaker', 'x'));
    expect(error.kind).toBe('unreachable');
    expect(error.message).toContain('read: no answer within 300ms');
    // Broken now, even after Redis is back: the run has warned once and acts as closed.
    process.kill(redis.pid, 'SIGCONT');
    expect((await failure(store.append('history', 'x', {}, { keep: 5 }))).message).toBe(
      error.message,
    );
  });
});
