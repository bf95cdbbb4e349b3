import { closeSync, fstatSync, readSync, writeSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPipes } from '../../../src/runners/command/output-fifo.js';

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'retry-run-fifo-test-'));
});
afterEach(() => rm(directory, { recursive: true, force: true }));

describe('openPipes', () => {
  it('opens both ends of each pipe and leaves nothing in the directory', async () => {
    const pipes = await openPipes(2, directory);
    expect(pipes).toHaveLength(2);
    expect(await readdir(directory)).toEqual([]);
    for (const { read, write } of pipes!) {
      expect(fstatSync(read).isFIFO()).toBe(true);
      expect(fstatSync(write).isFIFO()).toBe(true);
      expect(writeSync(write, 'through the pipe')).toBe(16);
      const buffer = Buffer.alloc(64);
      expect(buffer.toString('utf8', 0, readSync(read, buffer))).toBe('through the pipe');
      closeSync(write);
      closeSync(read);
    }
  });

  it('gives the two pipes apart', async () => {
    const [first, second] = (await openPipes(2, directory))!;
    writeSync(second!.write, 'second');
    writeSync(first!.write, 'first');
    const buffer = Buffer.alloc(64);
    expect(buffer.toString('utf8', 0, readSync(first!.read, buffer))).toBe('first');
    expect(buffer.toString('utf8', 0, readSync(second!.read, buffer))).toBe('second');
    for (const fd of [first!.read, first!.write, second!.read, second!.write]) closeSync(fd);
  });

  it('is undefined where no FIFO can be made, so the caller falls back', async () => {
    expect(await openPipes(1, join(directory, 'missing'))).toBeUndefined();
    const path = process.env.PATH;
    process.env.PATH = directory; // no mkfifo here
    try {
      expect(await openPipes(1, directory)).toBeUndefined();
    } finally {
      process.env.PATH = path;
    }
    expect(await readdir(directory)).toEqual([]);
  });
});
