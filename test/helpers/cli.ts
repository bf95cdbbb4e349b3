import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { afterAll } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/retry-run.js', import.meta.url));
export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  env?: NodeJS.ProcessEnv;
  input?: string | Buffer;
  /** Give retry-run a stdin pipe that stays open and silent until it exits. */
  openStdin?: boolean;
  cwd?: string;
  /** Another copy of `bin/retry-run.js` to run (the code cache tests change the bundle). */
  bin?: string;
  /** Called once the process is spawned, e.g. to send it a signal. */
  onSpawn?: (child: import('node:child_process').ChildProcess) => void;
}

/** Runs record their history here unless a test says otherwise, not in the real home. */
const STATE_HOME = mkdtempSync(join(tmpdir(), 'retry-run-test-state-'));
afterAll(() => rmSync(STATE_HOME, { recursive: true, force: true }));

/**
 * Runs the built `bin/retry-run.js` as a user would, with colour off and no inherited
 * RETRY_RUN_* settings, and collects exit code, stdout and stderr separately.
 */
export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    XDG_STATE_HOME: STATE_HOME,
    // The code cache of this checkout's bundle, where the caller keeps it.
    XDG_CACHE_HOME: process.env.XDG_CACHE_HOME,
    NO_COLOR: '1',
    ...options.env,
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [options.bin ?? BIN, ...args], {
      env,
      cwd: options.cwd,
      stdio: [
        options.input === undefined && !options.openStdin ? 'ignore' : 'pipe',
        'pipe',
        'pipe',
      ],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      child.stdin?.destroy();
      resolve({ code, signal, stdout, stderr });
    });
    if (options.input !== undefined) child.stdin!.end(options.input);
    options.onSpawn?.(child);
  });
}

/** The JSON lines of a `--log-format json` run's stderr. */
export function jsonEvents(stderr: string): Array<Record<string, unknown>> {
  return stderr
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
