import { describe, expect, it } from 'vitest';
import { STRATEGY_NAMES } from '../../src/backoff/strategies.js';
import { jsonEvents, runCli } from '../helpers/cli.js';

/** Waits of a few milliseconds: a real run of six failing attempts stays quick. */
const policyFlags = (strategy: string, seed: number) => [
  '-s',
  strategy,
  '-n',
  '7',
  '-b',
  '3ms',
  '-c',
  '60ms',
  '--factor',
  '2.5',
  '--seed',
  `${seed}`,
];

interface ExplainedRetry {
  retry: number;
  minMs: number;
  maxMs: number;
}

describe('explain promises the range a real run waits in', () => {
  it.each(STRATEGY_NAMES.flatMap((strategy) => [1, 2].map((seed) => [strategy, seed] as const)))(
    '%s, --seed %i: every wait lies within that retry’s min–max of explain --format json',
    async (strategy, seed) => {
      const flags = policyFlags(strategy, seed);
      const [run, explained] = await Promise.all([
        runCli([...flags, '--log-format', 'json', '--', 'false']),
        runCli(['explain', '--format', 'json', ...flags]),
      ]);
      expect(run.code).toBe(1);
      expect(explained.code).toBe(0);
      const waits = jsonEvents(run.stderr)
        .filter((e) => e.event === 'wait')
        .map((e) => e.delayMs as number);
      const { schedule } = JSON.parse(explained.stdout) as { schedule: ExplainedRetry[] };
      expect(waits).toHaveLength(6);
      expect(schedule.map((row) => row.retry)).toEqual([1, 2, 3, 4, 5, 6]);
      waits.forEach((waitMs, i) => {
        expect(waitMs).toBeGreaterThanOrEqual(schedule[i]!.minMs);
        expect(waitMs).toBeLessThanOrEqual(schedule[i]!.maxMs);
      });
    },
  );
});
