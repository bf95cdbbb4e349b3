import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseExposition } from '../helpers/exposition-parser.js';
import { runCli } from '../helpers/cli.js';

/**
 * Runs of `job` on a budget of 2 tokens: the first failed attempt leaves 1, not above half
 * of 2, so a failing run is refused its retry after one attempt.
 */
async function budgetRuns() {
  const state = await mkdtemp(join(tmpdir(), 'retry-run-budget-metrics-'));
  const metrics = join(state, 'retry-run.prom');
  const run = (command: string) =>
    runCli([
      ...['--state', state, '--metrics-file', metrics, '--name', 'job'],
      ...['--budget', 'api', '--budget-tokens', '2', '-n', '3', '-b', '0', '--', command],
    ]);
  const passed = await run('true');
  const refused = await run('false');
  return { state, metrics, passed, refused };
}

describe('refused retries are counted', () => {
  it('in --metrics-file and in stats (table, json, openmetrics)', async () => {
    const { state, metrics, passed, refused } = await budgetRuns();
    expect(passed.code).toBe(0);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/budget-exhausted: retry budget 'api' has 1 of 2 tokens/);

    const families = parseExposition(await readFile(metrics, 'utf8'), 'prometheus');
    const samples = (name: string) =>
      families.find((f) => f.name === name)!.samples.map((s) => [s.labels, s.value]);
    expect(samples('retry_run_budget_refused_total')).toEqual([
      [{ name: 'job', budget: 'api' }, 1],
    ]);
    expect(samples('retry_run_runs_total')).toEqual([
      [{ name: 'job', outcome: 'budget-exhausted' }, 1],
      [{ name: 'job', outcome: 'success' }, 1],
    ]);

    const json = await runCli(['stats', '--state', state, '--format', 'json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject([{ name: 'job', runs: 2, budgetRefused: 1 }]);

    const table = await runCli(['stats', '--state', state]);
    expect(table.code).toBe(0);
    const [header, row] = table.stdout.split('\n');
    // 80 columns (stdout is not a terminal): the trend makes room for the failure reasons.
    expect(header).toMatch(/\swaited\s+refused\s+top failures$/);
    expect(row).toMatch(/^job\s+2\s+50\.0%\s+50\.0%\s+1\.00 \/ 1\s+0ms\s+1\s/);

    const open = await runCli(['stats', '--state', state, '--format', 'openmetrics']);
    expect(open.code).toBe(0);
    const history = parseExposition(open.stdout).find(
      (f) => f.name === 'retry_run_history_budget_refused',
    )!;
    expect(history.samples.map((s) => [s.labels, s.value])).toEqual([[{ name: 'job' }, 1]]);
  });
});
