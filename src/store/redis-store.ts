import type { Redis } from 'ioredis';
import {
  parseDocument,
  parseLogLines,
  StoreError,
  storeErrorFrom,
  type AppendOptions,
  type StateStore,
} from './store.js';

export interface RedisStoreOptions {
  url: string;
  /** The URL as shown in messages (no password). */
  location: string;
  /** Every key expires after this long without a write (default 30 days). */
  idleExpiryMs?: number;
  connectTimeoutMs?: number;
}

const KEY_PREFIX = 'retry-run';
const DEFAULT_IDLE_EXPIRY_MS = 30 * 24 * 3_600_000;
const MAX_UPDATE_ROUNDS = 200;

/** Takes the lease if it is free, or renews it for the same holder; Redis times it. */
const ACQUIRE_LEASE = `
local holder = redis.call('GET', KEYS[1])
if holder == false or holder == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
return 0`;

/** Deletes the lease only if this holder still has it. */
const RELEASE_LEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/**
 * The store for a fleet (README, The state store): the same contract as the file store over one Redis.
 * Keys: `retry-run:doc:<collection>:<name>`, `retry-run:lease:…`, `retry-run:log:…`, each
 * expiring when idle. `update` is optimistic (WATCH, GET, MULTI/SET/EXEC, again on a
 * conflict); a lease is a key with an expiry. ioredis is loaded only when this store is used,
 * and the connection is opened on first use, without retries, so an unreachable Redis fails
 * fast with a StoreError instead of queueing commands.
 */
export function createRedisStore(options: RedisStoreOptions): StateStore {
  const idleMs = options.idleExpiryMs ?? DEFAULT_IDLE_EXPIRY_MS;
  const key = (kind: string, collection: string, name = '') =>
    `${KEY_PREFIX}:${kind}:${collection}:${name}`;
  let connection: Promise<Redis> | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const connect = async (): Promise<Redis> => {
    const loaded = await import('ioredis');
    // Bundled, the CommonJS module arrives as `default`; unbundled, with named exports.
    const interop = loaded as unknown as { default?: { Redis?: typeof loaded.Redis } };
    const Redis = loaded.Redis ?? interop.default?.Redis;
    if (!Redis) throw new Error('ioredis could not be loaded');
    const redis = new Redis(options.url, {
      lazyConnect: true,
      connectTimeout: options.connectTimeoutMs ?? 2000,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    // Errors reach the caller through the failing command; an unhandled 'error' would crash.
    let socketError: Error | undefined;
    redis.on('error', (error: Error) => (socketError = error));
    try {
      await redis.connect();
    } catch (error) {
      // After a refused connection the socket is closed already ('end'); disconnecting again
      // would start a 2 s timer that nothing clears and keep the process alive.
      if (redis.status !== 'end') redis.disconnect();
      const detail = (socketError ?? (error as Error))?.message ?? String(error);
      throw new StoreError(
        'unreachable',
        `cannot connect to Redis at ${options.location} (${detail})`,
        {
          cause: error,
        },
      );
    }
    return redis;
  };

  /**
   * Runs one operation at a time on the one connection (WATCH belongs to a connection, so
   * two interleaved updates of this process must not share it).
   */
  const run = <T>(what: string, body: (redis: Redis) => Promise<T>): Promise<T> => {
    const next = queue.then(async () => {
      try {
        connection ??= connect();
        return await body(await connection);
      } catch (error) {
        // A reply error is Redis refusing a command; anything else is the link to it.
        const isReply = (error as Error)?.name === 'ReplyError';
        throw storeErrorFrom(
          error,
          `Redis state store ${options.location}: ${what}`,
          isReply ? 'unwritable' : 'unreachable',
        );
      }
    });
    queue = next.catch(() => {});
    return next;
  };

  const scanNames = (kind: string, collection: string) =>
    run('list', async (redis) => {
      const prefix = key(kind, collection);
      const names = new Set<string>();
      let cursor = '0';
      do {
        const [nextCursor, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
        cursor = nextCursor;
        for (const k of keys) names.add(k.slice(prefix.length));
      } while (cursor !== '0');
      return [...names].sort();
    });

  return {
    location: options.location,

    read<T>(collection: string, name: string) {
      return run('read', async (redis) => {
        const raw = await redis.get(key('doc', collection, name));
        return raw === null ? undefined : parseDocument<T>(raw, `${options.location} ${name}`);
      });
    },

    update<T>(collection: string, name: string, change: (current: T | undefined) => T) {
      const docKey = key('doc', collection, name);
      return run('update', async (redis) => {
        for (let round = 0; round < MAX_UPDATE_ROUNDS; round++) {
          await redis.watch(docKey);
          const raw = await redis.get(docKey);
          let next: T;
          let current: T | undefined;
          try {
            current =
              raw === null ? undefined : parseDocument<T>(raw, `${options.location} ${name}`);
            next = change(current);
          } catch (error) {
            await redis.unwatch();
            throw error;
          }
          if (next === current) {
            await redis.unwatch();
            return next;
          }
          const result = await redis.multi().set(docKey, JSON.stringify(next), 'PX', idleMs).exec();
          if (result !== null) return next;
          // Another client wrote between WATCH and EXEC: read again after a short random pause.
          await new Promise((resolve) =>
            setTimeout(resolve, Math.random() * Math.min(20, round + 1)),
          );
        }
        throw new StoreError('busy', `too much contention updating ${name}`);
      });
    },

    list: (collection: string) => scanNames('doc', collection),

    delete(collection: string, name: string) {
      return run('delete', async (redis) => {
        const [deleted] = await Promise.all([
          redis.del(key('doc', collection, name)),
          redis.del(key('lease', collection, name)),
        ]);
        return deleted > 0;
      });
    },

    acquireLease(collection: string, name: string, holder: string, ttlMs: number) {
      return run('acquire lease', async (redis) => {
        const taken = await redis.eval(
          ACQUIRE_LEASE,
          1,
          key('lease', collection, name),
          holder,
          String(Math.max(1, Math.round(ttlMs))),
        );
        return taken === 1;
      });
    },

    async releaseLease(collection: string, name: string, holder: string) {
      await run('release lease', (redis) =>
        redis.eval(RELEASE_LEASE, 1, key('lease', collection, name), holder),
      );
    },

    async append(collection: string, name: string, record: unknown, { keep }: AppendOptions) {
      const logKey = key('log', collection, name);
      await run('append', (redis) =>
        redis
          .multi()
          .rpush(logKey, JSON.stringify(record))
          .ltrim(logKey, -Math.max(1, keep), -1)
          .pexpire(logKey, idleMs)
          .exec(),
      );
    },

    readLog<T>(collection: string, name: string) {
      return run('read log', async (redis) =>
        parseLogLines<T>(await redis.lrange(key('log', collection, name), 0, -1)),
      );
    },

    listLogs: (collection: string) => scanNames('log', collection),

    deleteLog(collection: string, name: string) {
      return run(
        'delete log',
        async (redis) => (await redis.del(key('log', collection, name))) > 0,
      );
    },

    async close() {
      if (!connection) return;
      const pending = connection;
      connection = undefined;
      await queue;
      try {
        await (await pending).quit();
      } catch {
        // Never connected, or already gone: nothing to close.
      }
    },
  };
}
