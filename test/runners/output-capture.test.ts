import { spawn } from 'node:child_process';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { prepareOutput, type AttemptOutput } from '../../src/runners/output-capture.js';
import { TAIL_BYTES } from '../../src/runners/output-tail.js';

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

function run(script: string, output: AttemptOutput) {
  const child = spawn('/bin/sh', ['-c', script], { stdio: ['ignore', ...output.stdio] });
  output.attach(child);
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
});
