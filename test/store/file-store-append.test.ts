import { chmod, lstat, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFileStore } from '../../src/store/file-store.js';

let root: string;
let unique = 0;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'retry-run-file-store-append-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));
const freshStore = () => createFileStore({ dir: join(root, `state${++unique}`) });
const logOf = (dir: string) => join(dir, 'history', 'job.jsonl');
const lines = async (file: string) => (await readFile(file, 'utf8')).split('\n');

describe('the file store appending to a log', () => {
  // keep 10: a log is full at 13 records, and is then cut back to the newest 10.
  const options = { keep: 10 };

  it('appends while the log has room, and cuts it back to the newest once it is full', async () => {
    const store = freshStore();
    await mkdir(join(store.location, 'history'), { recursive: true, mode: 0o700 });
    const file = logOf(store.location);
    await writeFile(file, 'x\n'.repeat(12));
    await store.append('history', 'job', { i: 0 }, options);
    expect(await lines(file)).toEqual([...Array(12).fill('x'), '{"i":0}', '']);
    // 13 lines: full. The next record goes in as the log is cut back to the newest 10.
    await store.append('history', 'job', { i: 1 }, options);
    expect(await lines(file)).toEqual([...Array(8).fill('x'), '{"i":0}', '{"i":1}', '']);
  });

  it('counts the lines of a log longer than one read, lines crossing the reads', async () => {
    const store = freshStore();
    await mkdir(join(store.location, 'history'), { recursive: true, mode: 0o700 });
    const file = logOf(store.location);
    // keep 1000: full at 1250 records. 1249 records of 899 bytes (~1.1 MiB, read in 1 MiB
    // pieces that end mid-line), and the last one torn: room for exactly one more.
    const record = `${'r'.repeat(898)}\n`;
    await writeFile(file, `${record.repeat(1248)}${'t'.repeat(50)}`);
    await store.append('history', 'job', { i: 1 }, { keep: 1000 });
    const after = await lines(file);
    expect(after).toHaveLength(1251);
    expect(after.slice(-3)).toEqual(['t'.repeat(50), '{"i":1}', '']);
    // Now 1250 lines: full, so the next append cuts it back to the newest 1000.
    await store.append('history', 'job', { i: 2 }, { keep: 1000 });
    const cut = await lines(file);
    expect(cut).toHaveLength(1001);
    expect(cut.slice(-3)).toEqual(['{"i":1}', '{"i":2}', '']);
  });

  it('ends a torn last line before it appends', async () => {
    const store = freshStore();
    await mkdir(join(store.location, 'history'), { recursive: true, mode: 0o700 });
    const file = logOf(store.location);
    await writeFile(file, '{"i":1}\n{"i":2');
    await store.append('history', 'job', { i: 3 }, options);
    expect(await lines(file)).toEqual(['{"i":1}', '{"i":2', '{"i":3}', '']);
    expect(await store.readLog('history', 'job')).toEqual([{ i: 1 }, { i: 3 }]);
  });

  it('creates the log 0600, and never writes through a symlink planted as the log', async () => {
    const store = freshStore();
    await store.append('history', 'job', { i: 1 }, options);
    expect((await lstat(logOf(store.location))).mode & 0o777).toBe(0o600);
    const target = join(root, `target${unique}`);
    await writeFile(target, 'untouched\n');
    await rm(logOf(store.location));
    await symlink(target, logOf(store.location));
    await expect(store.append('history', 'job', { i: 2 }, options)).rejects.toMatchObject({
      kind: 'corrupt',
    });
    expect(await readFile(target, 'utf8')).toBe('untouched\n');
  });
});

describe('the file store checking its folders', () => {
  it('creates the state dir and the folder 0700 at the first write', async () => {
    const store = freshStore();
    await store.append('history', 'job', { i: 1 }, { keep: 10 });
    expect((await lstat(store.location)).mode & 0o777).toBe(0o700);
    expect((await lstat(join(store.location, 'history'))).mode & 0o777).toBe(0o700);
  });

  it('refuses a folder others can write to', async () => {
    const store = freshStore();
    await mkdir(join(store.location, 'history'), { recursive: true, mode: 0o700 });
    await chmod(join(store.location, 'history'), 0o777);
    await expect(store.append('history', 'job', { i: 1 }, { keep: 10 })).rejects.toMatchObject({
      kind: 'unsafe',
    });
  });
});
