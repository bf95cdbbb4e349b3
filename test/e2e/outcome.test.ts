import { describe, expect, it } from 'vitest';
import { jsonEvents, runCli } from '../helpers/cli.js';

describe('the outcome a run reports', () => {
  it('a readiness poll that never became ready exits 1, not its last attempt’s 0', async () => {
    const result = await runCli([
      '--until',
      'output:/ready/',
      '-n',
      '2',
      '-b',
      '0',
      '--',
      'echo',
      'starting',
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('starting\nstarting\n');
    expect(result.stderr).toContain('✖ exhausted: all 2 attempts failed');
    expect(result.stderr).toContain('last failure: until; exit code 1');
  });

  it('the JSON summary of an unmet --until carries exit code 1', async () => {
    const result = await runCli([
      ...['--log-format', 'json', '--until', 'output:/ready/', '-n', '1'],
      ...['--', 'echo', 'starting'],
    ]);
    expect(result.code).toBe(1);
    expect(jsonEvents(result.stderr).at(-1)).toMatchObject({
      event: 'summary',
      outcome: 'exhausted',
      exitCode: 1,
    });
  });
});
