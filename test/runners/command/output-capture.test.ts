import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { prepareOutput, type AttemptOutput } from '../../../src/runners/command/output-capture.js';
import { TAIL_BYTES } from '../../../src/runners/command/output-tail.js';
import { FIXTURES } from '../../helpers/cli.js';
import { descriptorsOpenedSince, openDescriptors } from '../../helpers/processes.js';

/** A destination that takes its time, to make the child's pipe push back. */
function slowSink() {
  const chunks: Buffer[] = [];
  let drains = 0;
  const sink = new Writable({
    highWaterMark: 4096,
    write(chunk: Buffer, _encoding, done) {
      // A copy: the chunk lives in the tee's reused buffer until `done` is called.
      chunks.push(Buffer.from(chunk));
      setImmediate(done);
    },
  });
  sink.on('drain', () => drains++);
  return { sink, bytes: () => Buffer.concat(chunks), drains: () => drains };
}

/** A destination whose reader goes away (EPIPE) once it has taken `limit` bytes. */
function brokenAfter(limit: number) {
  let taken = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      taken += chunk.length;
      if (taken <= limit) return done();
      done(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    },
  });
  sink.on('error', () => undefined);
  return sink;
}

/** Runs `yes` into `output` until it is stopped; how it ended. */
function yesUntilBroken(output: AttemptOutput) {
  const child = spawn('yes', [], { stdio: ['ignore', ...output.stdio] });
  output.attach(child);
  return new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
}

function run(script: string, output: AttemptOutput, onSpawn?: (pid: number) => void) {
  const child = spawn('/bin/sh', ['-c', script], { stdio: ['ignore', ...output.stdio] });
  output.attach(child);
  onSpawn?.(child.pid!);
  return new Promise<number | null>((resolve) => child.once('exit', resolve));
}

describe('prepareOutput', () => {
  it('lets the child inherit both streams when nothing is kept', async () => {
    const output = await prepareOutput({ tails: false, stdout: undefined, stderr: undefined });
    expect(output.stdio).toEqual(['inherit', 'inherit']);
  });

  it('tees every byte through unchanged, respecting backpressure, and keeps 64 KiB tails', async () => {
    const out = slowSink();
    const err = slowSink();
    const output = await prepareOutput({ tails: true, stdout: out.sink, stderr: err.sink });
    expect(output.stdio).toEqual([expect.any(Number), expect.any(Number)]);
    // 1 MB of numbered lines on stdout, a short message on stderr.
    const code = await run(
      'i=0; while [ $i -lt 20000 ]; do echo "line $i of the output stream........"; i=$((i+1)); done; echo oops >&2',
      output,
    );
    const tails = await output.settle();
    expect(code).toBe(0);
    const expected = Array.from(
      { length: 20000 },
      (_, i) => `line ${i} of the output stream........\n`,
    ).join('');
    expect(out.bytes().toString()).toBe(expected);
    expect(out.drains()).toBeGreaterThan(0);
    expect(err.bytes().toString()).toBe('oops\n');
    expect(tails.stdoutTail).toBe(expected.slice(-TAIL_BYTES));
    expect(tails.stderrTail).toBe('oops\n');
  });

  it('pipes only stdout when only stdout is held, keeping no tails', async () => {
    const out = slowSink();
    const output = await prepareOutput({ tails: false, stdout: out.sink, stderr: undefined });
    expect(output.stdio).toEqual([expect.any(Number), 'inherit']);
    await run('echo held', output);
    expect(await output.settle()).toEqual({});
    expect(out.bytes().toString()).toBe('held\n');
  });

  it('does not wait for a background process that keeps the pipe open but is silent', async () => {
    const out = slowSink();
    const output = await prepareOutput({ tails: true, stdout: out.sink, stderr: undefined });
    await run('sleep 30 & echo "$!"; echo started', output);
    const tails = await output.settle();
    expect(tails.stdoutTail).toMatch(/^\d+\nstarted\n$/);
    process.kill(Number(tails.stdoutTail!.split('\n')[0]), 'SIGKILL');
  });

  it('gives the child real pipes, which it can reopen as /dev/stdout and /dev/stderr', async () => {
    const out = slowSink();
    const err = slowSink();
    const output = await prepareOutput({ tails: true, stdout: out.sink, stderr: err.sink });
    const script = 'echo "to /dev/stdout" > /dev/stdout; echo "to /dev/stderr" > /dev/stderr';
    expect(await run(script, output)).toBe(0);
    const tails = await output.settle();
    expect(out.bytes().toString()).toBe('to /dev/stdout\n');
    expect(err.bytes().toString()).toBe('to /dev/stderr\n');
    expect(tails).toEqual({ stdoutTail: 'to /dev/stdout\n', stderrTail: 'to /dev/stderr\n' });
  });

  it("falls back to Node's stdio pipes where no FIFO can be made, with the same result", async () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent'; // no mkfifo
    const out = slowSink();
    let output: AttemptOutput;
    try {
      output = await prepareOutput({ tails: true, stdout: out.sink, stderr: process.stderr });
    } finally {
      process.env.PATH = path;
    }
    expect(output.stdio).toEqual(['pipe', 'pipe']);
    await run('seq 1 30000', output);
    const expected = Array.from({ length: 30000 }, (_, i) => `${i + 1}\n`).join('');
    const tails = await output.settle();
    expect(out.bytes().toString()).toBe(expected);
    expect(tails.stdoutTail).toBe(expected.slice(-TAIL_BYTES));
  });

  it('holds the child back while our stdout does not take more, and loses nothing', async () => {
    // A destination that takes the first chunk and then nothing until released.
    const received: Buffer[] = [];
    let release: (() => void) | undefined;
    const stalled = new Writable({
      write(chunk: Buffer, _encoding, done) {
        received.push(Buffer.from(chunk));
        if (received.length === 1) release = done;
        else done();
      },
    });
    const output = await prepareOutput({ tails: true, stdout: stalled, stderr: undefined });
    let exited = false;
    let pid = 0;
    const exit = run('exec seq 1 2000000', output, (p) => (pid = p)).then((code) => {
      exited = true;
      return code;
    });
    await vi.waitFor(() => expect(release).toBeDefined(), { timeout: 10_000 });
    // 14 MB to print; the pipe holds 64 KiB and we hold one chunk: the child must end up
    // asleep in a pipe write. The kernel says where it sleeps, so nothing waits on a timer.
    await vi.waitFor(() => expect(readFileSync(`/proc/${pid}/wchan`, 'utf8')).toMatch(/pipe/), {
      timeout: 10_000,
      interval: 5,
    });
    expect(exited).toBe(false);
    expect(received).toHaveLength(1);
    release!();
    expect(await exit).toBe(0);
    const tails = await output.settle();
    const expected = Array.from({ length: 2000000 }, (_, i) => `${i + 1}\n`).join('');
    expect(Buffer.concat(received).toString()).toBe(expected);
    expect(tails.stdoutTail).toBe(expected.slice(-TAIL_BYTES));
  });

  it('gives the child SIGPIPE when our stdout breaks, as an inherited pipe would', async () => {
    const output = await prepareOutput({ tails: true, stdout: brokenAfter(0), stderr: undefined });
    expect(await yesUntilBroken(output)).toEqual({ code: null, signal: 'SIGPIPE' });
    expect((await output.settle()).stdoutTail).toMatch(/^(y\n)+$/);
  });

  it('ends when the command cannot start, and leaves no descriptor behind', async () => {
    const before = openDescriptors();
    for (let attempt = 0; attempt < 5; attempt++) {
      const out = slowSink();
      const output = await prepareOutput({ tails: true, stdout: out.sink, stderr: out.sink });
      const child = spawn('/nonexistent/command', [], { stdio: ['ignore', ...output.stdio] });
      output.attach(child);
      await new Promise((resolve) => child.once('error', resolve));
      expect(await output.settle()).toEqual({ stdoutTail: '', stderrTail: '' });
      const threw = await prepareOutput({ tails: true, stdout: out.sink, stderr: undefined });
      threw.attach(undefined); // spawn threw: our pipes are closed all the same
      expect(await threw.settle()).toEqual({ stdoutTail: '' });
      await run(
        'echo fine',
        await prepareOutput({ tails: true, stdout: out.sink, stderr: undefined }),
      );
    }
    await vi.waitFor(() => expect(descriptorsOpenedSince(before)).toEqual([]));
  });
});

/** perl enlarges a busy pipe (pipe-size.ts) and the fixture reads a pipe's size. */
const hasPerl = spawnSync('perl', ['-e', '1']).status === 0;
const PIPE_SIZE = `${FIXTURES}pipe-size.pl`;
/** More than the output after which a tee enlarges its pipe. */
const BUSY_LINES = 1_500_000;
const busyLines = (count = BUSY_LINES) =>
  Array.from({ length: count }, (_, i) => `${i + 1}\n`).join('');

describe.skipIf(!hasPerl)('prepareOutput, a busy output (README, Output tails)', () => {
  it('enlarges the pipe of a busy output to 1 MiB and tees every byte unchanged', async () => {
    const out = slowSink();
    const err = slowSink();
    const output = await prepareOutput({ tails: true, stdout: out.sink, stderr: err.sink });
    // The child checks its own stdout, once the busy part has gone through.
    const code = await run(`seq 1 ${BUSY_LINES}; ${PIPE_SIZE} --at-least 1048576 <&1 >&2`, output);
    const tails = await output.settle();
    expect(code).toBe(0);
    expect(err.bytes().toString()).toBe('1048576\n');
    const expected = busyLines();
    expect(out.bytes().toString()).toBe(expected);
    expect(tails.stdoutTail).toBe(expected.slice(-TAIL_BYTES));
  });

  it('leaves a quiet output its ordinary pipe', async () => {
    const out = slowSink();
    const err = slowSink();
    const output = await prepareOutput({ tails: true, stdout: out.sink, stderr: err.sink });
    expect(await run(`seq 1 1000; ${PIPE_SIZE} <&1 >&2`, output)).toBe(0);
    await output.settle();
    expect(err.bytes().toString()).toBe('65536\n');
    expect(out.bytes().toString()).toBe(busyLines(1000));
  });

  it('holds the child back in its enlarged pipe while our stdout takes nothing more', async () => {
    // Takes the busy part, then nothing until released.
    const received: Buffer[] = [];
    let bytes = 0;
    let release: (() => void) | undefined;
    const stalled = new Writable({
      write(chunk: Buffer, _encoding, done) {
        received.push(Buffer.from(chunk));
        bytes += chunk.length;
        if (bytes > 6 * 2 ** 20 && !release) release = done;
        else done();
      },
    });
    const output = await prepareOutput({ tails: true, stdout: stalled, stderr: undefined });
    const child = spawn('seq', ['1', '3000000'], { stdio: ['ignore', ...output.stdio] });
    output.attach(child);
    let exited = false;
    const exit = new Promise<number | null>((resolve) => child.once('exit', resolve)).then(
      (code) => ((exited = true), code),
    );
    await vi.waitFor(() => expect(release).toBeDefined(), { timeout: 20_000 });
    // 21 MB to print: the child blocks writing into the full pipe, nothing piles up here.
    await vi.waitFor(
      () => expect(readFileSync(`/proc/${child.pid}/wchan`, 'utf8')).toMatch(/pipe_write/),
      { timeout: 20_000 },
    );
    const held = bytes;
    expect(exited).toBe(false);
    expect(held).toBeLessThan(6 * 2 ** 20 + 128 * 1024 + 1);
    release!();
    expect(await exit).toBe(0);
    const tails = await output.settle();
    const expected = busyLines(3_000_000);
    expect(Buffer.concat(received).toString()).toBe(expected);
    expect(tails.stdoutTail).toBe(expected.slice(-TAIL_BYTES));
  });

  it('gives the child SIGPIPE when our stdout breaks after a busy start', async () => {
    const stdout = brokenAfter(8 * 2 ** 20);
    const output = await prepareOutput({ tails: true, stdout, stderr: undefined });
    expect(await yesUntilBroken(output)).toEqual({ code: null, signal: 'SIGPIPE' });
    expect(output.closed).toBeUndefined(); // not our own stdout
    expect((await output.settle()).stdoutTail).toMatch(/^(y\n)+$/);
  });

  it('delivers what a child left in its enlarged pipe when it exits mid-stream', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'retry-run-busy-'));
    try {
      const file = join(directory, 'random');
      const random = randomBytes(9 * 2 ** 20);
      writeFileSync(file, random);
      const out = slowSink();
      const output = await prepareOutput({ tails: true, stdout: out.sink, stderr: undefined });
      // Exits with bytes still in the pipe (the sink is slow), then they still all arrive.
      expect(await run(`cat ${file}; exit 3`, output)).toBe(3);
      const tails = await output.settle();
      expect(out.bytes().equals(random)).toBe(true);
      expect(tails.stdoutTail).toBe(random.subarray(-TAIL_BYTES).toString('utf8'));
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
