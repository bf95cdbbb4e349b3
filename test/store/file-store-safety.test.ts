import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFileStore } from '../../src/store/file-store.js';
import { MAX_LOG_BYTES } from '../../src/store/state-file.js';

let root: string;
let unique = 0;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'retry-run-file-store-safety-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));
const freshStore = () => createFileStore({ dir: join(root, `state${++unique}`) });

describe('the file store against planted and oversized files', () => {
  // Writes ~9 MiB: allow for a loaded machine.
  it(
    'reads a log longer than its limit from the tail, and cuts it back on the next append',
    { timeout: 30_000 },
    async () => {
      const store = freshStore();
      await store.append('history', 'job', { i: -1 }, { keep: 10 });
      const file = join(store.location, 'history', 'job.jsonl');
      const line = (i: number) => `${JSON.stringify({ i, pad: 'x'.repeat(100) })}\n`;
      const count = Math.ceil(MAX_LOG_BYTES / line(0).length) + 1000;
      await writeFile(file, Array.from({ length: count }, (_, i) => line(i)).join(''));

      const records = await store.readLog<{ i: number }>('history', 'job');
      expect(records.length).toBeLessThan(count);
      expect(records.at(-1)).toEqual({ i: count - 1, pad: 'x'.repeat(100) });
      expect(records[0]!.i).toBe(count - records.length); // whole records from the cut on

      await store.append('history', 'job', { i: count }, { keep: 10 });
      const kept = (await readFile(file, 'utf8')).trimEnd().split('\n');
      expect(kept.map((l) => (JSON.parse(l) as { i: number }).i)).toEqual(
        Array.from({ length: 10 }, (_, i) => count - 9 + i),
      );
    },
  );

  it('prepares a collection without ever rejecting; the write then says what is wrong', async () => {
    const store = freshStore();
    await store.prepare!('history');
    expect((await readdir(join(store.location))).sort()).toEqual(['history']);
    const planted = freshStore();
    await mkdir(planted.location, { recursive: true });
    await writeFile(join(planted.location, 'history'), 'not a folder');
    await expect(planted.prepare!('history')).resolves.toBeUndefined();
    await expect(planted.append('history', 'job', {}, { keep: 10 })).rejects.toThrow(
      /is not a directory/,
    );
  });

  it('refuses a FIFO planted as a document instead of hanging on it', async () => {
    const store = freshStore();
    await mkdir(join(store.location, 'breaker'), { recursive: true, mode: 0o700 });
    execFileSync('mkfifo', [join(store.location, 'breaker', 'api.json')]);
    await expect(store.read('breaker', 'api')).rejects.toMatchObject({
      kind: 'corrupt',
      message: expect.stringContaining('api.json is not a regular file'),
    });
  });

  it('lists the names it wrote, long non-ASCII ones too, and skips file names it never writes', async () => {
    const store = freshStore();
    const long = 'ü'.repeat(64); // 128 bytes, 384 characters once percent-encoded
    for (const name of ['a b', long, '.hidden']) await store.update('breaker', name, () => 1);
    const folder = join(store.location, 'breaker');
    for (const planted of ['bad%ZZ.json', '%~!!.json', 'a%20b%.json']) {
      await writeFile(join(folder, planted), '1');
    }
    expect(await store.list('breaker')).toEqual(['.hidden', 'a b', long].sort());
    expect(await store.read('breaker', long)).toBe(1);
    expect((await readdir(folder)).every((file) => Buffer.byteLength(file) < 255)).toBe(true);
  });
});
