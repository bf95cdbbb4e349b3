import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';

const run = promisify(execFile);
const hasScript = spawnSync('script', ['--version']).status === 0;
if (!hasScript) console.log('skipped: script(1) from util-linux is not installed');

/** Runs retry-run under a pseudo-terminal (util-linux `script`): stdout and stderr are a TTY. */
async function inTerminal(args: string[]) {
  const quoted = [process.execPath, BIN, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`);
  const { stdout } = await run('script', ['-qfec', quoted.join(' '), '/dev/null'], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1', TERM: 'xterm' },
  });
  return stdout.replaceAll('\r\n', '\n');
}

describe.skipIf(!hasScript)('on a terminal', () => {
  it("ends the countdown's line before the next attempt prints", async () => {
    const output = await inTerminal([
      '--no-record',
      '-s',
      'fixed',
      '-b',
      '1s',
      '-S',
      'echo "attempt $RETRY_RUN_ATTEMPT"; [ "$RETRY_RUN_ATTEMPT" -ge 2 ]',
    ]);
    expect(output).toContain('\nattempt 2\n');
    expect(output).not.toMatch(/Ctrl-C to stop\)attempt 2/);
    // The finished countdown is one plain line, printed once.
    expect(output.split('\x1b[Kretry-run: waiting 1s before attempt 2\n')).toHaveLength(2);
  });
});
