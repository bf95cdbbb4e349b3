import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

/** Port 9 (discard): nothing is ever sent, since a usage error ends the run first. */
const URL = 'http://127.0.0.1:9/';

describe('conditions that cannot apply in HTTP mode (README, What is retried)', () => {
  it.each([
    ['--retry-on', 'exit:3'],
    ['--retry-on', 'stdout:/x/'],
    ['--stop-on', 'output:/fatal/i'],
    ['--retry-on', '5xx,signal:TERM'],
  ])('%s %s is a usage error', async (flag, conditions) => {
    const result = await runCli(['-n', '1', flag, conditions, URL]);
    expect(result.code).toBe(125);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      new RegExp(
        `^retry-run: ${flag}: '[^']+' applies in command mode only; in HTTP mode use statuses`,
      ),
    );
  });

  it('--until stays a usage error of its own', async () => {
    const result = await runCli(['--until', 'exit:0', URL]);
    expect(result.code).toBe(125);
    expect(result.stderr).toBe(
      'retry-run: --until: works in command mode only; in HTTP mode use --expect and --expect-body\n',
    );
  });
});
