import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RetryRunError } from '../../../src/shared/errors.js';
import { openSpoolFile } from '../../../src/runners/command/stdout-spool.js';

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'retry-run-spool-test-'));
});
afterEach(() => rm(directory, { recursive: true, force: true }));

const collect = (stream: PassThrough) => {
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return () => Buffer.concat(chunks);
};

describe('openSpoolFile', () => {
  it('holds the output in a file that is gone from the directory from the start', async () => {
    const spool = await openSpoolFile(directory);
    expect(await readdir(directory)).toEqual([]);
    const bytes = Buffer.alloc(300_000, 'x');
    spool.writable.write(bytes.subarray(0, 100_000));
    spool.writable.write(bytes.subarray(100_000));
    await spool.endWriting();
    const out = new PassThrough();
    const read = collect(out);
    await spool.release(out);
    expect(read().equals(bytes)).toBe(true);
  });

  it('waits for a slow destination instead of buffering the file in memory', async () => {
    const spool = await openSpoolFile(directory);
    spool.writable.end(Buffer.alloc(1_000_000, 'y'));
    await spool.endWriting();
    let received = 0;
    let drains = 0;
    const slow = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _encoding, done) {
        received += chunk.length;
        setImmediate(done);
      },
    });
    slow.on('drain', () => drains++);
    await spool.release(slow);
    expect(received).toBe(1_000_000);
    expect(drains).toBeGreaterThan(0);
  });

  it('can be discarded without being released, and released only once', async () => {
    const spool = await openSpoolFile(directory);
    spool.writable.end('never shown');
    await spool.endWriting();
    await spool.discard();
    await spool.discard();
    expect(await readdir(directory)).toEqual([]);
  });

  it('is a RetryRunError when no temporary file can be made', async () => {
    await expect(openSpoolFile(join(directory, 'missing'))).rejects.toBeInstanceOf(RetryRunError);
  });
});
