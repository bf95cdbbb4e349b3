import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURES, runCli } from '../helpers/cli.js';
import { waitForOutput } from '../helpers/processes.js';
import { startRedis, type RedisServer } from '../helpers/redis-server.js';
import { startSilentServer, type SilentServer } from '../helpers/silent-server.js';

// README, "The state store": a store that does not answer costs a few seconds and one
// warning, never the run; SIGTERM and --deadline still end it.
const succeed = ['--', process.execPath, `${FIXTURES}exit-with.js`, '0'];
/** Each run waits out one Redis timeout (up to 5 s) on top of a start-up that load stretches. */
const SLOW = 60_000;
const warnings = (stderr: string) => stderr.split('\n').filter((l) => l.includes('warning'));

let silent: SilentServer | undefined;
let redis: RedisServer | undefined;
afterEach(async () => {
  if (redis) process.kill(redis.pid, 'SIGCONT');
  await Promise.all([silent?.stop(), redis?.stop()]);
  silent = redis = undefined;
});

describe('a Redis that accepts connections and never answers', { timeout: SLOW }, () => {
  it('gives one warning and runs the command, the breaker acting as closed', async () => {
    silent = await startSilentServer();
    const result = await runCli(['--state', silent.url, '--breaker', 'b', ...succeed]);
    expect(warnings(result.stderr)).toEqual([
      expect.stringMatching(
        /breaker 'b': cannot connect to Redis .*no answer within \d+ms.*acting as closed/,
      ),
    ]);
    expect(result.stdout).toBe('attempt=1 max=5\n');
    expect(result.code).toBe(0);
  });

  it('ends on SIGTERM, starting no attempt', async () => {
    silent = await startSilentServer();
    const connected = silent.connected;
    const result = await runCli(['--state', silent.url, '--breaker', 'b', ...succeed], {
      onSpawn: (child) => void connected.then(() => child.kill('SIGTERM')),
    });
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/interrupted/);
    expect(result.code).toBe(143);
  });

  it('keeps to --deadline', async () => {
    silent = await startSilentServer();
    const result = await runCli([
      '--state',
      silent.url,
      '--breaker',
      'b',
      '--deadline',
      '1s',
      ...succeed,
    ]);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/deadline of 1s passed before attempt 1/);
    expect(result.code).toBe(124);
  });
});

describe('a real Redis frozen (SIGSTOP) by the attempt itself', { timeout: SLOW }, () => {
  it('warns once and makes every attempt', async () => {
    redis = await startRedis();
    const freeze = `kill -STOP ${redis.pid}; exit 1`;
    const result = await runCli([
      '--state',
      redis.url,
      '--breaker',
      'b',
      '-n',
      '2',
      '-b',
      '0',
      '-S',
      freeze,
    ]);
    expect(warnings(result.stderr)).toEqual([
      expect.stringMatching(
        /breaker 'b': Redis state store .*no answer within \d+ms; acting as closed/,
      ),
    ]);
    expect(result.stderr).toMatch(/attempt 2\/2 failed/);
    expect(result.code).toBe(1);
  });

  it('ends on SIGTERM once the attempt has ended', async () => {
    redis = await startRedis();
    const freeze = `kill -STOP ${redis.pid}; echo frozen; exec sleep 60`;
    const result = await runCli(['--state', redis.url, '--breaker', 'b', '-S', freeze], {
      onSpawn: (child) =>
        void waitForOutput(child, /frozen/, 'stdout').then(() => child.kill('SIGTERM')),
    });
    expect(result.stdout).toBe('frozen\n');
    expect(result.stderr).toMatch(/interrupted/);
    expect(result.code).toBe(143);
  });
});

describe('--state /proc/x, where no directory can be made', () => {
  it('gives one warning instead of spinning', async () => {
    const result = await runCli(['--state', '/proc/retry-run-test', '--breaker', 'b', ...succeed]);
    expect(warnings(result.stderr)).toEqual([
      expect.stringMatching(/state store \/proc\/retry-run-test: ENOENT/),
    ]);
    expect(result.stdout).toBe('attempt=1 max=5\n');
    expect(result.code).toBe(0);
  });
});
