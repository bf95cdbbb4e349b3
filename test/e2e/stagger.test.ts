import { describe, expect, it } from 'vitest';
import { jsonEvents, runCli } from '../helpers/cli.js';
import { seededRandom } from '../../src/backoff/random.js';

const staggered = (seed: string) =>
  runCli(['--stagger', '400ms', '--seed', seed, '--log-format', 'json', '--', 'true']);

describe('retry-run --stagger', () => {
  it('waits a delay reproducible under --seed before the first attempt', async () => {
    const [first, again] = [await staggered('11'), await staggered('11')];
    expect(first.code).toBe(0);
    const waits = [first, again].map((run) => jsonEvents(run.stderr)[1]);
    const delayMs = Math.round(seededRandom(11)() * 400);
    expect(waits).toEqual([
      expect.objectContaining({ event: 'wait', attempt: 1, delayMs, source: 'stagger' }),
      expect.objectContaining({ event: 'wait', attempt: 1, delayMs, source: 'stagger' }),
    ]);
    const summary = jsonEvents(first.stderr).at(-1)!;
    expect(summary.waitedMs).toBeGreaterThanOrEqual(delayMs);
  });

  it('says so in the text log and refuses a stagger as long as the deadline', async () => {
    const text = await runCli(['--stagger', '100ms', '--seed', '1', '--', 'true']);
    expect(text.stderr).toMatch(/waiting \d+ms before attempt 1 \(--stagger\)/);
    const refused = await runCli(['--stagger', '1m', '--deadline', '1m', '--', 'true']);
    expect(refused.code).toBe(125);
    expect(refused.stderr).toContain('--stagger');
  });
});
