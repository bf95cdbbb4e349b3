import { spawn } from 'node:child_process';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileStore } from '../../src/store/file-store.js';
import { createRedisStore } from '../../src/store/redis-store.js';
import { FIXTURES } from '../helpers/cli.js';
import { useStateStores } from '../helpers/redis-server.js';

const UPDATER = join(FIXTURES, 'store-updates.js');

/** Runs the updater fixture as a separate node process; resolves with its exit code. */
function updater(args: string[]): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [UPDATER, ...args], { stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code));
  });
}

const state = useStateStores('retry-run-procs-');

describe('many processes on one store', () => {
  it('file store: 50 concurrent processes lose no update', async () => {
    const codes = await Promise.all(
      Array.from({ length: 50 }, () => updater([state.dir, 'fifty', '4'])),
    );
    expect(codes.every((code) => code === 0)).toBe(true);
    expect(await createFileStore({ dir: state.dir }).read('counter', 'fifty')).toEqual({ n: 200 });
    // No lock, temporary or broken-lock file is left behind.
    expect(await readdir(join(state.dir, 'counter'))).toEqual(['fifty.json']);
  }, 120_000);

  it('redis store: 20 concurrent processes lose no update', async () => {
    const codes = await Promise.all(
      Array.from({ length: 20 }, () => updater([state.redis.url, 'twenty', '10'])),
    );
    expect(codes.every((code) => code === 0)).toBe(true);
    const store = createRedisStore({ url: state.redis.url, location: state.redis.url });
    expect(await store.read('counter', 'twenty')).toEqual({ n: 200 });
    await store.close();
  }, 120_000);

  it('file store: the lock of a holder killed with SIGKILL is broken, and work goes on', async () => {
    const holder = spawn(process.execPath, [UPDATER, state.dir, 'killed', '0', 'hold'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve) =>
      holder.stdout.on(
        'data',
        (chunk: Buffer) => chunk.toString().includes('holding') && resolve(),
      ),
    );
    expect(await readdir(join(state.dir, 'counter'))).toContain('killed.json.lock');
    const exited = new Promise((resolve) => holder.on('exit', resolve));
    holder.kill('SIGKILL');
    await exited;
    const codes = await Promise.all(
      Array.from({ length: 5 }, () => updater([state.dir, 'killed', '3'])),
    );
    expect(codes.every((code) => code === 0)).toBe(true);
    expect(await createFileStore({ dir: state.dir }).read('counter', 'killed')).toEqual({ n: 15 });
    expect(
      (await readdir(join(state.dir, 'counter'))).filter((f) => f.startsWith('killed')),
    ).toEqual(['killed.json']);
  }, 120_000);

  it('file store: a lock file left by some other host is broken once it is old', async () => {
    const store = createFileStore({ dir: state.dir, lock: { staleMs: 200, timeoutMs: 10_000 } });
    await store.update('counter', 'foreign', () => ({ n: 1 }));
    await writeFile(
      join(state.dir, 'counter', 'foreign.json.lock'),
      JSON.stringify({ pid: 1, host: 'elsewhere', token: 'x' }),
    );
    expect(
      await store.update('counter', 'foreign', (c: { n: number } | undefined) => ({ n: c!.n + 1 })),
    ).toEqual({ n: 2 });
  });
});
