import { describe, expect, it, vi } from 'vitest';
import { BUDGET_COLLECTION } from '../../src/budget/budget.js';
import type { BudgetData } from '../../src/budget/state.js';
import { openStore } from '../../src/store/open-store.js';
import { resolveStateLocation } from '../../src/store/location.js';
import { jsonEvents, runCli } from '../helpers/cli.js';
import { useStateStores } from '../helpers/redis-server.js';

// Each test runs the binary several times in a row, and a loaded machine (the fault suite,
// a busy CI runner) can take seconds per run: a longer limit than the default 20 s.
vi.setConfig({ testTimeout: 60_000 });

const stores = useStateStores('retry-run-budget-');
const FLEET = 20;
const TOKENS = 100;

/** 20 failing runs at once on one budget: how many attempts they made, and what is left. */
async function fleetOn(state: string, name: string) {
  const runs = await Promise.all(
    Array.from({ length: FLEET }, () =>
      runCli([
        '--state',
        state,
        '--budget',
        name,
        '--budget-tokens',
        String(TOKENS),
        '-n',
        '5',
        '-b',
        '0',
        '--log-format',
        'json',
        '--no-record',
        '--',
        'false',
      ]),
    ),
  );
  const summaries = runs.map((run) => jsonEvents(run.stderr).at(-1)!);
  const attempts = summaries.reduce((sum, s) => sum + (s.attempts as number), 0);
  const store = openStore(resolveStateLocation(state));
  try {
    const left = await store.read<BudgetData>(BUDGET_COLLECTION, name);
    return { runs, summaries, attempts, left: left?.tokens };
  } finally {
    await store.close();
  }
}

describe.each([
  ['the file store', () => stores.dir],
  ['a real redis-server', () => stores.redis.url],
])('a retry budget shared by 20 concurrent runs on %s', (_, state) => {
  it(
    'lets every first attempt through, stops retries at half the tokens, loses no update',
    { timeout: 60_000 },
    async () => {
      const { runs, summaries, attempts, left } = await fleetOn(state(), 'fleet');
      expect(runs.every((run) => run.code === 1)).toBe(true);
      // Retries are allowed only while more than 50 of 100 tokens are left: after the first
      // 49 failures at most (some of those fall on a run's last attempt). Every first
      // attempt runs regardless.
      expect(attempts).toBeGreaterThan(FLEET);
      expect(attempts).toBeLessThanOrEqual(FLEET + 49);
      // Each attempt took one token, and none of the 20 writers' updates was lost.
      expect(left).toBe(TOKENS - attempts);
      expect(summaries.some((s) => s.outcome === 'budget-exhausted')).toBe(true);
      const refused = summaries.find((s) => s.outcome === 'budget-exhausted')!;
      expect(refused.message).toMatch(/retry budget 'fleet' has \d+ of 100 tokens/);
    },
  );
});
