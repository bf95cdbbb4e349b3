import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeDirectory } from '../../src/store/make-directory.js';

let tmp: string;
beforeEach(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'retry-run-mkdir-'));
});
afterEach(() => rm(tmp, { recursive: true, force: true }));

describe('makeDirectory', () => {
  it('makes every missing directory of a path, and accepts one that exists', async () => {
    const deep = join(tmp, 'a', 'b', 'c');
    await makeDirectory(deep);
    await makeDirectory(deep);
    expect((await stat(deep)).isDirectory()).toBe(true);
  });

  it("fails with the system's error where a directory cannot be made (procfs)", async () => {
    await expect(makeDirectory('/proc/retry-run-test/state')).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });

  it('fails under a regular file', async () => {
    await writeFile(join(tmp, 'file'), '');
    await expect(makeDirectory(join(tmp, 'file', 'sub'))).rejects.toMatchObject({
      code: 'ENOTDIR',
    });
  });
});
