import { describe, expect, it } from 'vitest';
import { STRATEGY_NAMES } from '../../src/backoff/strategies.js';
import { runCli } from '../helpers/cli.js';

const widest = (text: string) => Math.max(...text.split('\n').map((line) => line.length));

describe('retry-run explain', () => {
  it('prints the strategy table, plain and within 80 columns off a terminal', async () => {
    const result = await runCli(['explain']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    for (const name of STRATEGY_NAMES) expect(result.stdout).toMatch(new RegExp(`^${name} `, 'm'));
    expect(result.stdout).toContain('min(cap, uniform(base, 3*prev))');
    expect(result.stdout).not.toContain('\x1b[');
    expect(widest(result.stdout)).toBeLessThanOrEqual(80);
  });

  it('colours the table when FORCE_COLOR asks', async () => {
    const result = await runCli(['explain'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(result.stdout).toContain('\x1b[');
  });

  it('prints the schedule of the given flags: cap, deadline and the worst case', async () => {
    const result = await runCli([
      'explain',
      '-s',
      'exponential',
      '-n',
      '10',
      '-c',
      '5s',
      '--deadline',
      '30s',
    ]);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('strategy exponential: min(cap, base*factor^(n-1))');
    expect(lines).toContain('        3        4s        7s');
    expect(lines).toContain('      4-7        5s       27s  cap');
    expect(result.stdout).toContain('the deadline (30s) always ends the run before retry 8');
    expect(result.stdout).toContain(
      'worst case: 27s (waits only: give --timeout to count the attempts too)',
    );
  });

  it('prints the schedule as JSON exactly as the README (explain) says', async () => {
    const result = await runCli([
      'explain',
      '--format',
      'json',
      '-s',
      'jitter',
      '-n',
      '4',
      '-b',
      '200ms',
      '--factor',
      '3',
      '-t',
      '1s',
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      strategy: 'jitter',
      schedule: [
        { retry: 1, minMs: 0, medianMs: 100, maxMs: 200 },
        { retry: 2, minMs: 0, medianMs: 300, maxMs: 600 },
        { retry: 3, minMs: 0, medianMs: 900, maxMs: 1800 },
      ],
      worstCaseMs: 200 + 600 + 1800 + 4 * 1000,
    });
  });

  it("samples decorrelated's median from the seed, the same for the same seed", async () => {
    const args = ['explain', '--format', 'json', '-s', 'decorrelated', '-n', '6', '--seed', '5'];
    const [first, second] = await Promise.all([runCli(args), runCli(args)]);
    expect(first.stdout).toBe(second.stdout);
    const text = await runCli(['explain', '-s', 'decorrelated', '--seed', '5']);
    expect(text.stdout).toContain('median: sampled from 1001 seeded runs (seed 5)');
  });

  it('simulates the thundering herd: a table and a chart, the same for the same seed', async () => {
    const args = ['explain', '--simulate', '150', '--seed', '3'];
    const [first, second] = await Promise.all([runCli(args), runCli(args)]);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(second.stdout);
    expect(first.stdout).toContain('thundering herd: 150 clients fail at the same instant');
    expect(first.stdout).toContain('the server answers 10 calls per 100ms slice');
    expect(first.stdout).toMatch(/^fixed\s+150\s+15s\s+1,350\s+9\.0$/m);
    expect(first.stdout).toMatch(/^jitter\s+[▁▂▃▄▅▆▇█ ]+ \S+\/col$/m);
    expect(widest(first.stdout)).toBeLessThanOrEqual(80);
  });

  it('prints the simulation as JSON exactly as the README (explain) says', async () => {
    const result = await runCli([
      'explain',
      '--simulate',
      '300',
      '--capacity',
      '20',
      '--seed',
      '1',
      '--format',
      'json',
    ]);
    expect(result.code).toBe(0);
    const { simulation } = JSON.parse(result.stdout) as {
      simulation: Array<Record<string, unknown>>;
    };
    expect(Object.keys(JSON.parse(result.stdout))).toEqual(['simulation', 'budget']);
    expect(simulation.map((s) => s.strategy)).toEqual([...STRATEGY_NAMES]);
    for (const entry of simulation)
      expect(Object.keys(entry)).toEqual(['strategy', 'peakLoad', 'completionMs', 'totalCalls']);
    // 300 clients, 20 answered per second: 15 rounds of the fixed 1s wait.
    expect(simulation[0]).toEqual({
      strategy: 'fixed',
      peakLoad: 300,
      completionMs: 15_000,
      totalCalls: 300 + (15 * (300 + 20)) / 2,
    });
    const jitter = simulation.find((s) => s.strategy === 'jitter')!;
    expect(jitter.peakLoad as number).toBeLessThan(300);
  });

  it('adds a row for a retry budget shared by the fleet, in text and JSON', async () => {
    const args = ['explain', '--simulate', '200', '-s', 'fixed', '--seed', '1'];
    const text = await runCli(args);
    expect(text.code).toBe(0);
    expect(text.stderr).toBe('');
    expect(text.stdout).toContain(
      "\nfixed with a retry budget shared by the fleet (--budget-tokens 10,\n--budget-ratio 0.1): a refused retry ends that client's run\n",
    );
    expect(text.stdout).toMatch(/^with budget\s+4\s+1s\s+204\s+1\.0$/m);
    expect(text.stdout).toMatch(/^\s+196 of 200 clients gave up \(budget-exhausted\)$/m);
    expect(text.stdout).toMatch(/^with budget {2}[▁▂▃▄▅▆▇█ ]+ \S+\/col$/m);
    expect(widest(text.stdout)).toBeLessThanOrEqual(80);

    const json = await runCli([...args, '--format', 'json', '--budget-tokens', '1000']);
    // 1000 tokens: 200 fail (800 left), at 1s 10 succeed and 190 fail (611), at 2s 10 succeed
    // (612) and 111 of the 180 failed may retry (501), 69 give up; at 3s 10 of the 111
    // succeed and 101 give up.
    expect(JSON.parse(json.stdout).budget).toEqual({
      strategy: 'fixed',
      peakLoad: 200,
      completionMs: 3000,
      totalCalls: 701,
      budgetTokens: 1000,
      budgetRatio: 0.1,
      gaveUp: 170,
    });
    const env = await runCli(args, { env: { RETRY_RUN_EXPLAIN_BUDGET_RATIO: 'lots' } });
    expect(env.code).toBe(125);
    expect(env.stderr).toContain('--budget-ratio (from RETRY_RUN_EXPLAIN_BUDGET_RATIO)');
    const alone = await runCli(['explain', '--budget-tokens', '5']);
    expect(alone.code).toBe(125);
    expect(alone.stderr).toBe(
      'retry-run: --budget-tokens: applies only with --simulate <clients>\n',
    );
  });

  it('names the seed it drew when none was given, so the run can be repeated', async () => {
    const result = await runCli(['explain', '--simulate', '20']);
    const seed = /seed (\d+)\)/.exec(result.stdout)?.[1];
    expect(seed).toBeDefined();
    const again = await runCli(['explain', '--simulate', '20', '--seed', seed!]);
    expect(again.stdout).toBe(result.stdout);
  });

  it.each([
    [['--format', 'yaml'], "--format: expected text or json (got 'yaml')"],
    [['--simulate', '0'], "--simulate: expected a whole number from 1 to 100000 (got '0')"],
    [['--simulate', '10', '--capacity', 'lots'], '--capacity: expected a whole number'],
    [['--simulate', '10', '-b', '0'], '--simulate: needs --base and --cap greater than 0'],
    [['-s', 'jiter'], "did you mean 'jitter'?"],
    [['--capacity', '5'], '--capacity: applies only with --simulate <clients>'],
  ])('explain %j is a usage error naming the flag', async (args, message) => {
    const result = await runCli(['explain', ...args]);
    expect(result.code).toBe(125);
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe('');
  });
});

describe('explain shows what each strategy does', () => {
  const json = async (args: string[]) => {
    const result = await runCli(['explain', '--format', 'json', ...args]);
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout) as Record<string, unknown>;
  };
  /** [min, median, max] of every retry, per strategy, as `explain --format json` shows them. */
  const triplesOf = async (flags: string[]) => {
    const triples = await Promise.all(
      STRATEGY_NAMES.map(async (strategy) => {
        const { schedule } = (await json(['-s', strategy, ...flags])) as {
          schedule: Array<{ minMs: number; medianMs: number; maxMs: number }>;
        };
        return [strategy, schedule.map((r) => [r.minMs, r.medianMs, r.maxMs])];
      }),
    );
    return Object.fromEntries(triples);
  };

  it('each strategy: min, median and max of every retry, from its own formula', async () => {
    const flags = ['-n', '5', '-b', '100ms', '-c', '1s', '--factor', '3', '--seed', '2'];
    expect(await triplesOf(flags)).toEqual({
      fixed: [
        [100, 100, 100],
        [100, 100, 100],
        [100, 100, 100],
        [100, 100, 100],
      ],
      linear: [
        [100, 100, 100],
        [200, 200, 200],
        [300, 300, 300],
        [400, 400, 400],
      ],
      exponential: [
        [100, 100, 100],
        [300, 300, 300],
        [900, 900, 900],
        [1000, 1000, 1000],
      ],
      jitter: [
        [0, 50, 100],
        [0, 150, 300],
        [0, 450, 900],
        [0, 500, 1000],
      ],
      'equal-jitter': [
        [50, 75, 100],
        [150, 225, 300],
        [450, 675, 900],
        [500, 750, 1000],
      ],
      // The medians are sampled from decorrelated's own seeded draws.
      decorrelated: [
        [100, 192, 300],
        [100, 313, 900],
        [100, 443, 1000],
        [100, 618, 1000],
      ],
    });
  });

  it('a base above the cap: every strategy waits at most the cap', async () => {
    const flags = ['-n', '3', '-b', '2s', '-c', '1s'];
    expect(await triplesOf(flags)).toEqual({
      fixed: [
        [1000, 1000, 1000],
        [1000, 1000, 1000],
      ],
      linear: [
        [1000, 1000, 1000],
        [1000, 1000, 1000],
      ],
      exponential: [
        [1000, 1000, 1000],
        [1000, 1000, 1000],
      ],
      jitter: [
        [0, 500, 1000],
        [0, 500, 1000],
      ],
      'equal-jitter': [
        [500, 750, 1000],
        [500, 750, 1000],
      ],
      decorrelated: [
        [1000, 1000, 1000],
        [1000, 1000, 1000],
      ],
    });
  });

  const herdFlags = ['--simulate', '200', '--capacity', '20', '-b', '100ms', '-c', '2s'];
  type Herd = { simulation: Array<{ strategy: string }> };

  it("simulates each strategy's own delays: the herd under a fixed seed", async () => {
    const { simulation } = (await json([...herdFlags, '--seed', '4'])) as Herd;
    // peak load, all done after (ms), total calls
    expect(
      Object.fromEntries(
        simulation.map(({ strategy, ...figures }) => [strategy, Object.values(figures)]),
      ),
    ).toEqual({
      fixed: [200, 1000, 1300],
      linear: [200, 5500, 1300],
      exponential: [200, 13_100, 1300],
      jitter: [231, 2000, 828],
      'equal-jitter': [197, 2672, 799],
      decorrelated: [115, 1925, 596],
    });
  });

  it('a random kind draws its waits from the seed; a deterministic kind draws nothing', async () => {
    const [four, five] = (await Promise.all([
      json([...herdFlags, '--seed', '4']),
      json([...herdFlags, '--seed', '5']),
    ])) as Herd[];
    const moved = four!.simulation
      .filter((s, i) => JSON.stringify(s) !== JSON.stringify(five!.simulation[i]))
      .map((s) => s.strategy);
    expect(moved).toEqual(['jitter', 'equal-jitter', 'decorrelated']);
  });
});

describe('retry-run --dry-run', () => {
  it('prints the same schedule as explain for its resolved policy, and runs nothing', async () => {
    const flags = ['-s', 'linear', '-n', '5', '-b', '2s', '--deadline', '15s'];
    const dry = await runCli([...flags, '--dry-run', '--', 'false']);
    const explain = await runCli(['explain', ...flags]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toBe('');
    expect(dry.stderr).toContain('would run: false (command mode)');
    expect(dry.stderr).toContain(explain.stdout);
    expect(explain.stdout).toContain('the deadline (15s) always ends the run before retry 4');
  });
});
