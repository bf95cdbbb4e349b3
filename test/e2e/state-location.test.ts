import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'retry-run-state-location-'));
  chmodSync(tmp, 0o777);
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

/** A uid with no account: no passwd entry, so no home directory to fall back on. */
const NO_ACCOUNT = 54_321;

function run(
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; uid?: number },
) {
  return spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH, NO_COLOR: '1', ...options.env },
    encoding: 'utf8',
    ...(options.uid === undefined ? {} : { uid: options.uid }),
  });
}

const noStackTrace = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at |internal error/);

describe('where state goes when the usual places are missing', () => {
  it('a relative --state after the current directory was deleted: a usage error, no stack trace', () => {
    const gone = join(tmp, 'gone');
    mkdirSync(gone);
    // The shell enters the directory, deletes it, then starts retry-run there.
    const result = spawnSync(
      'sh',
      [
        '-c',
        `cd "${gone}" && rmdir "${gone}" && exec "${process.execPath}" "${BIN}" --state st -- true`,
      ],
      { env: { PATH: process.env.PATH, NO_COLOR: '1' }, encoding: 'utf8' },
    );
    expect(result.status).toBe(125);
    expect(result.stderr).toBe(
      "retry-run: --state: a relative directory, but the current directory no longer exists; give an absolute path (got 'st')\n",
    );
  });

  it.runIf(process.getuid?.() === 0).each(['', 'relative/home', '/nonexistent'])(
    "HOME='%s' and no account home: one warning, the run goes on, no state in the current directory",
    (home) => {
      const cwd = join(tmp, 'cwd');
      mkdirSync(cwd);
      chmodSync(cwd, 0o777);
      const result = run(['-n', '1', '--breaker', 'db', '--', 'true'], {
        cwd,
        // The code cache has a place of its own here: this test is about state.
        env: { HOME: home, XDG_CACHE_HOME: join(tmp, 'cache') },
        uid: NO_ACCOUNT,
      });
      expect(result.status).toBe(0);
      expect(result.stderr).toContain(
        `retry-run: warning: breaker 'db': no state directory: HOME ('${home}') is not an existing directory; give --state <dir> or set XDG_STATE_HOME; acting as closed\n`,
      );
      expect(result.stderr).toContain('succeeded');
      noStackTrace(result.stderr);
      expect(readdirSync(cwd)).toEqual([]);
      expect(readdirSync(tmp).filter((name) => name !== 'cache')).toEqual(['cwd']);
    },
  );
});

describe('--breaker-strict with a store that reads but cannot be written', () => {
  it.runIf(process.getuid?.() === 0)(
    'refuses before the first attempt, with 75',
    async (context) => {
      const store = join(tmp, 'store');
      mkdirSync(store);
      if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', store]).status !== 0) {
        return context.skip('cannot mount a tmpfs');
      }
      try {
        const env = { XDG_CACHE_HOME: join(tmp, 'cache') };
        // A failure is recorded, so the breaker's file exists and can be read.
        const failing = ['--state', store, '--breaker', 'db', '-n', '1', '--', 'false'];
        expect(run(failing, { cwd: tmp, env }).status).toBe(1);
        expect(spawnSync('mount', ['-o', 'remount,ro', store]).status).toBe(0);
        const strict = run(
          ['--state', store, '--breaker', 'db', '--breaker-strict', '--', 'echo', 'ran'],
          { cwd: tmp, env },
        );
        expect(strict.status).toBe(75);
        expect(strict.stdout).toBe('');
        expect(strict.stderr).toMatch(
          /retry-run: warning: breaker 'db': state store .*EROFS.*; and --breaker-strict refuses to run\n/,
        );
        expect(strict.stderr).toContain(
          'the state store cannot be used (unwritable) and --breaker-strict is set; nothing run',
        );
        expect(strict.stderr).not.toContain('attempt 1/');
      } finally {
        spawnSync('umount', [store]);
      }
    },
  );
});
