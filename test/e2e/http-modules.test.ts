import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, runCli } from '../helpers/cli.js';
import { makeCertificate, startServer } from '../helpers/http-server.js';

const dir = mkdtempSync(join(tmpdir(), 'retry-run-modules-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI, and the Node modules, script files and WebAssembly it loaded. */
async function modulesLoadedBy(args: string[], env: NodeJS.ProcessEnv = {}) {
  const report = join(dir, `modules-${Math.random().toString(36).slice(2)}`);
  const result = await runCli(args, {
    env: {
      NODE_OPTIONS: `--require ${FIXTURES}report-modules.cjs`,
      REPORT_MODULES_TO: report,
      ...env,
    },
  });
  return { result, modules: readFileSync(report, 'utf8').split('\n') };
}

const undiciOf = (modules: string[]) => modules.filter((m) => /undici|WebAssembly/.test(m));

// README "HTTP mode" and "Performance": a request without a proxy goes through Node's own
// HTTP client; undici (a library to load, and its WebAssembly parser to compile on every run)
// only when a proxy variable is set. undici's HTTP/2 support, and the tls it loads, never.
describe('what an HTTP run loads', () => {
  it('an http:// request loads neither undici nor WebAssembly, http2 nor tls', async () => {
    const server = await startServer((_request, response) => response.end('ok'));
    try {
      const { result, modules } = await modulesLoadedBy(['-q', `${server.url}/`]);
      expect(result.code).toBe(0);
      expect(result.stdout).toBe('ok');
      expect(modules).toContain('NativeModule _http_client');
      expect(modules.some((m) => /^script .*cli\.cjs$/.test(m))).toBe(true);
      expect(undiciOf(modules)).toEqual([]);
      expect(modules.filter((m) => /\b(http2|tls)\b/.test(m))).toEqual([]);
      // Read only for a body of `-d @-`.
      expect(modules).not.toContain('created process.stdin');
    } finally {
      await server.close();
    }
  });

  it('reads stdin for a body of -d @-, and only then', async () => {
    const server = await startServer((_request, response) => response.end('ok'));
    try {
      const report = join(dir, 'modules-stdin');
      const result = await runCli(['-q', '-X', 'POST', '-d', '@-', `${server.url}/`], {
        input: 'from stdin',
        env: {
          NODE_OPTIONS: `--require ${FIXTURES}report-modules.cjs`,
          REPORT_MODULES_TO: report,
        },
      });
      expect(result.code).toBe(0);
      expect(server.requests.map((request) => request.body)).toEqual(['from stdin']);
      expect(readFileSync(report, 'utf8').split('\n')).toContain('created process.stdin');
    } finally {
      await server.close();
    }
  });

  it('an https:// request loads tls when it needs it, and still no undici nor http2', async () => {
    const tls = makeCertificate();
    const server = await startServer((_request, response) => response.end('secure'), tls);
    try {
      const { result, modules } = await modulesLoadedBy([
        '-q',
        '--cacert',
        tls.certPath,
        `${server.url}/`,
      ]);
      expect(result.code).toBe(0);
      expect(result.stdout).toBe('secure');
      expect(modules).toContain('NativeModule tls');
      expect(undiciOf(modules)).toEqual([]);
      expect(modules.filter((m) => /http2/.test(m))).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('with a proxy variable set, the request goes through undici (still no http2)', async () => {
    const proxy = await startServer((request, response) => response.end(`via ${request.url}`));
    try {
      const target = 'http://example.test/';
      const { result, modules } = await modulesLoadedBy(['-q', target], {
        HTTP_PROXY: proxy.url,
      });
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(`via ${target}`);
      expect(modules.some((m) => /^script .*vendor[\\/]undici\.cjs$/.test(m))).toBe(true);
      expect(modules).toContain('WebAssembly');
      expect(modules.filter((m) => /http2/.test(m))).toEqual([]);
    } finally {
      await proxy.close();
    }
  });
});

// README "Performance": a plain run makes neither stream; its command inherits the descriptors.
describe('what a plain command run creates', () => {
  it('neither process.stdin nor process.stdout', async () => {
    const { result, modules } = await modulesLoadedBy(['-q', '--', 'true']);
    expect(result.code).toBe(0);
    expect(modules).not.toContain('created process.stdin');
    expect(modules).not.toContain('created process.stdout');
  });
});
