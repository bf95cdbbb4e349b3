import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFileStore } from '../../src/store/file-store.js';
import { createRedisStore } from '../../src/store/redis-store.js';
import { FIXTURES } from '../helpers/cli.js';
import { startRedis, type RedisServer } from '../helpers/redis-server.js';

const UPDATER = join(FIXTURES, 'store-updates.js');

/** Runs the updater fixture as a separate node process; resolves with its exit code. */
function updater(args: string[]): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [UPDATER, ...args], { stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code));
  });
}

let dir: string;
let redis: RedisServer;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'retry-run-procs-'));
  redis = await startRedis();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await redis?.stop();
});

describe('many processes on one store', () => {
  it('file store: 50 concurrent processes lose no update', async () => {
    const codes = await Promise.all(Array.from({ length: 50 }, () => updater([dir, 'fifty', '4'])));
    expect(codes.every((code) => code === 0)).toBe(true);
    expect(await createFileStore({ dir }).read('counter', 'fifty')).toEqual({ n: 200 });
    // No lock, temporary or broken-lock file is left behind.
    expect(await readdir(join(dir, 'counter'))).toEqual(['fifty.json']);
  }, 120_000);

  it('redis store: 20 concurrent processes lose no update', async () => {
    const codes = await Promise.all(
      Array.from({ length: 20 }, () => updater([redis.url, 'twenty', '10'])),
    );
    expect(codes.every((code) => code === 0)).toBe(true);
    const store = createRedisStore({ url: redis.url, location: redis.url });
    expect(await store.read('counter', 'twenty')).toEqual({ n: 200 });
    await store.close();
  }, 120_000);

  it('file store: the lock of a holder killed with SIGKILL is broken, and work goes on', async () => {
    const holder = spawn(process.execPath, [UPDATER, dir, 'killed', '0', 'hold'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve) =>
      holder.stdout.on(
        'data',
        (chunk: Buffer) => chunk.toString().includes('holding') && resolve(),
      ),
    );
    expect(await readdir(join(dir, 'counter'))).toContain('killed.json.lock');
    const exited = new Promise((resolve) => holder.on('exit', resolve));
    holder.kill('SIGKILL');
    await exited;
    const codes = await Promise.all(Array.from({ length: 5 }, () => updater([dir, 'killed', '3'])));
    expect(codes.every((code) => code === 0)).toBe(true);
    expect(await createFileStore({ dir }).read('counter', 'killed')).toEqual({ n: 15 });
    expect((await readdir(join(dir, 'counter'))).filter((f) => f.startsWith('killed'))).toEqual([
      'killed.json',
    ]);
  }, 120_000);

  it('file store: a lock file left by some other host is broken once it is old', async () => {
    const store = createFileStore({ dir, lock: { staleMs: 200, timeoutMs: 10_000 } });
    await store.update('counter', 'foreign', () => ({ n: 1 }));
    await writeFile(
      join(dir, 'counter', 'foreign.json.lock'),
      JSON.stringify({ pid: 1, host: 'elsewhere', token: 'x' }),
    );
    expect(
      await store.update('counter', 'foreign', (c: { n: number } | undefined) => ({ n: c!.n + 1 })),
    ).toEqual({ n: 2 });
  });
});
