import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  chmodSync,
  chownSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURES, runCli } from '../helpers/cli.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUNDLE = join(ROOT, 'dist', 'cli.cjs');
// The summary line's ", waited 0ms": a string the first run compiles, so its cache holds it.
const ORIGINAL_TEXT = ', waited ';
const CHANGED_TEXT = ', WAITED ';

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest();

interface BundleRead {
  bytes: Buffer;
  identity: string;
  readAtNs: bigint;
}
/** The cache format's own code (bin/retry-run.js), so planted entries are built as it reads. */
const format = createRequire(import.meta.url)(join(ROOT, 'bin', 'retry-run.js')) as {
  readBundle: (file: string) => BundleRead;
  encodeHeader: (read: BundleRead) => Buffer;
  decodeHeader: (entry: Buffer) => { data: Buffer } | undefined;
};
/** Waits until a file's last change is 2 s old: then a cache entry made of it is settled. */
async function settle(file: string): Promise<void> {
  const age = () => Date.now() - statSync(file).ctimeMs;
  while (age() < 2100) await new Promise((resolve) => setTimeout(resolve, 2100 - age()));
}

describe('the start-up code cache', () => {
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

  /** The V8 data of the entry a run of this CLI writes: the compiled code of its bundle. */
  async function compiledCodeOf(bin: string): Promise<Buffer> {
    const home = temporary('cache');
    await run(home, bin);
    const [entry] = cacheFiles(home);
    return format.decodeHeader(readFileSync(join(cacheDir(home), entry!)))!.data;
  }

  /**
   * A cache home whose entry for the real bundle holds the compiled code of a changed bundle,
   * under every name a cache of it was ever kept (by the bundle file, by content hash, and by
   * length), with the header of the real bundle: only where it lies decides whether it runs.
   */
  async function plantedCacheHome(): Promise<string> {
    const compiled = await compiledCodeOf(sameLengthUpgrade().bin);
    const real = format.readBundle(BUNDLE);
    const [dev, ino] = real.identity.split(':');
    const tag = `${process.version}-${process.arch}.v8cache`;
    const home = temporary('cache');
    mkdirSync(cacheDir(home), { mode: 0o700 });
    const hash = sha256(BUNDLE);
    const plant = (name: string, data: Buffer) => writeFileSync(join(cacheDir(home), name), data);
    plant(
      `cli.cjs-${dev}.${ino}-command-${tag}`,
      Buffer.concat([format.encodeHeader(real), compiled]),
    );
    plant(`cli.cjs-${hash.toString('hex')}-${tag}`, Buffer.concat([hash, compiled]));
    plant(`cli.cjs-${real.bytes.toString('utf8').length}-${tag}`, compiled);
    return home;
  }

  it('is written by the first run and used by the next', async () => {
    const home = temporary('cache');
    expect((await run(home)).code).toBe(0);
    const [file] = cacheFiles(home);
    expect(file).toMatch(/^cli\.cjs-\d+\.\d+-command-v\d+\.\d+\.\d+-\w+\.v8cache$/);
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

  it('proves the bytes unchanged by the file alone: no hashing, no node:crypto', async () => {
    const copy = copyOfCli((source) => source);
    await settle(copy.bundle);
    const home = temporary('cache');
    await run(home, copy.bin);
    const [entry] = cacheFiles(home);
    const written = statSync(join(cacheDir(home), entry!)).mtimeMs;
    const modules = join(temporary('modules'), 'loaded.txt');
    const result = await runCli(['-n', '1', '--', 'true'], {
      bin: copy.bin,
      env: {
        XDG_CACHE_HOME: home,
        NODE_OPTIONS: `--require ${FIXTURES}report-modules.cjs`,
        REPORT_MODULES_TO: modules,
      },
    });
    expect(result.code).toBe(0);
    // Used as it was (not written again), and nothing loaded node:crypto.
    expect(statSync(join(cacheDir(home), entry!)).mtimeMs).toBe(written);
    expect(readFileSync(modules, 'utf8').split('\n')).not.toContain('NativeModule crypto');
  });

  it('runs the new code after the bundle is changed in place, same length, mtime put back', async () => {
    const copy = copyOfCli((source) => source);
    await settle(copy.bundle);
    const home = temporary('cache');
    expect((await run(home, copy.bin)).stderr).toContain(ORIGINAL_TEXT);
    const before = statSync(copy.bundle, { bigint: true });
    const at = readFileSync(copy.bundle).indexOf(ORIGINAL_TEXT);
    const fd = openSync(copy.bundle, 'r+');
    writeSync(fd, CHANGED_TEXT, at);
    closeSync(fd);
    // To the nanosecond, which utimes() cannot: a copy tool or a careless edit may keep it.
    const ns = before.mtimeNs;
    const stamp = `@${ns / 1_000_000_000n}.${String(ns % 1_000_000_000n).padStart(9, '0')}`;
    execFileSync('touch', ['-m', '-d', stamp, copy.bundle]);
    expect(statSync(copy.bundle, { bigint: true }).mtimeNs).toBe(ns);
    const result = await run(home, copy.bin);
    expect(result.stderr).toContain(CHANGED_TEXT);
    expect(result.stderr).not.toContain(ORIGINAL_TEXT);
  });

  it('checks the hash of an entry made while the bundle was new, and refuses other bytes', async () => {
    const compiled = await compiledCodeOf(sameLengthUpgrade().bin);
    const real = format.readBundle(BUNDLE);
    const plantWith = (read: BundleRead) => {
      const home = temporary('cache');
      mkdirSync(cacheDir(home), { mode: 0o700 });
      const [dev, ino] = real.identity.split(':');
      const name = `cli.cjs-${dev}.${ino}-command-${process.version}-${process.arch}.v8cache`;
      writeFileSync(
        join(cacheDir(home), name),
        Buffer.concat([format.encodeHeader(read), compiled]),
      );
      return home;
    };
    // Read in the same clock tick as the bundle's last change: its identity proves nothing.
    const ctimeNs = BigInt(real.identity.split(':')[4]!);
    const racy = { ...real, readAtNs: ctimeNs };
    const otherBytes = {
      ...racy,
      bytes: Buffer.from(real.bytes.toString().replace(ORIGINAL_TEXT, CHANGED_TEXT)),
    };
    expect((await run(plantWith(otherBytes))).stderr).toContain(ORIGINAL_TEXT);
    // The same entry with the right hash is used (so the refusal above is the hash's doing).
    expect((await run(plantWith(racy))).stderr).toContain(CHANGED_TEXT);
  });

  it('keeps one entry per kind of run, so a --version run leaves a command run its own', async () => {
    const home = temporary('cache');
    expect((await runCli(['--version'], { env: { XDG_CACHE_HOME: home } })).code).toBe(0);
    expect(cacheFiles(home)).toEqual([expect.stringMatching(/-other-v/)]);
    await run(home);
    const files = cacheFiles(home).sort();
    expect(files).toEqual([expect.stringMatching(/-command-v/), expect.stringMatching(/-other-v/)]);
    // The command run's entry is used as it is from then on, the other kept beside it.
    const written = statSync(join(cacheDir(home), files[0]!)).mtimeMs;
    await run(home);
    expect(statSync(join(cacheDir(home), files[0]!)).mtimeMs).toBe(written);
    expect(cacheFiles(home).sort()).toEqual(files);
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

  it('reads an entry larger than the room the bundle leaves after its bytes', async () => {
    // The entry is read into the memory the bundle was read into, twice the bundle's size; a
    // larger one gets memory of its own. V8 ignores bytes after its data.
    const home = temporary('cache');
    await run(home);
    const path = join(cacheDir(home), cacheFiles(home)[0]!);
    const padding = Buffer.alloc(3 * statSync(BUNDLE).size);
    writeFileSync(path, Buffer.concat([readFileSync(path), padding]));
    const padded = statSync(path);
    const result = await run(home);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('succeeded');
    // Accepted, so not written again.
    expect(statSync(path).mtimeMs).toBe(padded.mtimeMs);
    expect(statSync(path).size).toBe(padded.size);
  });

  it('runs without one where the cache directory cannot be written', async () => {
    const home = temporary('cache');
    writeFileSync(cacheDir(home), 'a file where the directory should be');
    const result = await run(home);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('succeeded');
  });
});

describe('the bundle, one function for vm.Script and require() alike', () => {
  it('runs when the bin is required from `node -e`, whose globals include module and require', () => {
    // `node -e` makes module, require and exports globals: the bundle must not take the
    // script's globals for a module's own (scripts/build.js, bin/retry-run.js).
    const bin = join(ROOT, 'bin', 'retry-run.js');
    const script = `process.argv.splice(1, 0, 'retry-run'); require(${JSON.stringify(bin)}).runWithCodeCache(${JSON.stringify(BUNDLE)})`;
    const run = (command: string) =>
      spawnSync(
        process.execPath,
        ['-e', script, '--', '-q', '-n', '1', '--', 'sh', '-c', command],
        {
          encoding: 'utf8',
          env: { PATH: process.env.PATH, RETRY_RUN_NO_RECORD: '1' },
        },
      );
    const failing = run('exit 4');
    expect(failing.stderr).not.toContain('TypeError');
    expect(failing.status).toBe(4);
    expect(run('exit 0').status).toBe(0);
  });

  it('is the bin: run, it runs the CLI; required, it only gives the loader', () => {
    const bin = join(ROOT, 'bin', 'retry-run.js');
    const env = { PATH: process.env.PATH, RETRY_RUN_NO_RECORD: '1' };
    const ran = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8', env });
    expect(ran.stdout).toMatch(/^\d+\.\d+\.\d+/);
    expect(ran.status).toBe(0);
    const script = `const loader = require(${JSON.stringify(bin)}); console.log(Object.keys(loader).join(' '))`;
    const required = spawnSync(process.execPath, ['-e', script, '--', '--version'], {
      encoding: 'utf8',
      env,
    });
    expect(required.stdout).toBe(
      'runWithCodeCache BUNDLE_HEAD BUNDLE_TAIL readBundle encodeHeader decodeHeader\n',
    );
    expect(required.stderr).toBe('');
    expect(required.status).toBe(0);
  });
});
