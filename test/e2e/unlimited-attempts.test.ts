import { describe, expect, it } from 'vitest';
import { jsonEvents, runCli } from '../helpers/cli.js';

describe('retry-run --max inf', () => {
  it('retries past the default 5 attempts, and the deadline ends it', async () => {
    const past = await runCli([
      '-n',
      'inf',
      '-b',
      '0',
      '--deadline',
      '5m',
      '-S',
      'echo "max=$RETRY_RUN_MAX_ATTEMPTS"; [ "$RETRY_RUN_ATTEMPT" -ge 8 ]',
    ]);
    expect(past.code).toBe(0);
    expect(past.stdout).toBe('max=inf\n'.repeat(8));
    // Attempts at about 0, 400 and 800 ms; the wait after the third would pass the deadline.
    // Short waits made the deadline land inside an attempt whenever spawning was slow (exit
    // 124, also right, but not this case).
    const ended = await runCli([
      '-n',
      'inf',
      '-s',
      'fixed',
      '-b',
      '400ms',
      '--deadline',
      '1s',
      '--log-format',
      'json',
      '-S',
      'exit 3',
    ]);
    expect(ended.code).toBe(3);
    const events = jsonEvents(ended.stderr);
    expect(events[0]).toMatchObject({ event: 'start', maxAttempts: null, deadlineMs: 1000 });
    expect(events.at(-1)).toMatchObject({ event: 'summary', outcome: 'deadline' });
  });

  it('says once that only success or a signal ends a run without a deadline', async () => {
    const result = await runCli(['-n', 'inf', '-b', '0', '-S', '[ "$RETRY_RUN_ATTEMPT" = 3 ]']);
    expect(result.code).toBe(0);
    const notes = result.stderr.split('\n').filter((line) => line.includes('without --deadline'));
    expect(notes).toHaveLength(1);
    expect(result.stderr).toContain('attempt 3/∞ succeeded');
  });

  it('shows ∞ and the deadline as the bound in --dry-run and explain', async () => {
    const dry = await runCli(['--dry-run', '-n', 'inf', '--deadline', '10m', '--', 'true']);
    expect(dry.code).toBe(0);
    expect(dry.stderr).toContain('max ∞ attempts');
    expect(dry.stderr).toMatch(/worst case: 10m \(∞ attempts: the deadline is the bound\)/);
    const explain = await runCli(['explain', '-n', 'inf', '-s', 'exponential']);
    expect(explain.stdout).toMatch(/worst case: ∞ \(--max inf without --deadline/);
  });
});
