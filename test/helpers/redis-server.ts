import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

export interface RedisServer {
  url: string;
  port: number;
  /** The redis-server process, e.g. to freeze it with SIGSTOP. */
  pid: number;
  stop(): Promise<void>;
}

/** A free loopback port: bound by the kernel (port 0), then released for the caller. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a real, throw-away redis-server on a free loopback port (no persistence) and waits
 * until it accepts connections. Tries a few ports, in case another test took the free one.
 */
export async function startRedis(): Promise<RedisServer> {
  let lastError: unknown;
  for (let tries = 0; tries < 5; tries++) {
    const port = await freePort();
    try {
      const child = await launch(port);
      return {
        url: `redis://127.0.0.1:${port}`,
        port,
        pid: child.pid!,
        stop: () =>
          new Promise((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGKILL');
          }),
      };
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

function launch(port: number): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        child.stdout!.off('data', onData);
        child.stdout!.resume();
        resolve(child);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.resume();
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${output}`)));
  });
}

/**
 * For a test file that works on both stores: a fresh temporary state directory and a real
 * redis-server for the whole file, removed and stopped afterwards. Read them inside tests.
 */
export function useStateStores(prefix: string): {
  readonly dir: string;
  readonly redis: RedisServer;
} {
  const state = {} as { dir: string; redis: RedisServer };
  beforeAll(async () => {
    state.dir = await mkdtemp(join(tmpdir(), prefix));
    state.redis = await startRedis();
  });
  afterAll(async () => {
    if (state.dir) await rm(state.dir, { recursive: true, force: true });
    await state.redis?.stop();
  });
  return state;
}
