import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/http-server.js';

const run = promisify(execFile);
const REPO = fileURLToPath(new URL('../../', import.meta.url));
const DIST = join(REPO, 'dist');
const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
  version: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
};

/** Every file of dist/ that Node may load (the type declarations are not). */
function distFiles(dir = DIST): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'types' ? [] : distFiles(path);
    return /\.(c|m)?js$/.test(entry.name) ? [path] : [];
  });
}

/** The packages dist/ imports or requires by name: what must be installed beside it. */
function packagesDistLoads(): string[] {
  const builtins = new Set(builtinModules);
  const names = new Set<string>();
  // import … from 'x', import('x'), require('x') and createRequire(import.meta.url)('x').
  const specifier =
    /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|[Cc]reateRequire\(import\.meta\.url\)\(\s*)["']([^"'.][^"']*)["']/g;
  for (const file of distFiles()) {
    for (const [, name] of readFileSync(file, 'utf8').matchAll(specifier)) {
      if (name!.startsWith('node:') || builtins.has(name!)) continue;
      const parts = name!.split('/');
      names.add(name!.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!);
    }
  }
  return [...names].sort();
}

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

// README, Install: the runtime dependencies are what dist/ loads, nothing more.
describe('runtime dependencies', () => {
  it('are exactly the packages dist/ loads by name', () => {
    expect(packagesDistLoads()).toEqual(Object.keys(manifest.dependencies ?? {}).sort());
  });

  it('npm ls --omit=dev lists only what dist/ loads', async () => {
    const { stdout } = await npm(['ls', '--omit=dev', '--json'], REPO);
    const listed = Object.keys(
      (JSON.parse(stdout) as { dependencies?: object }).dependencies ?? {},
    );
    expect(listed.sort()).toEqual(packagesDistLoads());
  });

  it('pins the undici that scripts/vendor/undici.cjs reaches into (its private lib/ paths)', () => {
    const installed = JSON.parse(
      readFileSync(join(REPO, 'node_modules/undici/package.json'), 'utf8'),
    ) as { version: string };
    expect(manifest.devDependencies?.undici).toBe(installed.version);
  });
});

describe('the packed tarball, installed with --omit=dev', () => {
  let prefix: string;
  let server: TestServer;
  const scratch = mkdtemp(join(tmpdir(), 'retry-run-pack-'));

  beforeAll(async () => {
    const packed = join(await scratch, 'packed');
    prefix = join(await scratch, 'prefix');
    await mkdir(packed);
    // dist/ is already built (npm test builds first); a prepare here would rebuild it under
    // the feet of the tests running beside this one.
    await npm(['pack', '--ignore-scripts', '--pack-destination', packed], REPO);
    const [tarball] = await readdir(packed);
    await npm(['install', '-g', '--omit=dev', '--prefix', prefix, join(packed, tarball!)], REPO);
    server = await startServer((_request, response, n) =>
      n === 1 ? response.writeHead(503).end() : response.end('ok\n'),
    );
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await rm(await scratch, { recursive: true, force: true });
  });

  const installedPackage = () => join(prefix, 'lib', 'node_modules', 'retry-run');
  const retryRun = (args: string[]) =>
    run(join(prefix, 'bin', 'retry-run'), args, { env: { PATH: process.env.PATH, HOME: prefix } });

  it('brings no package dist/ does not load', () => {
    const modules = join(installedPackage(), 'node_modules');
    const installed = existsSync(modules)
      ? readdirSync(modules).filter((name) => !name.startsWith('.'))
      : [];
    expect(installed.sort()).toEqual(packagesDistLoads());
  });

  it('runs: --version, an HTTP request, a command run with a breaker on the file store', async () => {
    expect((await retryRun(['--version'])).stdout).toContain(manifest.version);
    const http = await retryRun(['--base', '0', `${server.url}/ready`]);
    expect(http.stdout).toBe('ok\n');
    const command = await retryRun([
      '--base',
      '0',
      '--breaker',
      'installed',
      '--retry-on',
      'output:/not yet/',
      '--',
      process.execPath,
      '-e',
      'console.log("done")',
    ]);
    expect(command.stdout).toBe('done\n');
  });

  it('loads as a library: the HTTP runner (undici) and an output condition (re2js)', async () => {
    const script = `
      import { retry, createHttpRunner, createCommandRunner, argvCommand, normalizeHttpConfig } from 'retry-run';
      const http = await createHttpRunner({
        http: normalizeHttpConfig({}, ${JSON.stringify(`${server.url}/`)}),
        stdout: process.stdout,
        stdin: process.stdin,
      });
      const fetched = await retry({
        runner: http,
        policy: { baseMs: 0 },
        conditions: { defaults: 'http' },
      });
      await http.close?.();
      const command = createCommandRunner({ command: argvCommand(['true']) });
      const ran = await retry({
        runner: command,
        policy: { baseMs: 0, maxAttempts: 2 },
        conditions: { retryOn: ['output:/again/'] },
      });
      console.log(fetched.outcome, ran.outcome);
    `;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
      cwd: join(prefix, 'lib'),
    });
    expect(stdout).toBe('ok\nsuccess success\n');
  });
});
