import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runAction } from '../helpers/action-runner.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const VALIDATOR = join(REPO, 'node_modules/@action-validator/cli/cli.mjs');
const execFileAsync = promisify(execFile);

function validate(path: string) {
  return execFileAsync(process.execPath, [VALIDATOR, path]).then(
    () => 0,
    (error: { code: number }) => error.code,
  );
}

const scratch = () => mkdtemp(join(tmpdir(), 'retry-run-action-test-'));

describe('action.yml', () => {
  it('is valid against the Actions schema (and the check can fail)', async () => {
    expect(await validate(join(REPO, 'action.yml'))).toBe(0);
    const broken = join(await scratch(), 'action.yml');
    const text = await readFile(join(REPO, 'action.yml'), 'utf8');
    await writeFile(broken, text.replace('using: composite', 'using: node99'));
    expect(await validate(broken)).toBe(1);
  });

  it('runs a flaky command until it passes and sets the outputs', async () => {
    const state = await scratch();
    const result = await runAction(
      REPO,
      {
        command: `echo "attempt $RETRY_RUN_ATTEMPT"; [ "$RETRY_RUN_ATTEMPT" -ge 3 ]`,
        'max-attempts': '4',
        strategy: 'fixed',
        base: '1ms',
        name: 'flaky-step',
      },
      { XDG_STATE_HOME: state },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('attempt 1\nattempt 2\nattempt 3\n');
    expect(result.outputs).toEqual({ attempts: '3', 'exit-code': '0', outcome: 'success' });
    expect(result.stepSummary).toContain('retry-run `flaky-step`: succeeded after 3 attempts');
    expect(existsSync(join(state, 'retry-run'))).toBe(true);
  });

  it('fails the step with the command exit code and still sets the outputs', async () => {
    const result = await runAction(
      REPO,
      { command: 'exit 4', 'max-attempts': '2', base: '1ms' },
      { XDG_STATE_HOME: await scratch() },
    );
    expect(result.code).toBe(4);
    expect(result.outputs).toEqual({ attempts: '2', 'exit-code': '4', outcome: 'exhausted' });
  });

  it('passes inputs as values, never as shell text', async () => {
    const dir = await scratch();
    const marker = join(dir, 'injected');
    const result = await runAction(
      REPO,
      { command: 'true', strategy: `fixed"; touch ${marker}; echo "` },
      { XDG_STATE_HOME: dir },
    );
    expect(result.code).toBe(125);
    expect(result.stderr).toContain('--strategy');
    expect(existsSync(marker)).toBe(false);
  });
});
