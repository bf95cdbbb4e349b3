import { mkdtempSync, rmSync } from 'node:fs';
import { execa } from 'execa';
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
  // execa here, where its start-up cost does not matter (README, Development).
  const subprocess = execa(process.execPath, [options.bin ?? BIN, ...args], {
    env,
    extendEnv: false,
    ...(options.cwd ? { cwd: options.cwd } : {}),
    stdin: options.input === undefined && !options.openStdin ? 'ignore' : 'pipe',
    reject: false,
    stripFinalNewline: false,
    // A test's own kill() means exactly that signal, never a SIGKILL after it.
    forceKillAfterDelay: false,
  });
  if (options.input !== undefined) subprocess.stdin!.end(options.input);
  options.onSpawn?.(subprocess);
  return subprocess.then((result) => {
    subprocess.stdin?.destroy();
    return {
      code: result.exitCode ?? null,
      signal: (result.signal as NodeJS.Signals | undefined) ?? null,
      stdout: result.stdout,
      stderr: result.stderr,
    };
  });
}

/** The JSON lines of a `--log-format json` run's stderr. */
export function jsonEvents(stderr: string): Array<Record<string, unknown>> {
  return stderr
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
