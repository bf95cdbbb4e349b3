import { spawnSync } from 'node:child_process';
import { closeSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openPipes } from '../../../src/runners/command/output-fifo.js';
import { BUSY_PIPE_BYTES, enlargePipe } from '../../../src/runners/command/pipe-size.js';
import { FIXTURES } from '../../helpers/cli.js';

const perl = spawnSync('sh', ['-c', 'command -v perl'], { encoding: 'utf8' }).stdout.trim();

/** The pipe's buffer size as the fixture reads it, once it is at least `atLeast`. */
function pipeSize(fd: number, atLeast = 0): number {
  const { stdout } = spawnSync(perl, [`${FIXTURES}pipe-size.pl`, '--at-least', String(atLeast)], {
    stdio: [fd, 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  return Number(stdout);
}

describe.skipIf(!perl)('enlargePipe', () => {
  it('gives the pipe a 1 MiB buffer, whichever end it is asked on', async () => {
    const [first, second] = (await openPipes(2))!;
    enlargePipe(first!.read);
    enlargePipe(second!.write);
    expect(pipeSize(first!.write, BUSY_PIPE_BYTES)).toBe(BUSY_PIPE_BYTES);
    expect(pipeSize(second!.read, BUSY_PIPE_BYTES)).toBe(BUSY_PIPE_BYTES);
    for (const fd of [first!.read, first!.write, second!.read, second!.write]) closeSync(fd);
  });

  it('leaves the pipe as it is, and throws nothing, where there is no perl', async () => {
    const [ends] = (await openPipes(1))!;
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      enlargePipe(ends!.read);
    } finally {
      process.env.PATH = path;
    }
    expect(pipeSize(ends!.read)).toBe(65536);
    closeSync(ends!.read);
    closeSync(ends!.write);
  });
});
