import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const REPO = fileURLToPath(new URL('../../', import.meta.url));
const { version } = (await import('../../package.json', { with: { type: 'json' } })).default;
const scratch = await mkdtemp(join(tmpdir(), 'retry-run-install-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** npm with no settings inherited from an `npm test` that may be running this file. */
function npm(args: string[], cwd: string) {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_')),
  );
  return run('npm', [...args, '--no-audit', '--no-fund', '--prefer-offline'], {
    cwd,
    env: {
      ...env,
      npm_config_cache: process.env.npm_config_cache ?? join(process.env.HOME!, '.npm'),
    },
  });
}

// The README's Install section: `npm install -g .` from a clone, as written.
describe('installing', () => {
  it('from a fresh clone with npm install -g (no devDependencies, no build)', async () => {
    const clone = join(scratch, 'clone');
    const prefix = join(scratch, 'prefix');
    await run('git', ['clone', '--quiet', REPO, clone]);
    await npm(['install', '-g', '--prefix', prefix, '.'], clone);
    const installed = await run(join(prefix, 'bin', 'retry-run'), ['-V']);
    expect(installed.stdout).toBe(`${version}\n`);
  }, 120_000);

  it('from the packed tarball with npx', async () => {
    const packed = join(scratch, 'packed');
    await mkdir(packed);
    // dist/ is already built (npm test builds first); a prepare here would rebuild it under
    // the feet of the tests running beside this one.
    await npm(['pack', '--ignore-scripts', '--pack-destination', packed], REPO);
    const [tarball] = await readdir(packed);
    const ran = await npm(
      ['exec', '--yes', '--package', join(packed, tarball!), '--', 'retry-run', '-V'],
      scratch,
    );
    expect(ran.stdout).toBe(`${version}\n`);
  }, 120_000);
});
