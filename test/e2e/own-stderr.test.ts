import { execFileSync, spawn } from 'node:child_process';
import {
  closeSync,
  constants,
  mkdtempSync,
  openSync,
  readSync,
  rmSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';

// retry-run writes its own lines straight to descriptor 2 until Node's process.stderr exists
// (src/cli/streams.ts). These hold that path to what the stream guaranteed.

const work = mkdtempSync(join(tmpdir(), 'retry-run-own-stderr-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A pipe (a FIFO, unlinked at once) whose write end is non-blocking and already full. */
function fullNonBlockingPipe() {
  const path = join(work, 'pipe');
  execFileSync('mkfifo', [path]);
  const read = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  const write = openSync(path, constants.O_WRONLY | constants.O_NONBLOCK);
  unlinkSync(path);
  let filled = 0;
  try {
    for (;;) filled += writeSync(write, Buffer.alloc(4096, 'x'));
  } catch (error) {
    expect((error as NodeJS.ErrnoException).code).toBe('EAGAIN');
  }
  return { read, write, filled };
}

/** Reads the pipe until its writers are gone. */
async function drain(fd: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for (;;) {
    const chunk = Buffer.alloc(65536);
    let n: number;
    try {
      n = readSync(fd, chunk);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      await new Promise((resolve) => setTimeout(resolve, 5));
      continue;
    }
    if (n === 0) return Buffer.concat(chunks);
    chunks.push(chunk.subarray(0, n));
  }
}

describe("retry-run's own lines on stderr", () => {
  it('wait for a full non-blocking pipe instead of being lost (EAGAIN)', async () => {
    const pipe = fullNonBlockingPipe();
    // Node's spawn makes a child's stdio blocking: perl puts O_NONBLOCK back, as a parent
    // that shares a non-blocking pipe would leave it.
    const nonBlocking =
      'use Fcntl; fcntl(STDERR, F_SETFL, fcntl(STDERR, F_GETFL, 0) | O_NONBLOCK) or die; exec @ARGV';
    // HTTP mode: no command inherits our stderr (a spawn would make that one open pipe
    // blocking again, for us too). The second request comes after the first attempt's line
    // met the full pipe.
    let requests = 0;
    let secondRequest = () => {};
    const second = new Promise<void>((resolve) => (secondRequest = resolve));
    const server = createServer((_request, response) => {
      if (++requests === 2) secondRequest();
      response.writeHead(503).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const run = [process.execPath, BIN, '-n', '2', '-b', '0', url];
    const child = spawn('perl', ['-e', nonBlocking, ...run], {
      stdio: ['ignore', 'ignore', pipe.write],
      env: { PATH: process.env.PATH, NO_COLOR: '1', RETRY_RUN_NO_RECORD: '1' },
    });
    closeSync(pipe.write);
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    await second;
    const text = (await drain(pipe.read)).subarray(pipe.filled).toString();
    closeSync(pipe.read);
    server.close();
    expect(await exited).toBe(22);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^retry-run: attempt 1\/2 failed \(/);
    expect(lines[1]).toBe('retry-run: waiting 0ms before attempt 2');
    expect(lines[2]).toMatch(/^retry-run: attempt 2\/2 failed \(/);
    expect(lines[3]).toMatch(/^retry-run: ✖ exhausted: all 2 attempts failed /);
    expect(lines.slice(4)).toEqual(['']);
  });
});
