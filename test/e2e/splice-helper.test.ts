import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  existsSync,
  mkdirSync,
  openSync,
  unlinkSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, FIXTURES } from '../helpers/cli.js';

// A busy output (over 4 MiB) that a condition reads, with retry-run's own stdout a pipe (as
// execa and CI logs give it): retry-run hands the copy to a perl helper that splices it
// (README "Performance"). These tests hold it to what retry-run's own tee guarantees.

const work = mkdtempSync(join(tmpdir(), 'retry-run-splice-'));
// Removing it also ends a held command left behind by a failed test (its loop checks for it).
afterAll(() => rmSync(work, { recursive: true, force: true }));
const node = process.execPath;
const busy = `${FIXTURES}busy-output.js`;
/** 12 MiB of random bytes, written by the fixture in 4 KiB pieces. */
const data = randomBytes(12 * 1024 * 1024);
const dataFile = join(work, 'data');
writeFileSync(dataFile, data);
const tinyLines = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => `${String(from + i).padStart(9, '0')}\n`).join('');

let pipes = 0;
/** Both ends of a new pipe (made as a FIFO, unlinked at once): execa and spawn give sockets. */
function pipePair() {
  const path = join(work, `pipe-${++pipes}`);
  execFileSync('mkfifo', [path]);
  const read = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  const write = openSync(path, constants.O_WRONLY);
  unlinkSync(path);
  return { read, write };
}

/** Runs the built CLI with its stdout a pipe, read as the test says; resolves on exit. */
function runPiped(
  args: string[],
  read: (stdout: NodeJS.ReadableStream) => Promise<Buffer>,
  env: NodeJS.ProcessEnv = {},
) {
  const ends = pipePair();
  const child = spawn(node, [BIN, ...args], {
    stdio: ['ignore', ends.write, 'pipe'],
    env: { ...process.env, XDG_STATE_HOME: work, ...env },
  });
  closeSync(ends.write);
  const stdout = new Socket({ fd: ends.read, readable: true, writable: false });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return { child, output: read(stdout), exited, stderr: () => stderr };
}

const readAll = async (stream: NodeJS.ReadableStream) => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

describe('a busy output spliced on by the helper', () => {
  /**
   * Runs the fixture's 12 MiB through retry-run, then holds the command open until every byte
   * has arrived, and looks at retry-run's children then: a helper still running did the copy.
   */
  async function helpersOfBusyRun(env: NodeJS.ProcessEnv = {}) {
    const go = join(work, `go-${++pipes}`);
    const script = `"${node}" "${busy}" "${dataFile}"; while [ -d "${work}" ] && [ ! -e "${go}" ]; do sleep 0.05; done`;
    const chunks: Buffer[] = [];
    let received = 0;
    let run!: ReturnType<typeof runPiped>;
    const allThere = new Promise<void>((resolve) => {
      run = runPiped(
        ['-q', '-n', '1', '--retry-on', 'output:/never/', '-S', script],
        async (stdout) => {
          stdout.on('data', (chunk: Buffer) => {
            chunks.push(chunk);
            received += chunk.length;
            if (received === data.length) resolve();
          });
          await new Promise((ended) => stdout.on('end', ended));
          return Buffer.concat(chunks);
        },
        env,
      );
    });
    await allThere;
    const helpers = childCommandsOf(run.child.pid!).filter((name) => name === 'perl');
    writeFileSync(go, '');
    expect(await run.exited).toBe(0);
    expect((await run.output).equals(data)).toBe(true);
    return helpers;
  }

  it('is handed to a perl helper once busy, and every byte arrives unchanged', async () => {
    expect(await helpersOfBusyRun()).toEqual(['perl']);
  });

  it('runs the helper without the PERL5OPT, PERL5LIB or PERL_UNICODE meant for the user', async () => {
    // A module that does not exist: a perl that honoured this would die at once.
    expect(await helpersOfBusyRun({ PERL5OPT: '-MNo::Such::Module' })).toEqual(['perl']);
  });

  it('keeps the last 64 KiB exactly, through thousands of tiny writes after a busy start', async () => {
    // 30,000 lines of 10 bytes after the 12 MiB: the tail holds lines 23,447 to 29,999.
    const command = ['--', node, busy, dataFile, '30000'];
    const inTail = runPiped(
      ['-q', '-n', '1', '--until', 'output:/^000023500$/m', ...command],
      readAll,
    );
    expect(await inTail.exited).toBe(0);
    expect(
      (await inTail.output).equals(Buffer.concat([data, Buffer.from(tinyLines(0, 30_000))])),
    ).toBe(true);
    const beyond = runPiped(
      ['-q', '-n', '1', '--until', 'output:/^000020000$/m', ...command],
      readAll,
    );
    expect(await beyond.exited).toBe(1);
  });

  it('holds the command back while our stdout is read slowly, and loses nothing', async () => {
    const run = runPiped(
      ['-q', '-n', '1', '--retry-on', 'output:/never/', '--', node, busy, dataFile],
      async (stdout) => {
        const chunks: Buffer[] = [];
        stdout.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          stdout.pause();
          setTimeout(() => stdout.resume(), 1);
        });
        await new Promise((resolve) => stdout.on('end', resolve));
        return Buffer.concat(chunks);
      },
    );
    expect(await run.exited).toBe(0);
    expect((await run.output).equals(data)).toBe(true);
  });

  it('gives the command SIGPIPE when our stdout closes mid-stream: exit 141, not retried', async () => {
    const rr = `"${node}" "${BIN}"`;
    const script = `exec 3>&1; { ${rr} --retry-on output:/never/,signal -n 3 -b 0 -- cat "${dataFile}" 2>/dev/null; echo "exit $?" >&3; } | head -c 5000000 > /dev/null`;
    const result = await new Promise<string>((resolve) => {
      const shell = spawn('/bin/sh', ['-c', script], {
        env: { ...process.env, XDG_STATE_HOME: work },
      });
      let out = '';
      shell.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
      shell.on('close', () => resolve(out));
    });
    expect(result).toBe('exit 141\n');
  });

  it('ends once quiet when a background process keeps the pipe open after the command exits', async () => {
    const pidFile = join(work, 'holder.pid');
    try {
      const command = ['--', node, busy, dataFile, '0', pidFile];
      let exited: Promise<number | null> = Promise.resolve(null);
      const run = runPiped(
        ['-q', '-n', '1', '--retry-on', 'output:/never/', ...command],
        async (stdout) => {
          // The holder keeps the pipe open after retry-run: read until retry-run has exited.
          const chunks: Buffer[] = [];
          stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
          await new Promise((resolve) => setImmediate(resolve));
          await exited;
          (stdout as Socket).destroy();
          return Buffer.concat(chunks);
        },
      );
      exited = run.exited;
      expect(await run.exited).toBe(0);
      expect((await run.output).equals(data)).toBe(true);
    } finally {
      if (existsSync(pidFile)) process.kill(Number(readFileSync(pidFile, 'utf8')), 'SIGKILL');
    }
  });

  it('copies the output itself where perl cannot be found, with the same result', async () => {
    // mkfifo, but no perl: the pipes are retry-run's own, and their copy stays in Node.
    const bin = join(work, 'bin');
    mkdirSync(bin, { recursive: true });
    symlinkSync(
      execFileSync('/bin/sh', ['-c', 'command -v mkfifo'], { encoding: 'utf8' }).trim(),
      join(bin, 'mkfifo'),
    );
    const run = runPiped(
      ['-q', '-n', '1', '--until', 'output:/^000000099$/m', '--', node, busy, dataFile, '100'],
      readAll,
      { PATH: bin },
    );
    expect(await run.exited).toBe(0);
    expect((await run.output).equals(Buffer.concat([data, Buffer.from(tinyLines(0, 100))]))).toBe(
      true,
    );
  });

  it('reads on where a helper that fails stopped, with the same result', async () => {
    // A `perl` that exits at once, as one without POSIX would: nothing is lost or doubled.
    const bin = join(work, 'failing-perl');
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, 'perl'), '#!/bin/sh\nexit 2\n', { mode: 0o755 });
    const command = ['--', node, busy, dataFile, '100'];
    const run = runPiped(
      ['-q', '-n', '1', '--until', 'output:/^000000099$/m', ...command],
      readAll,
      {
        PATH: `${bin}:${process.env.PATH}`,
      },
    );
    expect(await run.exited).toBe(0);
    const expected = Buffer.concat([data, Buffer.from(tinyLines(0, 100))]);
    expect((await run.output).equals(expected)).toBe(true);
  });

  it('believes the report of a helper that a late SIGUSR1 killed after its copy', async () => {
    // On a loaded machine, the SIGUSR1 that tells the helper the command exited can come while
    // perl is exiting, its copy done and its report written: perl then dies of it. This `perl`
    // makes that happen every time: the real one copies and reports, then the process retry-run
    // started waits for the SIGUSR1 and dies of it (the copy's tail used to be thrown away, and
    // the condition read the tail of the bytes before the helper: exit 1).
    const real = execFileSync('/bin/sh', ['-c', 'command -v perl'], { encoding: 'utf8' }).trim();
    const bin = join(work, 'late-signal-perl');
    mkdirSync(bin, { recursive: true });
    const wrapper = [
      '#!/bin/sh',
      `"${real}" "$@"`,
      'exec 0<&- 1>&- 3>&-',
      'i=0; while [ $i -lt 1000 ]; do sleep 0.01; i=$((i + 1)); done',
      '',
    ].join('\n');
    writeFileSync(join(bin, 'perl'), wrapper, { mode: 0o755 });
    const command = ['--', node, busy, dataFile, '30000'];
    const run = runPiped(
      ['-q', '-n', '1', '--until', 'output:/^000023500$/m', ...command],
      readAll,
      { PATH: `${bin}:${process.env.PATH}` },
    );
    expect(await run.exited).toBe(0);
    const expected = Buffer.concat([data, Buffer.from(tinyLines(0, 30_000))]);
    expect((await run.output).equals(expected)).toBe(true);
  });
});

/** The command names (comm) of the children of `pid` right now. */
function childCommandsOf(pid: number): string[] {
  const children = readdirSync(`/proc/${pid}/task`).flatMap((task) =>
    readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean),
  );
  return children.map((child) => {
    try {
      return readFileSync(`/proc/${child}/comm`, 'utf8').trim();
    } catch {
      return '';
    }
  });
}

describe('a busy output spliced into a file, /dev/null or a socket', () => {
  /** Runs the built CLI with `stdout` (a descriptor) as its stdout; resolves with the exit code. */
  function runInto(args: string[], stdout: number | 'pipe') {
    const child = spawn(node, [BIN, ...args], {
      stdio: ['ignore', stdout, 'ignore'],
      env: { ...process.env, XDG_STATE_HOME: work },
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    return { child, exited };
  }
  const teed = ['-q', '-n', '1', '--retry-on', 'output:/never/'];

  it('into a file: handed to the helper, every byte in place', async () => {
    const file = join(work, 'out-file');
    const fd = openSync(file, 'w');
    const go = join(work, 'go-file');
    const script = `"${node}" "${busy}" "${dataFile}"; while [ -d "${work}" ] && [ ! -e "${go}" ]; do sleep 0.05; done`;
    const run = runInto([...teed, '-S', script], fd);
    closeSync(fd);
    while (statSync(file).size < data.length) await new Promise((r) => setTimeout(r, 20));
    const helpers = childCommandsOf(run.child.pid!).filter((name) => name === 'perl');
    writeFileSync(go, '');
    expect(await run.exited).toBe(0);
    expect(helpers).toEqual(['perl']);
    expect(readFileSync(file).equals(data)).toBe(true);
  });

  it('into a file opened to append: every byte in place after what was there', async () => {
    const file = join(work, 'out-append');
    writeFileSync(file, 'before\n');
    const fd = openSync(file, 'a');
    const run = runInto([...teed, '--', node, busy, dataFile], fd);
    closeSync(fd);
    expect(await run.exited).toBe(0);
    expect(readFileSync(file).equals(Buffer.concat([Buffer.from('before\n'), data]))).toBe(true);
  });

  for (const [where, size] of [
    ['before the hand-over, in retry-run', '2m'],
    ['after it, in the helper', '8m'],
  ] as const) {
    it(`into a file on a disk that fills up ${where}: the command gets SIGPIPE, exit 141`, async (context) => {
      const disk = join(work, `disk-${size}`);
      mkdirSync(disk);
      const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', disk]);
      if (mounted.status !== 0)
        return context.skip(`cannot mount a tmpfs: ${String(mounted.stderr)}`);
      try {
        const file = join(disk, 'out');
        const fd = openSync(file, 'w');
        const command = ['--retry-on', 'output:/never/,signal', '-n', '3', '-b', '0'];
        const run = runInto(['-q', ...command, '--', 'cat', dataFile], fd);
        closeSync(fd);
        expect(await run.exited).toBe(141);
        const written = readFileSync(file);
        expect(written.length).toBeGreaterThan(size === '8m' ? 4 * 2 ** 20 : 0);
        expect(written.equals(data.subarray(0, written.length))).toBe(true);
      } finally {
        spawnSync('umount', [disk]);
      }
    });
  }

  it('into /dev/null: the tail is still the last 64 KiB', async () => {
    const fd = openSync('/dev/null', 'w');
    const command = ['--', node, busy, dataFile, '30000'];
    const inTail = runInto(['-q', '-n', '1', '--until', 'output:/^000023500$/m', ...command], fd);
    const beyond = runInto(['-q', '-n', '1', '--until', 'output:/^000020000$/m', ...command], fd);
    closeSync(fd);
    expect(await inTail.exited).toBe(0);
    expect(await beyond.exited).toBe(1);
  });

  it('into a socket (a parent that spawned retry-run with a pipe of its own): every byte', async () => {
    const run = runInto([...teed, '--', node, busy, dataFile], 'pipe');
    const output = readAll(run.child.stdout!);
    expect(await run.exited).toBe(0);
    expect((await output).equals(data)).toBe(true);
  });
});
