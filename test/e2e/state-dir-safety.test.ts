import {
  chmod,
  chown,
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { FIXTURES, runCli } from '../helpers/cli.js';
import { useStateStores } from '../helpers/redis-server.js';

// Each test runs the binary several times in a row, and a loaded machine (the fault suite,
// a busy CI runner) can take seconds per run: a longer limit than the default 20 s.
vi.setConfig({ testTimeout: 60_000 });

const node = process.execPath;
const exitWith = (code: number) => [node, `${FIXTURES}exit-with.js`, String(code)];
const NOBODY = 65534;
const ME = process.getuid!();
/** Giving a directory to another user takes root. */
const asRoot = it.runIf(ME === 0);

let unique = 0;
const stores = useStateStores('retry-run-e2e-state-dir-');
/** A directory of its own for each test, owned by the user running the tests. */
const scratch = async () => mkdtemp(join(stores.dir, `t${++unique}-`));
const warnings = (stderr: string) => stderr.split('\n').filter((l) => l.includes('warning'));
const mode = async (path: string) => (await stat(path)).mode & 0o7777;

/** An open breaker that would refuse every run for a day. */
const openBreaker = () =>
  JSON.stringify({
    state: 'open',
    consecutiveFailures: 5,
    openedAt: Date.now(),
    closesAt: Date.now() + 86_400_000,
    reopenings: 0,
    lastFailure: 'exit:1',
    probeStartedAt: null,
    updatedAt: Date.now(),
  });

describe('a state dir shared with others (README: Sharing a state dir safely)', () => {
  it('creates the state dir 0700 and its files 0600', async () => {
    const state = join(await scratch(), 'state');
    const result = await runCli([
      '--state',
      state,
      '--breaker',
      'api',
      '--name',
      'job',
      '-n',
      '1',
      '--',
      ...exitWith(3),
    ]);
    expect(result.code).toBe(3);
    expect(result.stderr).not.toContain('warning');
    expect(await mode(state)).toBe(0o700);
    expect(await mode(join(state, 'breaker'))).toBe(0o700);
    expect(await mode(join(state, 'history'))).toBe(0o700);
    expect(await mode(join(state, 'breaker', 'api.json'))).toBe(0o600);
    expect(await mode(join(state, 'history', 'job.jsonl'))).toBe(0o600);
  });

  it('never follows a history log planted as a symlink: neither appends to it nor copies it', async () => {
    const dir = await scratch();
    const state = join(dir, 'state');
    await mkdir(join(state, 'history'), { recursive: true, mode: 0o700 });
    // One target the append would grow, one so long that the append would copy its tail.
    const short = join(dir, 'notes.txt');
    const long = join(dir, 'private.txt');
    const longText = Array.from({ length: 1300 }, (_, i) => `private line ${i}`).join('\n') + '\n';
    await writeFile(short, 'mine\n', { mode: 0o600 });
    await writeFile(long, longText, { mode: 0o600 });
    await symlink(short, join(state, 'history', 'short.jsonl'));
    await symlink(long, join(state, 'history', 'long.jsonl'));

    for (const name of ['short', 'long']) {
      const result = await runCli(['--state', state, '--name', name, '--', ...exitWith(0)]);
      expect(result.code).toBe(0);
      expect(result.stdout).toBe('attempt=1 max=5\n');
      expect(warnings(result.stderr)).toEqual([
        expect.stringMatching(
          /^retry-run: warning: run not recorded in the history: .*\.jsonl is a symbolic link/,
        ),
      ]);
      expect((await lstat(join(state, 'history', `${name}.jsonl`))).isSymbolicLink()).toBe(true);
    }
    expect(await readFile(short, 'utf8')).toBe('mine\n');
    expect(await readFile(long, 'utf8')).toBe(longText);
  });

  it('never follows a breaker planted as a symlink: it acts as closed, list shows it corrupt, reset removes the link', async () => {
    const dir = await scratch();
    const state = join(dir, 'state');
    await mkdir(join(state, 'breaker'), { recursive: true, mode: 0o700 });
    const target = join(dir, 'planted.json');
    const planted = openBreaker();
    await writeFile(target, planted, { mode: 0o600 });
    await symlink(target, join(state, 'breaker', 'api.json'));

    const result = await runCli(['--state', state, '--breaker', 'api', '--', ...exitWith(0)]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('attempt=1 max=5\n');
    expect(warnings(result.stderr)).toEqual([
      expect.stringMatching(
        /^retry-run: warning: breaker 'api': .*api\.json is a symbolic link.*breaker reset api.*; acting as closed$/,
      ),
    ]);

    await writeFile(join(state, 'breaker', 'torn.json'), '{"state": "op');
    const list = await runCli(['breaker', 'list', '--state', state, '--format', 'json']);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toEqual([
      {
        name: 'api',
        state: 'corrupt',
        consecutiveFailures: null,
        openedAt: null,
        closesAt: null,
        lastFailure: null,
      },
      {
        name: 'torn',
        state: 'corrupt',
        consecutiveFailures: null,
        openedAt: null,
        closesAt: null,
        lastFailure: null,
      },
    ]);
    const table = (await runCli(['breaker', 'list', '--state', state])).stdout.split('\n');
    expect(table[1]).toMatch(/^api\s+corrupt\s+-\s+-\s+-$/);

    expect((await runCli(['breaker', 'reset', 'api', '--state', state])).code).toBe(0);
    await expect(lstat(join(state, 'breaker', 'api.json'))).rejects.toThrow(/ENOENT/);
    expect(await readFile(target, 'utf8')).toBe(planted);
  });

  asRoot(
    'refuses a state dir another user owns: one warning, the command runs, nothing recorded',
    async () => {
      const state = await scratch();
      await chown(state, NOBODY, NOBODY);
      for (const code of [0, 3]) {
        const result = await runCli([
          '--state',
          state,
          '--breaker',
          'api',
          '-n',
          '1',
          '--',
          ...exitWith(code),
        ]);
        expect(result.code).toBe(code);
        expect(result.stdout).toBe('attempt=1 max=1\n');
        expect(warnings(result.stderr)).toEqual([
          `retry-run: warning: breaker 'api': state dir ${state} is owned by uid ${NOBODY}, not by this user (uid ${ME}): refused; acting as closed`,
        ]);
      }
      expect(await readdir(state)).toEqual([]);

      const list = await runCli(['breaker', 'list', '--state', state]);
      expect(list.code).toBe(125);
      expect(list.stderr).toContain(`is owned by uid ${NOBODY}`);
    },
  );

  it('refuses a world-writable state dir, but uses one with the sticky bit (like /tmp)', async () => {
    const state = await scratch();
    await chmod(state, 0o777);
    const open = await runCli(['--state', state, '--name', 'job', '--', ...exitWith(0)]);
    expect(open.code).toBe(0);
    expect(warnings(open.stderr)).toEqual([
      `retry-run: warning: run not recorded in the history: state dir ${state} is writable by others (mode 0777) without the sticky bit: refused`,
    ]);
    expect(await readdir(state)).toEqual([]);

    await chmod(state, 0o1777);
    const sticky = await runCli(['--state', state, '--name', 'job', '--', ...exitWith(0)]);
    expect(sticky.code).toBe(0);
    expect(sticky.stderr).not.toContain('warning');
    expect((await readFile(join(state, 'history', 'job.jsonl'), 'utf8')).split('\n')).toHaveLength(
      2,
    );
    expect(await mode(join(state, 'history'))).toBe(0o700);
  });

  asRoot(
    'refuses a collection folder another user made or linked in a sticky shared dir',
    async () => {
      const shared = await scratch();
      await chmod(shared, 0o1777);
      await mkdir(join(shared, 'history'));
      await chown(join(shared, 'history'), NOBODY, NOBODY);
      const elsewhere = await scratch();
      await symlink(elsewhere, join(shared, 'breaker'));

      const result = await runCli([
        '--state',
        shared,
        '--breaker',
        'api',
        '--name',
        'job',
        '--',
        ...exitWith(0),
      ]);
      expect(result.code).toBe(0);
      expect(warnings(result.stderr)).toEqual([
        expect.stringMatching(/breaker 'api': state dir .*\/breaker is a symbolic link: refused/),
      ]);
      const history = await runCli(['--state', shared, '--name', 'job', '--', ...exitWith(0)]);
      expect(warnings(history.stderr)).toEqual([
        expect.stringMatching(/history: state dir .*\/history is owned by uid 65534/),
      ]);
      expect(await readdir(elsewhere)).toEqual([]);
      expect(await readdir(join(shared, 'history'))).toEqual([]);
    },
  );
});

describe('names and documents are bounded', () => {
  it('limits names to 128 bytes, and a long non-ASCII name still fits a file name', async () => {
    const state = await scratch();
    const tooLong = '中'.repeat(128); // 128 characters, 384 bytes
    const refused = await runCli(['breaker', 'open', tooLong, '--state', state]);
    expect(refused.code).toBe(125);
    expect(refused.stderr).toContain('1 to 128 bytes');

    const long = '中'.repeat(42) + 'ab'; // 128 bytes: 386 characters once percent-encoded
    expect((await runCli(['breaker', 'open', long, '--state', state])).code).toBe(0);
    const list = JSON.parse(
      (await runCli(['breaker', 'list', '--format', 'json', '--state', state])).stdout,
    );
    expect(list).toMatchObject([{ name: long, state: 'open' }]);
    const run = await runCli(['--state', state, '--breaker', long, '--', ...exitWith(0)]);
    expect(run.code).toBe(75);
    const stats = await runCli(['stats', '--format', 'json', '--state', state]);
    expect(JSON.parse(stats.stdout)).toMatchObject([{ name: long }]);
  });

  it('a breaker document over the size limit is corrupt, not loaded', async () => {
    const state = await scratch();
    await mkdir(join(state, 'breaker'), { mode: 0o700 });
    const huge = openBreaker().replace('}', `,"pad":"${'x'.repeat(2 * 1024 * 1024)}"}`);
    await writeFile(join(state, 'breaker', 'big.json'), huge, { mode: 0o600 });
    const result = await runCli(['--state', state, '--breaker', 'big', '--', ...exitWith(0)]);
    expect(result.code).toBe(0);
    expect(warnings(result.stderr)).toEqual([
      expect.stringMatching(/breaker 'big': .*big\.json is over 64 KiB.*; acting as closed$/),
    ]);
  });
});

describe('--metrics-file over a file it did not write', () => {
  it('leaves a file that is not a retry-run metrics file as it is, with one warning', async () => {
    const file = join(await scratch(), 'notes.txt');
    await writeFile(file, 'my notes\n');
    const result = await runCli(['--metrics-file', file, '--name', 'job', '--', ...exitWith(0)]);
    expect(result.code).toBe(0);
    expect(warnings(result.stderr)).toEqual([
      `retry-run: warning: could not write the metrics file ${file}: it is not a retry-run metrics file; left as it is`,
    ]);
    expect(await readFile(file, 'utf8')).toBe('my notes\n');
  });

  it('drops a planted 1e400 instead of keeping it as +Inf', async () => {
    const file = join(await scratch(), 'retry-run.prom');
    await writeFile(
      file,
      '# HELP retry_run_attempts_total Attempts made, by name.\n' +
        'retry_run_attempts_total{name="job"} 1e400\n',
    );
    const result = await runCli(['--metrics-file', file, '--name', 'job', '--', ...exitWith(0)]);
    expect(result.code).toBe(0);
    const text = await readFile(file, 'utf8');
    expect(text).toContain('retry_run_attempts_total{name="job"} 1\n');
    expect(text).not.toContain('Inf');
  });
});
