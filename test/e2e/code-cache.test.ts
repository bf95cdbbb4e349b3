import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

// Node >= 22.1 caches compiled code itself; the hand-kept cache is for Node 20.
const handKept = !('enableCompileCache' in (await import('node:module')).default);

describe.runIf(handKept)('the start-up code cache (Node 20)', () => {
  let cacheHome: string;
  afterEach(() => rmSync(cacheHome, { recursive: true, force: true }));
  const run = () => runCli(['-n', '1', '--', 'true'], { env: { XDG_CACHE_HOME: cacheHome } });
  const cacheFiles = () => readdirSync(join(cacheHome, 'retry-run'));

  it('is written by the first run and used by the next', async () => {
    cacheHome = mkdtempSync(join(tmpdir(), 'retry-run-cache-'));
    expect((await run()).code).toBe(0);
    const [file] = cacheFiles();
    expect(file).toMatch(/^cli\.cjs-\d+-v\d+\.\d+\.\d+-\w+\.v8cache$/);
    const written = statSync(join(cacheHome, 'retry-run', file!)).mtimeMs;
    expect((await run()).code).toBe(0);
    // Accepted, so not written again.
    expect(statSync(join(cacheHome, 'retry-run', file!)).mtimeMs).toBe(written);
    expect(cacheFiles()).toEqual([file]);
  });

  it('survives a corrupt cache, and replaces it', async () => {
    cacheHome = mkdtempSync(join(tmpdir(), 'retry-run-cache-'));
    await run();
    const path = join(cacheHome, 'retry-run', cacheFiles()[0]!);
    writeFileSync(path, 'not a code cache');
    const result = await run();
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('succeeded');
    expect(readFileSync(path).length).toBeGreaterThan(1000);
  });

  it('runs without one where the cache directory cannot be written', async () => {
    cacheHome = mkdtempSync(join(tmpdir(), 'retry-run-cache-'));
    writeFileSync(join(cacheHome, 'retry-run'), 'a file where the directory should be');
    const result = await run();
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('succeeded');
  });
});
