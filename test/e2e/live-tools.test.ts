import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/http-server.js';

/**
 * The real tools installed here, wrapped by the built binary against a loopback server that
 * answers 503, 429, 404, 403, 401, and against a closed port (README "Known tools"). Each tool
 * is told not to retry on its own, so the attempts counted are retry-run's. A tool that is
 * not installed is skipped with a printed reason; its transcript still covers it.
 */
type Case = '503' | '429' | '404' | '403' | '401' | 'closed';
const RETRIED: Record<Case, boolean> = {
  503: true,
  429: true,
  404: false,
  403: false,
  401: false,
  closed: true,
};

const home = mkdtempSync(join(tmpdir(), 'live-tools-'));
const env = {
  HOME: home,
  LANG: 'C.UTF-8',
  GIT_TERMINAL_PROMPT: '0',
  AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'example',
  AWS_DEFAULT_REGION: 'us-east-1',
  AWS_MAX_ATTEMPTS: '1',
  AWS_EC2_METADATA_DISABLED: 'true',
  npm_config_cache: join(home, 'npm-cache'),
  npm_config_update_notifier: 'false',
  KUBECONFIG: join(home, 'kubeconfig'),
};

interface LiveTool {
  version: string[];
  /** `base` is http://127.0.0.1:<port>/<status>, or the closed port's URL. */
  argv: (base: string, closedPort: number) => string[];
  /** The log's words for each case (after `retryable: ` or `not retried: `). */
  says: Partial<Record<Case, RegExp>>;
}

const TOOLS: Record<string, LiveTool> = {
  git: {
    version: ['git', '--version'],
    argv: (base) => ['git', 'ls-remote', `${base}/x`],
    says: {
      503: /HTTP 503 from git is retried/,
      429: /HTTP 429 from git is retried/,
      404: /git says repository not found: permanent \(not-found\)/,
      403: /HTTP 403 from git is permanent/,
      401: /git says could not read Username \(terminal prompts disabled\): permanent \(auth\)/,
    },
  },
  npm: {
    version: ['npm', '--version'],
    argv: (base) => ['npm', 'ping', `--registry=${base}/`, '--fetch-retries=0'],
    says: {
      503: /HTTP 503 from npm is retried/,
      429: /HTTP 429 from npm is retried/,
      404: /HTTP 404 from npm is permanent/,
      403: /HTTP 403 from npm is permanent/,
      401: /HTTP 401 from npm is permanent/,
    },
  },
  kubectl: {
    version: ['kubectl', 'version', '--client'],
    argv: (base) => ['kubectl', `--server=${base}`, '--request-timeout=5s', 'get', 'pods'],
    says: {
      503: /kubectl says ServiceUnavailable \(503\) is retried/,
      429: /kubectl says TooManyRequests \(429\) is retried/,
      404: /kubectl says NotFound \(404\) is permanent/,
      403: /kubectl says Forbidden \(403\) is permanent/,
      401: /kubectl says You must be logged in to the server \(401\) is permanent/,
    },
  },
  aws: {
    version: ['aws', '--version'],
    argv: (base) => ['aws', '--endpoint-url', base, 's3', 'ls'],
    says: {
      503: /HTTP 503 from aws is retried/,
      429: /HTTP 429 from aws is retried/,
      404: /HTTP 404 from aws is permanent/,
      403: /HTTP 403 from aws is permanent/,
      401: /HTTP 401 from aws is permanent/,
    },
  },
  wget: {
    version: ['wget', '--version'],
    argv: (base) => ['wget', '--tries=1', '-O', '/dev/null', `${base}/x`],
    says: {
      503: /HTTP 503 from wget is retried/,
      429: /HTTP 429 from wget is retried/,
      404: /HTTP 404 from wget is permanent/,
      403: /HTTP 403 from wget is permanent/,
      401: /wget says username\/password authentication failure: permanent \(auth\)/,
    },
  },
  // ssh speaks no HTTP: only the closed port applies.
  ssh: {
    version: ['ssh', '-V'],
    argv: (_base, closedPort) => [
      'ssh',
      '-o',
      'BatchMode=yes',
      '-p',
      String(closedPort),
      'user@127.0.0.1',
      'true',
    ],
    says: {},
  },
};

function installed(argv: string[]): string | undefined {
  try {
    const out = execFileSync(argv[0]!, argv.slice(1), { encoding: 'utf8', stdio: 'pipe' });
    return out.split('\n')[0] || argv[0];
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr;
    // `ssh -V` prints its version on stderr and exits 0; a missing tool throws ENOENT.
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : stderr || argv[0];
  }
}

let server: TestServer;
let closed: Server;
let closedPort: number;
beforeAll(async () => {
  // No Retry-After on the 429: kubectl and aws would otherwise wait for it themselves.
  server = await startServer((request, response) => {
    const status = Number(request.url?.split('/')[1]) || 200;
    response.writeHead(status, { 'content-type': 'text/plain' }).end('body\n');
  });
  // A port that was free a moment ago: listen, note it, close.
  closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  closedPort = (closed.address() as { port: number }).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
});
afterAll(() => server?.close());

for (const [name, tool] of Object.entries(TOOLS)) {
  const version = installed(tool.version);
  if (!version) console.warn(`skipping live ${name} tests: ${name} is not installed here`);
  const cases = (Object.keys(RETRIED) as Case[]).filter(
    (c) => c === 'closed' || tool.says[c] !== undefined,
  );
  describe.skipIf(!version).concurrent(`live ${name} (${version ?? 'absent'})`, () => {
    // Two attempts show a retry as well as three, at two thirds of the cost: aws alone takes
    // about a second of CPU per call.
    it.each(cases)('%s', { timeout: 60_000 }, async (c) => {
      const base = c === 'closed' ? `http://127.0.0.1:${closedPort}/503` : `${server.url}/${c}`;
      const result = await runCli(['-n', '2', '-b', '1ms', '--', ...tool.argv(base, closedPort)], {
        env,
      });
      expect(result.code).not.toBe(0);
      expect(result.stdout).toBe('');
      const attempts = RETRIED[c] ? 2 : 1;
      expect(result.stderr).toContain(`attempt ${attempts}/2 failed`);
      expect(result.stderr).not.toContain(`attempt ${attempts + 1}/2`);
      if (c === 'closed') expect(result.stderr).toMatch(/attempt 1\/2 failed \(connection/);
      else {
        expect(result.stderr).toMatch(RETRIED[c] ? /; retryable: / : /; not retried: /);
        expect(result.stderr).toMatch(tool.says[c]!);
      }
    });
  });
}
