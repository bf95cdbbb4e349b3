import { describe, expect, it } from 'vitest';
import { FIXTURES, runCli } from '../helpers/cli.js';

const exitWith = ['--', process.execPath, `${FIXTURES}exit-with.js`, '0'];

// Durations of 2^31 ms (about 24.8 days) and more do not fit one Node timer, which then fires
// after 1 ms: README, "Durations" (any accepted duration is honoured, however long).
describe('durations longer than one timer holds', () => {
  it('--timeout 999h does not time out a short command', async () => {
    const result = await runCli(['-n', '1', '--timeout', '999h', ...exitWith]);
    expect(result.stderr).not.toMatch(/timed out|TimeoutOverflowWarning/);
    expect(result.stdout).toBe('attempt=1 max=1\n');
    expect(result.code).toBe(0);
  });

  it('--deadline 30d-sized limits and --kill-after 999h leave a short command alone', async () => {
    const result = await runCli([
      ...['-n', '1', '--deadline', '720h', '--kill-after', '999h'],
      ...exitWith,
    ]);
    expect(result.stderr).not.toMatch(/timed out|deadline|TimeoutOverflowWarning/);
    expect(result.stdout).toBe('attempt=1 max=1\n');
    expect(result.code).toBe(0);
  });
});
