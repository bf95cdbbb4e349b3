import type { Redis } from 'ioredis';
import {
  parseDocument,
  parseLogLines,
  StoreError,
  storeErrorFrom,
  type AppendOptions,
  type StateStore,
} from './store.js';

/** Which Redis, how it is shown, and how long its keys and waits last. */
export interface RedisStoreOptions {
  url: string;
  /** The URL as shown in messages (no password). */
  location: string;
  /** Every key expires after this long without a write (default 30 days). */
  idleExpiryMs?: number;
  /** Default REDIS_CONNECT_TIMEOUT_MS. */
  connectTimeoutMs?: number;
  /** Default REDIS_COMMAND_TIMEOUT_MS. */
  commandTimeoutMs?: number;
}

/**
 * Every wait on Redis is bounded (README, "The state store"): a Redis that accepts
 * connections and never answers, or freezes mid-run, must not hold a run (or its end after
 * SIGTERM) for longer than this. Connecting includes the handshake, which a loaded machine
 * (many processes starting at once, a busy Redis) can stretch to seconds. The first wait that
 * runs out makes the store broken for the rest of the process: one warning, and every later
 * operation fails at once.
 */
export const REDIS_CONNECT_TIMEOUT_MS = 5000;
export const REDIS_COMMAND_TIMEOUT_MS = 3000;

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
 *
 * @example
 * ```ts
 * import { createRedisStore } from 'retry-run';
 *
 * const store = createRedisStore({
 *   url: 'redis://:secret@redis.internal:6379/2',
 *   location: 'redis://redis.internal:6379/2', // as messages show it
 * });
 * try {
 *   console.log(await store.list('breaker'));
 * } finally {
 *   await store.close();
 * }
 * ```
 */
export function createRedisStore(options: RedisStoreOptions): StateStore {
  const idleMs = options.idleExpiryMs ?? DEFAULT_IDLE_EXPIRY_MS;
  const key = (kind: string, collection: string, name = '') =>
    `${KEY_PREFIX}:${kind}:${collection}:${name}`;
  const connectTimeoutMs = options.connectTimeoutMs ?? REDIS_CONNECT_TIMEOUT_MS;
  const commandTimeoutMs = options.commandTimeoutMs ?? REDIS_COMMAND_TIMEOUT_MS;
  let connection: Promise<Redis> | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  /** Set once the link to Redis failed mid-run (timeout, reset): later operations fail fast. */
  let broken: StoreError | undefined;

  const connect = async (): Promise<Redis> => {
    const loaded = await import('ioredis');
    // Bundled, the CommonJS module arrives as `default`; unbundled, with named exports.
    const interop = loaded as unknown as { default?: { Redis?: typeof loaded.Redis } };
    const Redis = loaded.Redis ?? interop.default?.Redis;
    if (!Redis) throw new Error('ioredis could not be loaded');
    const redis = new Redis(options.url, {
      lazyConnect: true,
      connectTimeout: connectTimeoutMs,
      commandTimeout: commandTimeoutMs,
      // Dropping a link that no longer answers closes the socket at once: by default ioredis
      // waits 2 s for the server to close its side, which keeps the process alive.
      disconnectTimeout: 0,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    // Errors reach the caller through the failing command; an unhandled 'error' would crash.
    let socketError: Error | undefined;
    redis.on('error', (error: Error) => (socketError = error));
    try {
      // The socket's connect is bounded by connectTimeout; this bounds the whole handshake
      // (ready check, AUTH, SELECT) against a server that accepts and never answers.
      await withinMs(redis.connect(), connectTimeoutMs, () => redis.disconnect());
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
      if (broken) throw broken;
      try {
        connection ??= connect();
        return await body(await connection);
      } catch (error) {
        if (error instanceof StoreError) throw error;
        // A reply error is Redis refusing a command; anything else is the link to it.
        const isReply = (error as Error)?.name === 'ReplyError';
        const failure = storeErrorFrom(
          timedOut(error) ? new Error(`no answer within ${commandTimeoutMs}ms`) : error,
          `Redis state store ${options.location}: ${what}`,
          isReply ? 'unwritable' : 'unreachable',
        );
        if (!isReply) {
          broken = failure;
          void connection?.then(
            (redis) => redis.disconnect(),
            () => {},
          );
        }
        throw failure;
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
        const redis = await pending;
        // QUIT waits for an answer that a broken link will not give.
        if (broken) redis.disconnect();
        else await redis.quit();
      } catch {
        // Never connected, or already gone: nothing to close.
      }
    },
  };
}

/** ioredis rejects a command that got no answer within commandTimeout with this message. */
function timedOut(error: unknown): boolean {
  return (error as Error)?.message === 'Command timed out';
}

/** `promise`, or a rejection once `ms` have passed (after calling `onTimeout`). */
function withinMs<T>(promise: Promise<T>, ms: number, onTimeout: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let settled = false;
  const expired = new Promise<never>((_, reject) => {
    // Timers run before I/O: a process that was not scheduled for `ms` (a loaded machine)
    // first reads what arrived meanwhile (setImmediate runs after it), then decides.
    timer = setTimeout(
      () =>
        setImmediate(() => {
          if (settled) return;
          onTimeout();
          reject(new Error(`no answer within ${ms}ms`));
        }),
      ms,
    );
  });
  return Promise.race([promise, expired]).finally(() => {
    settled = true;
    clearTimeout(timer);
  });
}
