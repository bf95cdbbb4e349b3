import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, runCli } from '../helpers/cli.js';
import { makeCertificate, startServer } from '../helpers/http-server.js';

const dir = mkdtempSync(join(tmpdir(), 'retry-run-modules-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI, and the Node modules it loaded. */
async function modulesLoadedBy(args: string[]) {
  const report = join(dir, `modules-${Math.random().toString(36).slice(2)}`);
  const result = await runCli(args, {
    env: {
      NODE_OPTIONS: `--require ${FIXTURES}report-modules.cjs`,
      REPORT_MODULES_TO: report,
    },
  });
  return { result, modules: readFileSync(report, 'utf8').split('\n') };
}

// README "Performance": undici's HTTP/2 support (and the tls it loads) is left out of the
// bundle; retry-run never asks for HTTP/2, and it cost 12 ms of every HTTP run.
describe('what an HTTP run loads', () => {
  it('an http:// request loads neither http2 nor tls', async () => {
    const server = await startServer((_request, response) => response.end('ok'));
    try {
      const { result, modules } = await modulesLoadedBy(['-q', `${server.url}/`]);
      expect(result.code).toBe(0);
      expect(result.stdout).toBe('ok');
      expect(modules).toContain('NativeModule _http_common');
      expect(modules.filter((m) => /\b(http2|tls)\b/.test(m))).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('an https:// request loads tls when it needs it, and still no http2', async () => {
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
      expect(modules.filter((m) => /http2/.test(m))).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
