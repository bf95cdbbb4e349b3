import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, runCli } from '../helpers/cli.js';

const node = process.execPath;
const exitWith = (code: number) => ['--', node, `${FIXTURES}exit-with.js`, String(code)];

let state: string;
beforeAll(async () => {
  state = await mkdtemp(join(tmpdir(), 'retry-run-e2e-env-'));
});
afterAll(() => rm(state, { recursive: true, force: true }));

describe('environment variables per command (README, Environment variables)', () => {
  it('explain reads RETRY_RUN_EXPLAIN_FORMAT', async () => {
    const result = await runCli(['explain'], { env: { RETRY_RUN_EXPLAIN_FORMAT: 'json' } });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toHaveProperty('strategies');
  });

  it('stats reads RETRY_RUN_STATS_FORMAT', async () => {
    const result = await runCli(['stats', '--state', state], {
      env: { RETRY_RUN_STATS_FORMAT: 'json' },
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual([]);
  });

  it('breaker reads RETRY_RUN_BREAKER_FORMAT', async () => {
    const result = await runCli(['breaker', 'list', '--state', state], {
      env: { RETRY_RUN_BREAKER_FORMAT: 'json' },
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual([]);
  });

  it("one command's setting never reaches another: RETRY_RUN_FORMAT=openmetrics leaves explain alone", async () => {
    const result = await runCli(['explain'], {
      env: { RETRY_RUN_FORMAT: 'openmetrics', RETRY_RUN_STATS_FORMAT: 'openmetrics' },
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^jitter /m);
  });

  it('explain still explains the policy of RETRY_RUN_<OPTION>, as a run would use it', async () => {
    const result = await runCli(['explain', '--format', 'json'], {
      env: { RETRY_RUN_STRATEGY: 'fixed', RETRY_RUN_MAX: '3', RETRY_RUN_BASE: '2s' },
    });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ strategy: 'fixed', worstCaseMs: 4000 });
  });
});

describe('a bad value from the environment', () => {
  it.each([
    [['explain'], { RETRY_RUN_EXPLAIN_FORMAT: 'yaml' }, '--format (from RETRY_RUN_EXPLAIN_FORMAT)'],
    [['stats'], { RETRY_RUN_STATS_FORMAT: 'yaml' }, '--format (from RETRY_RUN_STATS_FORMAT)'],
    [['breaker', 'list'], { RETRY_RUN_BREAKER_FORMAT: 'yaml' }, 'RETRY_RUN_BREAKER_FORMAT'],
    [exitWith(0), { RETRY_RUN_MAX: 'lots' }, '--max (from RETRY_RUN_MAX): expected a whole number'],
    [
      exitWith(0),
      { RETRY_RUN_BREAKER_THRESHOLD: '3' },
      '--breaker-threshold (from RETRY_RUN_BREAKER_THRESHOLD): only applies with --breaker',
    ],
  ])('%j with %j names the variable', async (args, env, named) => {
    const result = await runCli(args, { env });
    expect(result.code).toBe(125);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(named);
  });

  it('is not blamed on the environment when the flag gave it', async () => {
    const result = await runCli(['-n', 'lots', ...exitWith(0)], { env: { RETRY_RUN_MAX: '3' } });
    expect(result.code).toBe(125);
    expect(result.stderr).toBe(
      "retry-run: --max: expected a whole number from 1 to 1000000, or inf (got 'lots')\n",
    );
  });
});

describe('a switch from the environment', () => {
  it.each(['0', 'false', 'no', 'NO', ''])('is off when set to %j', async (value) => {
    const result = await runCli(['-n', '1', ...exitWith(3)], {
      env: { RETRY_RUN_DRY_RUN: value, RETRY_RUN_QUIET: value },
    });
    // Not a dry run: the command ran, and not quiet: its failure was told.
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('attempt 1/1 failed');
  });

  it.each(['1', 'true', 'yes'])('is on when set to %j', async (value) => {
    const result = await runCli(['-n', '1', ...exitWith(3)], {
      env: { RETRY_RUN_DRY_RUN: value },
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('would run:');
  });

  it('RETRY_RUN_NO_RECORD=0 keeps recording the run', async () => {
    const env = { RETRY_RUN_NO_RECORD: '0', RETRY_RUN_STATE: state };
    await runCli(['--name', 'recorded', '-n', '1', ...exitWith(3)], { env });
    const stats = await runCli(['stats', '--name', 'recorded', '--format', 'json'], { env });
    expect(JSON.parse(stats.stdout)).toMatchObject([{ name: 'recorded', runs: 1 }]);
  });
});
