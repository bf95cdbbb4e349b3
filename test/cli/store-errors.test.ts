import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { breakerAction } from '../../src/cli/breaker-command.js';
import { budgetAction } from '../../src/cli/budget-command.js';
import { statsAction } from '../../src/cli/stats.js';
import { isStoreError } from '../../src/shared/errors.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A state dir whose `collection` folder anyone may write: the store refuses it as unsafe. */
async function unsafeState(collection: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'retry-run-cli-store-'));
  dirs.push(dir);
  await chmod(dir, 0o700);
  await mkdir(join(dir, collection));
  await chmod(join(dir, collection), 0o777);
  return dir;
}

describe('a state store that cannot be used (README, Errors)', () => {
  it('is reported by breaker list, not swallowed, with the store code', async () => {
    const state = await unsafeState('breaker');
    const failure = breakerAction('list', undefined, { state });
    await expect(failure).rejects.toSatisfy(isStoreError);
    await expect(failure).rejects.toMatchObject({
      code: 'ERR_STORE_UNSAFE',
      exitCode: 125,
      message: expect.stringMatching(/^breaker list: state dir .* is writable by others/),
    });
  });

  it('is reported by budget list the same way', async () => {
    const state = await unsafeState('budget');
    await expect(budgetAction('list', undefined, { state })).rejects.toMatchObject({
      code: 'ERR_STORE_UNSAFE',
      exitCode: 125,
      message: expect.stringMatching(/^budget list: state dir .* is writable by others/),
    });
  });

  it('has the same code in stats as in breaker list: one failure, one code', async () => {
    const state = await unsafeState('history');
    await expect(statsAction({ state })).rejects.toMatchObject({
      code: 'ERR_STORE_UNSAFE',
      exitCode: 125,
      message: expect.stringContaining('cannot read the history in'),
    });
  });
});
