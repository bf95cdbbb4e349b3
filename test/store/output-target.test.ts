import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  resolveOutputTarget,
  writeOutput,
  writeOutputFile,
} from '../../src/store/output-target.js';
import { makeFifo, openFifoReader } from '../helpers/fifo.js';

const emptyDir = () => mkdtempSync(join(tmpdir(), 'retry-run-output-target-'));

describe('resolveOutputTarget', () => {
  it('maps -, /dev/stdout, /dev/stderr and /dev/fd/1|2 to retry-run’s own streams', async () => {
    for (const [path, stream] of [
      ['-', 'stdout'],
      ['/dev/stdout', 'stdout'],
      ['/dev/fd/1', 'stdout'],
      ['/dev/stderr', 'stderr'],
      ['/proc/self/fd/2', 'stderr'],
    ] as const) {
      expect(await resolveOutputTarget(path)).toEqual({ kind: 'stdio', path, stream });
    }
  });

  it('writes other descriptors and devices through', async () => {
    expect(await resolveOutputTarget('/dev/fd/7')).toEqual({ kind: 'through', path: '/dev/fd/7' });
    expect(await resolveOutputTarget('/dev/null')).toEqual({ kind: 'through', path: '/dev/null' });
  });

  it('follows a chain of links to the regular file at its end', async () => {
    const dir = emptyDir();
    mkdirSync(join(dir, 'real'));
    writeFileSync(join(dir, 'real', 'file'), 'old');
    symlinkSync('real/file', join(dir, 'first'));
    symlinkSync(join(dir, 'first'), join(dir, 'second'));
    expect(await resolveOutputTarget(join(dir, 'second'))).toEqual({
      kind: 'regular',
      path: join(dir, 'real', 'file'),
    });
  });

  it('refuses a loop of links and a directory, naming them', async () => {
    const dir = emptyDir();
    symlinkSync('b', join(dir, 'a'));
    symlinkSync('a', join(dir, 'b'));
    await expect(resolveOutputTarget(join(dir, 'a'))).rejects.toThrow(
      'too many levels of symbolic links',
    );
    await expect(resolveOutputTarget(dir)).rejects.toThrow(`${dir}: is a directory`);
  });
});

describe('writeOutputFile', () => {
  it('creates the missing file a dangling link names, and keeps the link', async () => {
    const dir = emptyDir();
    symlinkSync('report.json', join(dir, 'link'));
    await writeOutputFile(join(dir, 'link'), '{}\n');
    expect(readlinkSync(join(dir, 'link'))).toBe('report.json');
    expect(readFileSync(join(dir, 'report.json'), 'utf8')).toBe('{}\n');
  });

  it('appends to the regular file behind a link', async () => {
    const dir = emptyDir();
    writeFileSync(join(dir, 'summary.md'), '# earlier\n');
    symlinkSync('summary.md', join(dir, 'link'));
    await writeOutputFile(join(dir, 'link'), '# this run\n', { append: true });
    expect(lstatSync(join(dir, 'link')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toBe('# earlier\n# this run\n');
  });

  it('gives up on a FIFO whose reader never reads, instead of waiting forever', async () => {
    const fifo = makeFifo(join(emptyDir(), 'stuck.fifo'));
    const reader = openFifoReader(fifo); // open, never read: the pipe fills up
    try {
      await expect(
        writeOutputFile(fifo, Buffer.alloc(1024 * 1024), { stallMs: 100 }),
      ).rejects.toThrow('no progress writing for 0.1s');
    } finally {
      reader.close();
    }
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });
});

describe('writeOutput to a standard stream', () => {
  it('writes to the stream and leaves it open for what follows', async () => {
    const stdout = new PassThrough();
    const stdio = { stdout, stderr: new PassThrough() };
    await writeOutput({ kind: 'stdio', path: '-', stream: 'stdout' }, 'report\n', { stdio });
    expect(stdout.writableEnded).toBe(false);
    expect(stdout.read()?.toString()).toBe('report\n');
  });
});
