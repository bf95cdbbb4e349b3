import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, runCli } from '../helpers/cli.js';
import {
  hasPushgateway,
  PUSHGATEWAY_BIN,
  startPushgateway,
  type Pushgateway,
} from '../helpers/pushgateway.js';
import { freePort } from '../helpers/redis-server.js';

const failTimes = (n: number) => [process.execPath, `${FIXTURES}fail-n-times.js`, String(n)];

if (!hasPushgateway) console.log(`skipped: ${PUSHGATEWAY_BIN} is not installed`);

describe.skipIf(!hasPushgateway)('--pushgateway against a real Pushgateway', () => {
  let gateway: Pushgateway;
  beforeAll(async () => {
    gateway = await startPushgateway();
  });
  afterAll(() => gateway?.stop());

  it("pushes the run's metrics under job=retry_run and the name", async () => {
    const result = await runCli([
      '--pushgateway',
      gateway.url,
      '--name',
      'unit',
      '-b',
      '0',
      '--',
      ...failTimes(1),
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain('warning');
    const metrics = await gateway.metrics();
    expect(metrics).toContain(
      'retry_run_last_run_attempts{instance="",job="retry_run",name="unit"} 2',
    );
    expect(metrics).toContain(
      'retry_run_runs_total{instance="",job="retry_run",name="unit",outcome="success"} 1',
    );
  });

  it('pushes the retries a retry budget refused, with the budget as a label', async () => {
    const state = await mkdtemp(join(tmpdir(), 'retry-run-push-budget-'));
    const result = await runCli([
      ...['--pushgateway', gateway.url, '--name', 'throttled', '--state', state],
      ...['--budget', 'api', '--budget-tokens', '1', '-n', '3', '--', 'false'],
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('budget-exhausted');
    expect(result.stderr).not.toContain('warning');
    const metrics = await gateway.metrics();
    expect(metrics).toContain(
      'retry_run_budget_refused_total{budget="api",instance="",job="retry_run",name="throttled"} 1',
    );
    expect(metrics).toContain(
      'retry_run_runs_total{instance="",job="retry_run",name="throttled",outcome="budget-exhausted"} 1',
    );
  });

  it('encodes a name with a slash, from RETRY_RUN_PUSHGATEWAY', async () => {
    const result = await runCli(['--name', 'ci/e2e', '-n', '1', '--', 'false'], {
      env: { RETRY_RUN_PUSHGATEWAY: `${gateway.url}/` },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).not.toContain('warning');
    expect(await gateway.metrics()).toContain(
      'retry_run_last_run_exit_code{instance="",job="retry_run",name="ci/e2e"} 1',
    );
  });
});

describe('--pushgateway', () => {
  it('costs one warning, never the exit code, when the gateway is unreachable', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const result = await runCli(['--pushgateway', url, '-b', '0', '--', ...failTimes(1)]);
    expect(result.code).toBe(0);
    const warnings = result.stderr.split('\n').filter((line) => line.includes('warning'));
    expect(warnings).toEqual([
      `retry-run: warning: could not push metrics to ${url}: connect ECONNREFUSED 127.0.0.1:${url.split(':')[2]}`,
    ]);
  });

  it('rejects a URL that is not http(s)', async () => {
    const result = await runCli(['--pushgateway', 'ftp://host', '--', 'true']);
    expect(result.code).toBe(125);
    expect(result.stderr).toContain('--pushgateway');
  });
});
