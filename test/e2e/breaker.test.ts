import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { FIXTURES, jsonEvents, runCli } from '../helpers/cli.js';
import { useStateStores } from '../helpers/redis-server.js';

// Each test runs the binary several times in a row, and a loaded machine (the fault suite,
// a busy CI runner) can take seconds per run: a longer limit than the default 20 s.
vi.setConfig({ testTimeout: 60_000 });

const node = process.execPath;
const exitWith = (code: number) => [node, `${FIXTURES}exit-with.js`, String(code)];

let unique = 0;
const stores = useStateStores('retry-run-e2e-breaker-');
const freshState = () => join(stores.dir, `state${++unique}`);

describe('retry-run --breaker', () => {
  it('opens after the threshold across runs, then exits 75 without running, saying since when, why and until when', async () => {
    const state = freshState();
    const args = ['--state', state, '--breaker', 'api', '--breaker-threshold', '3', '-b', '0'];
    const first = await runCli([...args, '-n', '2', '--', ...exitWith(7)]);
    expect(first.code).toBe(7);
    const second = await runCli([...args, '-n', '5', '--', ...exitWith(7)]);
    expect(second.code).toBe(7);
    expect(second.stdout).toBe('attempt=1 max=5\n');
    expect(second.stderr).toMatch(
      /breaker 'api' is open: opened after 3 consecutive failures, last exit:7; no further attempt/,
    );
    const refused = await runCli([...args, '--', ...exitWith(0)]);
    expect(refused.code).toBe(75);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(
      /breaker 'api' is open: open since \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \(3 consecutive failures, last exit:7\); nothing run; it lets one probe through at \S+Z \(in \d+(\.\d+)?s\)/,
    );
    expect(refused.stderr).toMatch(/circuit-open/);
  });

  it('reports breaker transitions as JSON events', async () => {
    const state = freshState();
    const args = [
      '--state',
      state,
      '--breaker',
      'db',
      '--breaker-threshold',
      '1',
      '--log-format',
      'json',
    ];
    const opened = await runCli([...args, '-n', '3', '-b', '0', '--', ...exitWith(2)]);
    expect(opened.code).toBe(2);
    const events = jsonEvents(opened.stderr);
    expect(events.map((e) => e.event)).toEqual(['start', 'attempt', 'breaker', 'summary']);
    expect(events[2]).toMatchObject({
      name: 'db',
      state: 'open',
      closesAt: expect.stringMatching(/Z$/),
    });
    expect(events[3]).toMatchObject({ outcome: 'circuit-open', attempts: 1, exitCode: 2 });

    const refused = await runCli([...args, '--', ...exitWith(0)]);
    expect(refused.code).toBe(75);
    const refusal = jsonEvents(refused.stderr);
    expect(refusal.map((e) => e.event)).toEqual(['start', 'breaker', 'summary']);
    expect(refusal[2]).toMatchObject({ outcome: 'circuit-open', attempts: 0, exitCode: 75 });
  });

  async function probeRace(state: string) {
    const ran = join(stores.dir, `ran${++unique}`);
    const opened = await runCli(['breaker', 'open', 'shared', '--for', '1ms', '--state', state]);
    expect(opened.code).toBe(0);
    // Opened for 1 ms: it is over before the next process has started, so no wait is needed.
    // Each run, if let through, notes it ran, takes a while, and fails: the probe's failure
    // re-opens the breaker, so a run that starts late is refused too.
    const script = `echo ran >> '${ran}'; sleep 1; exit 1`;
    const runs = await Promise.all(
      Array.from({ length: 6 }, () =>
        runCli(['--state', state, '--breaker', 'shared', '-n', '1', '-S', script]),
      ),
    );
    const lines = (await readFile(ran, 'utf8')).trim().split('\n');
    expect(lines).toEqual(['ran']);
    const codes = runs.map((r) => r.code).sort();
    expect(codes).toEqual([1, 75, 75, 75, 75, 75]);
    const probe = runs.find((r) => r.code === 1)!;
    expect(probe.stderr).toContain(
      "breaker 'shared' is half-open: cooldown over: this run is the one probe",
    );
    expect(probe.stderr).toContain('the probe failed (exit:1): open again');
  }

  it('parallel runs on the file store: exactly one probes when half-open', async () => {
    await probeRace(freshState());
  }, 60_000);

  it('parallel runs on Redis: exactly one probes when half-open', async () => {
    await probeRace(`${stores.redis.url}/3`);
  }, 60_000);

  it('an interrupted probe frees the probe at once, without re-opening the breaker', async () => {
    const state = freshState();
    await runCli(['breaker', 'open', 'int', '--for', '1ms', '--state', state]);
    const probe = await runCli(['--state', state, '--breaker', 'int', '-S', 'sleep 30'], {
      onSpawn: (child) => {
        let seen = '';
        const onData = (chunk: Buffer) => {
          seen += chunk.toString();
          if (!seen.includes('this run is the one probe')) return;
          child.stderr!.off('data', onData);
          child.kill('SIGINT');
        };
        child.stderr!.on('data', onData);
      },
    });
    expect(probe.code).toBe(130);
    const next = await runCli(['--state', state, '--breaker', 'int', '--', ...exitWith(0)]);
    expect(next.code).toBe(0);
    expect(next.stderr).toContain('this run is the one probe');
    expect(next.stderr).toContain('the probe succeeded: closed');
  }, 60_000);

  it('a corrupt state file: one warning line, and the command runs', async () => {
    const state = freshState();
    await runCli(['breaker', 'open', 'c', '--state', state]);
    await writeFile(join(state, 'breaker', 'c.json'), '{"state": "open", "consec');
    const result = await runCli([
      '--state',
      state,
      '--breaker',
      'c',
      '-n',
      '2',
      '-b',
      '0',
      '--',
      ...exitWith(3),
    ]);
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('attempt=1 max=2\nattempt=2 max=2\n');
    const warnings = result.stderr.split('\n').filter((l) => l.includes('warning'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^retry-run: warning: breaker 'c': .*corrupt.*; acting as closed$/);

    const strict = await runCli([
      '--state',
      state,
      '--breaker',
      'c',
      '--breaker-strict',
      '--',
      ...exitWith(0),
    ]);
    expect(strict.code).toBe(75);
    expect(strict.stdout).toBe('');
    expect(strict.stderr).toContain('--breaker-strict');
  });

  it('a state directory that cannot be created: a warning, and the command runs', async () => {
    const file = join(stores.dir, `plain-file${++unique}`);
    await writeFile(file, 'not a directory');
    const result = await runCli([
      '--state',
      join(file, 'sub'),
      '--breaker',
      'x',
      '--',
      ...exitWith(0),
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/warning: breaker 'x': .*acting as closed/);
  });

  it('Redis unreachable: a warning, and the command runs', async () => {
    const result = await runCli([
      '--state',
      'redis://127.0.0.1:1',
      '--breaker',
      'x',
      '--',
      ...exitWith(0),
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /warning: breaker 'x': cannot connect to Redis at redis:\/\/127\.0\.0\.1:1 .*; acting as closed/,
    );
  });

  it('takes its settings from the environment too', async () => {
    const state = freshState();
    const env = {
      RETRY_RUN_STATE: state,
      RETRY_RUN_BREAKER: 'envy',
      RETRY_RUN_BREAKER_THRESHOLD: '1',
    };
    expect((await runCli(['-n', '1', '--', ...exitWith(4)], { env })).code).toBe(4);
    expect((await runCli(['--', ...exitWith(0)], { env })).code).toBe(75);
  });

  it('rejects bad breaker flags as usage errors (125)', async () => {
    const bad = async (args: string[], message: RegExp) => {
      const result = await runCli([...args, '--', 'true']);
      expect(result.code).toBe(125);
      expect(result.stderr).toMatch(message);
    };
    await bad(['--breaker', 'a', '--breaker-threshold', '0'], /--breaker-threshold: .*got '0'/);
    await bad(['--breaker', 'a', '--breaker-cooldown', 'soon'], /--breaker-cooldown: .*got 'soon'/);
    await bad(['--breaker-threshold', '3'], /--breaker-threshold: only applies with --breaker/);
    await bad(['--breaker', ''], /--breaker: expected a name/);
    await bad(['--state', 'ftp://host', '--breaker', 'a'], /--state: .*got 'ftp:\/\/host'/);
  });
});

describe('retry-run breaker', () => {
  it('lists, shows, opens and resets breakers, as text and JSON', async () => {
    const state = freshState();
    const cli = (...args: string[]) => runCli(['breaker', ...args, '--state', state]);
    expect((await cli('list')).stdout).toBe(`no breakers in ${state}\n`);
    expect(JSON.parse((await cli('list', '--format', 'json')).stdout)).toEqual([]);

    const opened = await cli('open', 'api', '--for', '10m');
    expect(opened.code).toBe(0);
    expect(opened.stdout).toMatch(/^breaker 'api' opened by hand for 10m, until \S+Z\n$/);
    await runCli(['--state', state, '--breaker', 'db', '-n', '1', '--', ...exitWith(1)]);

    const list = JSON.parse((await cli('list', '--format', 'json')).stdout) as Array<
      Record<string, unknown>
    >;
    expect(list).toEqual([
      {
        name: 'api',
        state: 'open',
        consecutiveFailures: 0,
        openedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
        closesAt: expect.stringMatching(/Z$/),
        lastFailure: 'opened by hand',
      },
      {
        name: 'db',
        state: 'closed',
        consecutiveFailures: 1,
        openedAt: null,
        closesAt: null,
        lastFailure: 'exit:1',
      },
    ]);
    const closesIn =
      Date.parse(list[0]!.closesAt as string) - Date.parse(list[0]!.openedAt as string);
    expect(closesIn).toBe(600_000);

    const table = (await cli('list')).stdout.split('\n');
    expect(table[0]).toMatch(/^NAME\s+STATE\s+FAILURES\s+OPENED AT\s+PROBE AT$/);
    expect(table[1]).toMatch(/^api\s+open\s+0\s+\S+Z\s+\S+Z$/);

    expect((await cli('status', 'api')).stdout).toMatch(
      /^breaker 'api' is open since \S+Z \(opened by hand\); it lets one probe through at/,
    );
    const status = JSON.parse((await cli('status', 'db', '--format', 'json')).stdout);
    expect(status).toMatchObject({ name: 'db', state: 'closed', consecutiveFailures: 1 });

    expect((await runCli(['--state', state, '--breaker', 'api', '--', 'true'])).code).toBe(75);
    expect((await cli('reset', 'api')).stdout).toBe(
      "breaker 'api' reset: closed, no failures counted\n",
    );
    expect((await runCli(['--state', state, '--breaker', 'api', '--', 'true'])).code).toBe(0);
  });

  it('says that a breaker never used (or reset) does not exist, exit 1, as text and JSON', async () => {
    const state = freshState();
    const cli = (...args: string[]) => runCli(['breaker', ...args, '--state', state]);
    for (const format of ['text', 'json']) {
      const status = await cli('status', 'never-used', '--format', format);
      expect(status.code).toBe(1);
      expect(status.stdout).toBe('');
      expect(status.stderr).toBe(
        `retry-run: no breaker 'never-used' in ${state}: no run has counted a failure under that name since it was last reset (a run naming it starts closed)\n`,
      );
    }
  });

  it('works the same on Redis', async () => {
    const state = `${stores.redis.url}/4`;
    expect((await runCli(['breaker', 'open', 'fleet', '--for', '1m', '--state', state])).code).toBe(
      0,
    );
    const refused = await runCli(['--state', state, '--breaker', 'fleet', '--', 'true']);
    expect(refused.code).toBe(75);
    const list = JSON.parse(
      (await runCli(['breaker', 'list', '--format', 'json', '--state', state])).stdout,
    );
    expect(list).toMatchObject([{ name: 'fleet', state: 'open' }]);
    expect((await runCli(['breaker', 'reset', 'fleet', '--state', state])).code).toBe(0);
    expect((await runCli(['--state', state, '--breaker', 'fleet', '--', 'true'])).code).toBe(0);
  });

  it('rejects a bad action, a missing name, and an unreachable store', async () => {
    expect((await runCli(['breaker', 'explode'])).code).toBe(125);
    const missing = await runCli(['breaker', 'status']);
    expect(missing.code).toBe(125);
    expect(missing.stderr).toContain("breaker status: needs the breaker's name");
    const down = await runCli(['breaker', 'list', '--state', 'redis://127.0.0.1:1']);
    expect(down.code).toBe(125);
    expect(down.stderr).toMatch(/^retry-run: breaker list: cannot connect to Redis/);
  });
});
