import { describe, expect, it } from 'vitest';
import { FIXTURES, runCli } from '../helpers/cli.js';
import { useStateStores } from '../helpers/redis-server.js';

const stores = useStateStores('retry-run-history-redis-');

describe('run history in Redis (a fleet)', () => {
  it('records runs from parallel processes and reads them back with stats', async () => {
    const state = `${stores.redis.url}/5`;
    const runs = 6;
    const results = await Promise.all(
      Array.from({ length: runs }, (_, i) =>
        runCli([
          '--state',
          state,
          '--name',
          'fleet-job',
          '-b',
          '1ms',
          '--',
          process.execPath,
          `${FIXTURES}fail-n-times.js`,
          String(i % 2),
        ]),
      ),
    );
    expect(results.map((r) => r.code)).toEqual(Array(runs).fill(0));
    expect(results.every((r) => !r.stderr.includes('warning'))).toBe(true);
    const stats = await runCli(['stats', '--state', state, '--format', 'json']);
    expect(stats.code).toBe(0);
    expect(JSON.parse(stats.stdout)).toEqual([
      expect.objectContaining({
        name: 'fleet-job',
        runs,
        successRate: 1,
        firstAttemptSuccessRate: 0.5,
        meanAttempts: 1.5,
        topReasons: [{ reason: 'exit:1', count: 3 }],
      }),
    ]);
  });

  it('an unreachable Redis: the run succeeds with one warning; stats exits 125', async () => {
    const down = 'redis://127.0.0.1:1';
    const result = await runCli(['--state', down, '--', process.execPath, '-e', '']);
    expect(result.code).toBe(0);
    const warnings = result.stderr.split('\n').filter((line) => line.includes('warning'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/run not recorded in the history: .*Redis/);
    const stats = await runCli(['stats', '--state', down]);
    expect(stats.code).toBe(125);
    expect(stats.stderr).toMatch(/^retry-run: cannot read the history in redis:\/\/127\.0\.0\.1:1/);
  });
});
