import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/http-server.js';

/** The real curl on this machine, if any: without it these tests are skipped, and say so. */
const curlVersion = (() => {
  try {
    return execFileSync('curl', ['--version'], { encoding: 'utf8' }).split('\n')[0];
  } catch {
    return undefined;
  }
})();
if (!curlVersion) console.warn('skipping status-aware default e2e tests: curl is not installed');

describe.skipIf(!curlVersion)(`status-aware defaults: wrapped ${curlVersion ?? 'curl'}`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer((request, response) => {
      const status = Number(request.url?.split('/')[1]) || 200;
      response.writeHead(status, { 'content-type': 'text/plain' }).end('body\n');
    });
  });
  afterAll(() => server.close());
  const curl = (status: number) => ['--', 'curl', '-fsS', `${server.url}/${status}`];

  it('does not retry a 404: one attempt, and the log says why', async () => {
    const result = await runCli(['-b', '0', '-n', '3', ...curl(404)]);
    expect(result.code).toBe(22);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /attempt 1\/3 failed \(exit 22, HTTP 404, \d+ms\); not retried: HTTP 404 from curl is permanent \(--retry-on any retries it\)/,
    );
    expect(result.stderr).not.toMatch(/attempt 2/);
  });

  it.each([503, 429])('retries a %i', async (status) => {
    const result = await runCli(['-b', '0', '-n', '3', ...curl(status)]);
    expect(result.code).toBe(22);
    expect(result.stderr).toContain(`retryable: HTTP ${status} from curl is retried by default`);
    expect(result.stderr).toMatch(/attempt 3\/3 failed/);
  });

  it('--retry-on any brings the retries back', async () => {
    const result = await runCli(['-b', '0', '-n', '2', '--retry-on', 'any', ...curl(404)]);
    expect(result.code).toBe(22);
    expect(result.stderr).toMatch(/attempt 2\/2 failed/);
  });
});
