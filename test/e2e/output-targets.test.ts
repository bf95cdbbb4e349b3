import { execFileSync, spawnSync, type ChildProcess } from 'node:child_process';
import {
  closeSync,
  lstatSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, runCli } from '../helpers/cli.js';
import { makeFifo, openFifoReader } from '../helpers/fifo.js';
import { startServer, type TestServer } from '../helpers/http-server.js';

const node = process.execPath;
/** A command that prints one line and succeeds. */
const printsOut = ['--', node, '-e', "process.stdout.write('out\\n')"];
/** A command that fails once, with exit 3, and is not retried. */
const failsWith3 = ['-n', '1', '--', node, '-e', 'process.exit(3)'];
const isRoot = process.getuid?.() === 0;
const emptyDir = () => mkdtempSync(join(tmpdir(), 'retry-run-targets-'));

/** A run that would hang (the bug) is ended, so the test fails instead of hanging forever. */
const bounded = {
  onSpawn(child: ChildProcess) {
    const watchdog = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.on('exit', () => clearTimeout(watchdog));
  },
};

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
async function bodyServer(body: string): Promise<string> {
  const server = await startServer((_request, response) => response.end(body));
  servers.push(server);
  return `${server.url}/`;
}

describe('a device as the target', () => {
  it.skipIf(!isRoot)(
    '--report and --metrics-file write through it; it stays a device',
    async () => {
      const dir = emptyDir();
      const device = join(dir, 'null');
      execFileSync('mknod', [device, 'c', '1', '3']); // the same device as /dev/null
      const result = await runCli(['--report', device, '--metrics-file', device, ...printsOut]);
      expect(result.code).toBe(0);
      expect(result.stderr).not.toContain('warning');
      expect(lstatSync(device).isCharacterDevice()).toBe(true);
      expect(readdirSync(dir)).toEqual(['null']);
    },
  );

  it.skipIf(!isRoot)('-o writes the body through it; it stays a device', async () => {
    const dir = emptyDir();
    const device = join(dir, 'null');
    execFileSync('mknod', [device, 'c', '1', '3']);
    const result = await runCli(['-o', device, await bodyServer('the body\n')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(lstatSync(device).isCharacterDevice()).toBe(true);
    expect(readdirSync(dir)).toEqual(['null']);
  });
});

describe('a symlink as the target', () => {
  it('replaces the file the link points to; the link stays a link', async () => {
    const dir = emptyDir();
    for (const name of ['report.json', 'metrics.prom', 'body.txt']) {
      // --metrics-file replaces only an empty file or one it wrote, never 'old' text.
      writeFileSync(join(dir, name), name === 'metrics.prom' ? '' : 'old\n');
      symlinkSync(name, join(dir, `${name}.link`));
    }
    const run = await runCli([
      '--report',
      join(dir, 'report.json.link'),
      '--metrics-file',
      join(dir, 'metrics.prom.link'),
      ...printsOut,
    ]);
    expect(run.code).toBe(0);
    const get = await runCli(['-o', join(dir, 'body.txt.link'), await bodyServer('the body\n')]);
    expect(get.code).toBe(0);
    for (const name of ['report.json', 'metrics.prom', 'body.txt']) {
      expect(lstatSync(join(dir, `${name}.link`)).isSymbolicLink()).toBe(true);
      expect(readlinkSync(join(dir, `${name}.link`))).toBe(name);
    }
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'))).toMatchObject({
      schemaVersion: 1,
    });
    expect(readFileSync(join(dir, 'metrics.prom'), 'utf8')).toContain('retry_run_runs_total{');
    expect(readFileSync(join(dir, 'body.txt'), 'utf8')).toBe('the body\n');
    expect(readdirSync(dir).filter((name) => name.startsWith('.'))).toEqual([]);
  });
});

describe('a FIFO as the target', () => {
  it('delivers the report to the process reading it', async () => {
    const fifo = makeFifo(join(emptyDir(), 'report.fifo'));
    const reader = openFifoReader(fifo);
    try {
      const result = await runCli(['--report', fifo, ...printsOut], bounded);
      expect(result.code).toBe(0);
      expect(result.stderr).not.toContain('warning');
      expect(JSON.parse(reader.drain())).toMatchObject({ schemaVersion: 1 });
    } finally {
      reader.close();
    }
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('GITHUB_STEP_SUMMARY without a reader costs one warning, not a hang', async () => {
    const fifo = makeFifo(join(emptyDir(), 'summary.fifo'));
    const result = await runCli(failsWith3, {
      ...bounded,
      env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: fifo },
    });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(
      `retry-run: warning: could not append to GITHUB_STEP_SUMMARY (${fifo}): no process has the FIFO open for reading`,
    );
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('--report without a reader costs one warning; the exit code stays the command’s', async () => {
    const fifo = makeFifo(join(emptyDir(), 'report.fifo'));
    const result = await runCli(['--report', fifo, ...failsWith3], bounded);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(
      `retry-run: warning: could not write the report ${fifo}: no process has the FIFO open for reading`,
    );
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('-o without a reader is a write error (exit 23), as curl', async () => {
    const fifo = makeFifo(join(emptyDir(), 'body.fifo'));
    const result = await runCli(['-o', fifo, await bodyServer('the body\n')], bounded);
    expect(result.code).toBe(23);
    expect(result.stderr).toContain('no process has the FIFO open for reading');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('-o with a reader delivers the body of the successful attempt', async () => {
    const fifo = makeFifo(join(emptyDir(), 'body.fifo'));
    const reader = openFifoReader(fifo);
    try {
      const result = await runCli(['-o', fifo, await bodyServer('the body\n')], bounded);
      expect(result.code).toBe(0);
      expect(result.stdout).toBe('');
      expect(reader.drain()).toBe('the body\n');
    } finally {
      reader.close();
    }
  });
});

describe('standard streams and descriptors', () => {
  it('--report /dev/fd/2 writes the report on stderr', async () => {
    const result = await runCli(['--report', '/dev/fd/2', ...printsOut]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('out\n');
    expect(result.stderr).toContain('"schemaVersion": 1');
    expect(result.stderr).not.toContain('warning');
  });

  it('a link to /dev/stderr is followed to retry-run’s own stderr, not replaced', async () => {
    const link = join(emptyDir(), 'err');
    symlinkSync('/dev/stderr', link);
    const result = await runCli(['--report', link, ...printsOut]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('"schemaVersion": 1');
    expect(readlinkSync(link)).toBe('/dev/stderr');
  });

  it('--report /dev/fd/3 writes through the descriptor the shell opened', () => {
    const dir = emptyDir();
    const file = join(dir, 'report.json');
    writeFileSync(file, 'before\n');
    const fd = openSync(file, 'a');
    try {
      const result = spawnSync(node, [BIN, '--report', '/dev/fd/3', ...printsOut], {
        env: { PATH: process.env.PATH, XDG_STATE_HOME: dir, NO_COLOR: '1' },
        stdio: ['ignore', 'pipe', 'pipe', fd],
        encoding: 'utf8',
        timeout: 15_000,
      });
      expect(result.stderr).not.toContain('warning');
      expect(result.status).toBe(0);
    } finally {
      closeSync(fd);
    }
    const [before, ...report] = readFileSync(file, 'utf8').split('\n');
    expect(before).toBe('before');
    expect(JSON.parse(report.join('\n'))).toMatchObject({ schemaVersion: 1 });
  });

  it('--report - writes the report on stdout after the command’s output', async () => {
    const cwd = emptyDir();
    const result = await runCli(['--report', '-', ...printsOut], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('out\n{\n')).toBe(true);
    expect(JSON.parse(result.stdout.slice('out\n'.length))).toMatchObject({ schemaVersion: 1 });
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('--metrics-file - writes this run’s metrics on stdout', async () => {
    const cwd = emptyDir();
    const result = await runCli(['--metrics-file', '-', ...printsOut], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^out\n# HELP retry_run_runs_total /);
    expect(result.stdout).toContain('retry_run_last_run_success{name="node"} 1\n');
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('-o - writes the body on stdout, as curl', async () => {
    const cwd = emptyDir();
    const result = await runCli(['-o', '-', await bodyServer('the body\n')], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('the body\n');
    expect(readdirSync(cwd)).toEqual([]);
  });
});
