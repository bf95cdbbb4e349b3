import { createHash } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

// Node >= 22.1 caches compiled code itself; the hand-kept cache is for Node 20.
const handKept = !('enableCompileCache' in (await import('node:module')).default);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUNDLE = join(ROOT, 'dist', 'cli.cjs');
// The summary line's ", waited 0ms": a string the first run compiles, so its cache holds it.
const ORIGINAL_TEXT = ', waited ';
const CHANGED_TEXT = ', WAITED ';

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest();

describe.runIf(handKept)('the start-up code cache (Node 20)', () => {
  const made: string[] = [];
  const temporary = (what: string) => {
    const directory = mkdtempSync(join(tmpdir(), `retry-run-${what}-`));
    made.push(directory);
    return directory;
  };
  afterEach(() => made.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  const run = (cacheHome: string, bin?: string) =>
    runCli(['-n', '1', '--', 'true'], {
      env: { XDG_CACHE_HOME: cacheHome },
      ...(bin ? { bin } : {}),
    });
  const cacheDir = (home: string) => join(home, 'retry-run');
  const cacheFiles = (home: string) => readdirSync(cacheDir(home));

  /** A copy of the built CLI with its bundle edited, as an upgrade would replace it. */
  function copyOfCli(edit: (source: string) => string): { bin: string; bundle: string } {
    const root = temporary('copy');
    cpSync(join(ROOT, 'bin'), join(root, 'bin'), { recursive: true });
    cpSync(join(ROOT, 'dist', 'vendor'), join(root, 'dist', 'vendor'), { recursive: true });
    const bundle = join(root, 'dist', 'cli.cjs');
    writeFileSync(bundle, edit(readFileSync(BUNDLE, 'utf8')));
    return { bin: join(root, 'bin', 'retry-run.js'), bundle };
  }
  const sameLengthUpgrade = () => {
    const copy = copyOfCli((source) => source.replace(ORIGINAL_TEXT, CHANGED_TEXT));
    expect(statSync(copy.bundle).size).toBe(statSync(BUNDLE).size);
    return copy;
  };

  /**
   * A cache home whose entry for the real bundle holds the compiled code of a changed bundle,
   * under every name a cache of it was ever kept (by content hash and, as before, by length),
   * with the header of the real bundle's hash: only where it lies decides whether it runs.
   */
  async function plantedCacheHome(): Promise<string> {
    const changed = sameLengthUpgrade();
    const changedHome = temporary('cache');
    await run(changedHome, changed.bin);
    const [changedEntry] = cacheFiles(changedHome);
    const entry = readFileSync(join(cacheDir(changedHome), changedEntry!));
    // V8's data follows the hash of the bytes it was made for (before that, it was all there was).
    const compiled = entry.subarray(entry.subarray(0, 32).equals(sha256(changed.bundle)) ? 32 : 0);
    const real = readFileSync(BUNDLE);
    const tag = `${process.version}-${process.arch}.v8cache`;
    const home = temporary('cache');
    mkdirSync(cacheDir(home), { mode: 0o700 });
    const hash = sha256(BUNDLE);
    const plant = (name: string, data: Buffer) => writeFileSync(join(cacheDir(home), name), data);
    plant(`cli.cjs-${hash.toString('hex')}-${tag}`, Buffer.concat([hash, compiled]));
    plant(`cli.cjs-${real.toString('utf8').length}-${tag}`, compiled);
    return home;
  }

  it('is written by the first run and used by the next', async () => {
    const home = temporary('cache');
    expect((await run(home)).code).toBe(0);
    const [file] = cacheFiles(home);
    expect(file).toMatch(/^cli\.cjs-[0-9a-f]{64}-v\d+\.\d+\.\d+-\w+\.v8cache$/);
    const written = statSync(join(cacheDir(home), file!)).mtimeMs;
    expect((await run(home)).code).toBe(0);
    // Accepted, so not written again.
    expect(statSync(join(cacheDir(home), file!)).mtimeMs).toBe(written);
    expect(cacheFiles(home)).toEqual([file]);
  });

  it('runs the new code after an upgrade that keeps the bundle length', async () => {
    const home = temporary('cache');
    expect((await run(home)).stderr).toContain(ORIGINAL_TEXT);
    const upgraded = sameLengthUpgrade();
    const result = await run(home, upgraded.bin);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(CHANGED_TEXT);
    expect(result.stderr).not.toContain(ORIGINAL_TEXT);
  });

  it('does not run a cache made for other bytes, even under the right name', async () => {
    const home = temporary('cache');
    await run(home);
    const [realEntry] = cacheFiles(home);
    const changed = sameLengthUpgrade();
    const changedHome = temporary('cache');
    await run(changedHome, changed.bin);
    const [changedEntry] = cacheFiles(changedHome);
    // Copied over the real bundle's entry, as an attacker or a broken sync would.
    cpSync(join(cacheDir(changedHome), changedEntry!), join(cacheDir(home), realEntry!));
    const result = await run(home);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(ORIGINAL_TEXT);
    expect(result.stderr).not.toContain(CHANGED_TEXT);
  });

  it('uses a cache that passes every check (so the planted-cache tests below are not vacuous)', async () => {
    const result = await run(await plantedCacheHome());
    expect(result.stderr).toContain(CHANGED_TEXT);
  });

  it('does not run a planted cache in a directory others can write, and closes it', async () => {
    const home = await plantedCacheHome();
    chmodSync(cacheDir(home), 0o777);
    const result = await run(home);
    expect(result.stderr).toContain(ORIGINAL_TEXT);
    expect(result.stderr).not.toContain(CHANGED_TEXT);
    expect(statSync(cacheDir(home)).mode & 0o777).toBe(0o700);
    // Everything that may have been planted is gone: only this run's own entry is left.
    expect(cacheFiles(home)).toHaveLength(1);
    expect((await run(home)).stderr).toContain(ORIGINAL_TEXT);
  });

  it.runIf(process.getuid?.() === 0)(
    'does not run a planted cache in a directory another user owns',
    async () => {
      const home = await plantedCacheHome();
      chownSync(cacheDir(home), 65534, 65534);
      const result = await run(home);
      expect(result.stderr).toContain(ORIGINAL_TEXT);
      expect(result.stderr).not.toContain(CHANGED_TEXT);
    },
  );

  it('does not run a planted cache through a symlinked cache directory', async () => {
    const planted = await plantedCacheHome();
    const home = temporary('cache');
    symlinkSync(cacheDir(planted), cacheDir(home));
    const result = await run(home);
    expect(result.stderr).toContain(ORIGINAL_TEXT);
    expect(result.stderr).not.toContain(CHANGED_TEXT);
  });

  it('keeps its directory 0700 and its files 0600', async () => {
    const home = temporary('cache');
    await run(home);
    expect(statSync(cacheDir(home)).mode & 0o777).toBe(0o700);
    expect(statSync(join(cacheDir(home), cacheFiles(home)[0]!)).mode & 0o777).toBe(0o600);
  });

  it('removes the entries of an older bundle and a crashed writer', async () => {
    const home = temporary('cache');
    await run(home);
    const [old] = cacheFiles(home);
    writeFileSync(join(cacheDir(home), `${old}.12345.tmp`), 'left by a killed run');
    const upgraded = copyOfCli((source) => `${source}\n// a longer bundle\n`);
    expect((await run(home, upgraded.bin)).code).toBe(0);
    const files = cacheFiles(home);
    expect(files).toHaveLength(1);
    expect(files[0]).not.toBe(old);
  });

  it('survives a corrupt cache, and replaces it', async () => {
    const home = temporary('cache');
    await run(home);
    const path = join(cacheDir(home), cacheFiles(home)[0]!);
    writeFileSync(path, 'not a code cache');
    const result = await run(home);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('succeeded');
    expect(readFileSync(path).length).toBeGreaterThan(1000);
  });

  it('runs without one where the cache directory cannot be written', async () => {
    const home = temporary('cache');
    writeFileSync(cacheDir(home), 'a file where the directory should be');
    const result = await run(home);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('succeeded');
  });
});
