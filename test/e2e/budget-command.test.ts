import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUDGET_COLLECTION } from '../../src/budget/budget.js';
import { openStore } from '../../src/store/open-store.js';
import { resolveStateLocation } from '../../src/store/location.js';
import { runCli } from '../helpers/cli.js';
import { useStateStores } from '../helpers/redis-server.js';

const stores = useStateStores('retry-run-e2e-budget-command-');
let unique = 0;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

/** One run on budget `name` of 10 tokens: `false` fails 3 times, `true` succeeds once. */
const runOn = (state: string, name: string, command: 'true' | 'false') =>
  runCli(['--state', state, '--budget', name, '-n', '3', '-b', '0', '--no-record', '--', command]);

/** A document under the budget collection that is not a budget (a planted or damaged one). */
async function plantCorrupt(state: string, name: string) {
  const store = openStore(resolveStateLocation(state));
  try {
    await store.update(BUDGET_COLLECTION, name, () => ({ tokens: 'many' }));
  } finally {
    await store.close();
  }
}

describe.each([
  ['the file store', () => join(stores.dir, `state${++unique}`)],
  ['a real redis-server', () => `${stores.redis.url}/${++unique}`],
])('retry-run budget on %s', (_, freshState) => {
  // Fourteen runs of the CLI, one after the other: slow on a loaded machine.
  it(
    'lists, shows and resets budgets, as text and JSON; a corrupt one is listed as such',
    {
      timeout: 60_000,
    },
    async () => {
      const state = freshState();
      const cli = (...args: string[]) => runCli(['budget', ...args, '--state', state]);
      const empty = await cli('list');
      expect(empty).toMatchObject({ code: 0, stdout: `no budgets in ${state}\n`, stderr: '' });
      expect(JSON.parse((await cli('list', '--format', 'json')).stdout)).toEqual([]);

      // 'api': 3 failed attempts leave 7 of 10; 'ok': one success leaves it full.
      expect((await runOn(state, 'api', 'false')).code).toBe(1);
      expect((await runOn(state, 'ok', 'true')).code).toBe(0);
      await plantCorrupt(state, 'bad');

      const list = await cli('list', '--format', 'json');
      expect(list.code).toBe(0);
      expect(list.stderr).toBe('');
      expect(JSON.parse(list.stdout)).toEqual([
        {
          name: 'api',
          state: 'retrying',
          tokens: 7,
          maxTokens: 10,
          ratio: 0.1,
          retriesAllowed: true,
          updatedAt: expect.stringMatching(ISO),
        },
        {
          name: 'bad',
          state: 'corrupt',
          tokens: null,
          maxTokens: null,
          ratio: null,
          retriesAllowed: null,
          updatedAt: null,
        },
        {
          name: 'ok',
          state: 'retrying',
          tokens: 10,
          maxTokens: 10,
          ratio: 0.1,
          retriesAllowed: true,
          updatedAt: expect.stringMatching(ISO),
        },
      ]);
      const table = (await cli('list')).stdout.split('\n');
      expect(table[0]).toMatch(/^NAME\s+STATE\s+TOKENS\s+MAX\s+RATIO\s+UPDATED AT$/);
      expect(table[1]).toMatch(/^api\s+retrying\s+7\s+10\s+0\.1\s+\S+Z$/);
      expect(table[2]).toMatch(/^bad\s+corrupt\s+-\s+-\s+-\s+-$/);
      expect(table[3]).toMatch(/^ok\s+retrying\s+10\s+10\s+0\.1\s+\S+Z$/);

      // Two more failing runs: 7 -> 6 -> 5 (refused, 5 is not above 5) -> 4 (first attempt).
      await runOn(state, 'api', 'false');
      await runOn(state, 'api', 'false');
      const status = await cli('status', 'api');
      expect(status.code).toBe(0);
      expect(status.stdout).toMatch(
        /^budget 'api' is throttled: retries are refused \(4 of 10 tokens, a retry needs more than 5\); each successful attempt gives back 0\.1; last attempt counted at \S+Z\n$/,
      );
      const json = await cli('status', 'api', '--format', 'json');
      expect(JSON.parse(json.stdout)).toMatchObject({
        name: 'api',
        state: 'throttled',
        tokens: 4,
        retriesAllowed: false,
      });

      const reset = await cli('reset', 'api');
      expect(reset).toMatchObject({
        code: 0,
        stdout: "budget 'api' reset: full, retries allowed again\n",
        stderr: '',
      });
      expect((await cli('reset', 'bad')).code).toBe(0);
      const gone = await cli('status', 'api', '--format', 'json');
      expect(gone.code).toBe(1);
      expect(gone.stdout).toBe('');
      expect(gone.stderr).toBe(
        `retry-run: no budget 'api' in ${state}: no run has counted an attempt under that name since it was last reset (a run naming it starts full)\n`,
      );
      // Full again: a failing run makes all its 3 attempts.
      expect((await runOn(state, 'api', 'false')).stderr).toMatch(/exhausted: all 3 attempts/);
      expect(JSON.parse((await cli('list', '--format', 'json')).stdout)).toMatchObject([
        { name: 'api', tokens: 7 },
        { name: 'ok', tokens: 10 },
      ]);
    },
  );

  it('status of a corrupt budget is an error that says how to repair it (125)', async () => {
    const state = freshState();
    await plantCorrupt(state, 'bad');
    const status = await runCli(['budget', 'status', 'bad', '--state', state]);
    expect(status.code).toBe(125);
    expect(status.stdout).toBe('');
    expect(status.stderr).toMatch(
      /^retry-run: budget status: budget 'bad' in .* is corrupt \('retry-run budget reset bad' repairs it\)\n$/,
    );
  });
});

describe('retry-run budget', () => {
  it('reads --format from RETRY_RUN_BUDGET_FORMAT', async () => {
    const state = join(stores.dir, `env${++unique}`);
    await runOn(state, 'api', 'true');
    const listed = await runCli(['budget', 'list', '--state', state], {
      env: { RETRY_RUN_BUDGET_FORMAT: 'json' },
    });
    expect(JSON.parse(listed.stdout)).toMatchObject([{ name: 'api', state: 'retrying' }]);
  });

  it('rejects a bad action, a missing or extra name, and an unreachable store (125)', async () => {
    const bad = await runCli(['budget', 'open', 'api']);
    expect(bad.code).toBe(125);
    expect(bad.stderr).toMatch(/budget/);
    const missing = await runCli(['budget', 'status']);
    expect(missing.code).toBe(125);
    expect(missing.stderr).toContain("budget status: needs the budget's name");
    const extra = await runCli(['budget', 'list', 'api']);
    expect(extra.code).toBe(125);
    expect(extra.stderr).toContain("budget list: takes no name (got 'api')");
    const down = await runCli(['budget', 'list', '--state', 'redis://127.0.0.1:1']);
    expect(down.code).toBe(125);
    expect(down.stdout).toBe('');
    expect(down.stderr).toMatch(/^retry-run: budget list: cannot connect to Redis/);
  });

  it('a budget file that is a symbolic link is listed as corrupt, never followed', async () => {
    const state = join(stores.dir, `link${++unique}`);
    await mkdir(join(state, 'budget'), { recursive: true, mode: 0o700 });
    await writeFile(join(state, 'target.json'), '{"tokens":10}');
    await symlink(join(state, 'target.json'), join(state, 'budget', 'linked.json'));
    const list = await runCli(['budget', 'list', '--format', 'json', '--state', state]);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toMatchObject([{ name: 'linked', state: 'corrupt' }]);
  });
});
