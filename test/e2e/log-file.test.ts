import { execFileSync } from 'node:child_process';
import {
  createReadStream,
  existsSync,
  lstatSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jsonEvents, runCli } from '../helpers/cli.js';

/** A command that writes to its stderr and fails: its lines must stay where they were. */
const NOISY_FAILURE = ['-n', '2', '-b', '0', '-S', 'echo oops >&2; exit 3'];

describe('--log-file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'retry-run-log-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const lines = (path: string) => readFileSync(path, 'utf8').trimEnd().split('\n');

  it('takes the JSON events off stderr: the file is pure JSON lines, stderr the command’s', async () => {
    const log = join(dir, 'events.jsonl');
    const result = await runCli(['--log-format', 'json', '--log-file', log, ...NOISY_FAILURE]);
    expect(result.code).toBe(3);
    expect(result.stderr).toBe('oops\noops\n');
    const events = lines(log).map((line) => JSON.parse(line) as { event: string });
    expect(events.map((e) => e.event)).toEqual(['start', 'attempt', 'wait', 'attempt', 'summary']);
  });

  it('takes the text log off stderr too', async () => {
    const log = join(dir, 'run.log');
    const result = await runCli(['--log-file', log, ...NOISY_FAILURE]);
    expect(result.stderr).toBe('oops\noops\n');
    expect(readFileSync(log, 'utf8')).toMatch(/attempt 1\/2 failed[^]*✖ exhausted/);
  });

  it('appends, and never truncates what is there', async () => {
    const log = join(dir, 'run.log');
    writeFileSync(log, 'an earlier line\n');
    await runCli(['--log-file', log, '-n', '1', '--', 'true']);
    expect(lines(log)[0]).toBe('an earlier line');
    expect(lines(log).at(-1)).toMatch(/succeeded after 1 attempt/);
  });

  it('follows a symlink and leaves it a symlink', async () => {
    const target = join(dir, 'target.log');
    const link = join(dir, 'link.log');
    symlinkSync(target, link);
    await runCli(['--log-file', link, '-n', '1', '--', 'true']);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toMatch(/succeeded/);
  });

  it('writes through a device and leaves it a device', async () => {
    const result = await runCli(['--log-file', '/dev/null', '-n', '1', '--', 'true']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('writes into a FIFO that is read', async () => {
    const fifo = join(dir, 'log.fifo');
    execFileSync('mkfifo', [fifo]);
    let read = '';
    const reader = createReadStream(fifo, 'utf8').on('data', (chunk) => (read += chunk));
    const closed = new Promise<void>((resolve) => reader.on('close', () => resolve()));
    const result = await runCli(['--log-file', fifo, '-n', '1', '--', 'true']);
    await closed;
    expect(result.stderr).toBe('');
    expect(read).toMatch(/succeeded after 1 attempt/);
  });

  it('refuses a FIFO that nobody reads (exit 125) instead of waiting forever', async () => {
    const fifo = join(dir, 'log.fifo');
    execFileSync('mkfifo', [fifo]);
    const marker = join(dir, 'ran');
    const result = await runCli(['--log-file', fifo, '--', 'touch', marker]);
    expect(result.code).toBe(125);
    expect(result.stderr).toContain(`--log-file: cannot write to '${fifo}'`);
    expect(result.stderr).toContain('nobody reads');
    expect(existsSync(marker)).toBe(false);
  });

  it('is a usage error (125) where it cannot be opened, and runs nothing', async () => {
    const marker = join(dir, 'ran');
    const missing = join(dir, 'no-such-dir', 'run.log');
    const result = await runCli(['--log-file', missing, '--', 'touch', marker]);
    expect(result.code).toBe(125);
    expect(result.stderr).toContain(`--log-file: cannot write to '${missing}'`);
    expect(existsSync(marker)).toBe(false);
  });

  it('sends the rest of the log to stderr, with one warning, when writes fail (/dev/full)', async () => {
    const result = await runCli(['--log-file', '/dev/full', '-n', '1', '--', 'true']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("--log-file: cannot write to '/dev/full' (ENOSPC");
    expect(result.stderr.match(/warning/g)).toHaveLength(1);
    expect(result.stderr).toMatch(/succeeded after 1 attempt/);
  });

  it('means stdout when it is -', async () => {
    const result = await runCli(['--log-format', 'json', '--log-file', '-', ...NOISY_FAILURE]);
    expect(result.stderr).toBe('oops\noops\n');
    expect(jsonEvents(result.stdout).map((e) => e.event)).toContain('summary');
  });

  it('means our own stdout when it is /dev/stdout', async () => {
    const result = await runCli(['--log-file', '/dev/stdout', '-n', '1', '--', 'true']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/succeeded after 1 attempt/);
  });

  it('can be set as RETRY_RUN_LOG_FILE', async () => {
    const log = join(dir, 'run.log');
    const result = await runCli(['-n', '1', '--', 'true'], { env: { RETRY_RUN_LOG_FILE: log } });
    expect(result.stderr).toBe('');
    expect(readFileSync(log, 'utf8')).toMatch(/succeeded/);
  });
});

describe('-q with --log-format json', () => {
  it('writes only the summary of a run that failed', async () => {
    const result = await runCli(['-q', '--log-format', 'json', ...NOISY_FAILURE]);
    expect(result.code).toBe(3);
    expect(jsonEvents(result.stderr)).toEqual([
      expect.objectContaining({ event: 'summary', outcome: 'exhausted', exitCode: 3 }),
    ]);
  });

  it('writes nothing for a run that succeeded', async () => {
    const result = await runCli(['-q', '--log-format', 'json', '-n', '1', '--', 'true']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  });
});

describe('--help', () => {
  it('shows the JSON log kept apart from the command’s stderr', async () => {
    const { stdout } = await runCli(['--help']);
    expect(stdout).toContain('--log-file');
    expect(stdout).not.toMatch(/--log-format json -- .* 2>/);
  });
});
