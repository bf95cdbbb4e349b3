import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import {
  makeCertificate,
  startServer,
  type Handler,
  type TestServer,
} from '../helpers/http-server.js';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
const serve = async (handler: Handler, tls?: Parameters<typeof startServer>[1]) => {
  const server = await startServer(handler, tls);
  servers.push(server);
  return server;
};
/** Answers every request with a redirect to `location` (a function of the request number). */
const redirectTo =
  (location: (n: number) => string, status = 302): Handler =>
  (_request, response, n) => {
    response.writeHead(status, { Location: location(n) });
    response.end();
  };
const landing: Handler = (request, response) => response.end(`landed on ${request.url}`);

/** Headers that must stay on their origin, as the server sees them. */
const PRIVATE = {
  'x-api-key': 'key-0123456789',
  'x-custom-trace': 'trace-42',
  authorization: 'Bearer bearer-0123456789',
};
const CREDENTIALS = [
  ...Object.entries(PRIVATE).flatMap(([name, value]) => ['-H', `${name}: ${value}`]),
  '-H',
  'Accept: text/plain',
];
const expectNoPrivateHeaders = (headers: Record<string, unknown>) => {
  for (const name of Object.keys(PRIVATE)) expect(headers[name]).toBeUndefined();
};

describe('redirects: credentials stay on their origin', () => {
  it('sends -H headers to the first origin but only safe ones to another origin', async () => {
    const b = await serve(landing);
    const a = await serve(redirectTo(() => `${b.url}/landing`));
    const result = await runCli([...CREDENTIALS, `${a.url}/start`]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('landed on /landing');
    expect(a.requests[0]!.headers).toMatchObject(PRIVATE);
    expectNoPrivateHeaders(b.requests[0]!.headers);
    expect(b.requests[0]!.headers.accept).toBe('text/plain');
  });

  it('keeps every header on a same-origin redirect', async () => {
    const a = await serve((request, response) =>
      request.url === '/old'
        ? redirectTo(() => '/new', 307)(request, response, 1)
        : landing(request, response, 1),
    );
    const result = await runCli([...CREDENTIALS, `${a.url}/old`]);
    expect(result.code).toBe(0);
    expect(a.requests[1]!.headers).toMatchObject(PRIVATE);
  });

  it('drops the basic credentials of the URL on a cross-origin redirect', async () => {
    const b = await serve(landing);
    const a = await serve(redirectTo(() => `${b.url}/landing`));
    const result = await runCli([a.url.replace('//', '//user:pass-0123456789@')]);
    expect(result.code).toBe(0);
    expect(a.requests[0]!.headers.authorization).toMatch(/^Basic /);
    expect(b.requests[0]!.headers.authorization).toBeUndefined();
  });

  it('--location-trusted sends every header to the other origin', async () => {
    const b = await serve(landing);
    const a = await serve(redirectTo(() => `${b.url}/landing`));
    const result = await runCli(['--location-trusted', ...CREDENTIALS, `${a.url}/start`]);
    expect(result.code).toBe(0);
    expect(b.requests[0]!.headers).toMatchObject(PRIVATE);
  });

  it('an https to http redirect drops the credentials even with --location-trusted', async () => {
    const tls = makeCertificate();
    const plain = await serve(landing);
    const secure = await serve(
      redirectTo(() => `${plain.url}/landing`),
      tls,
    );
    const result = await runCli([
      '--location-trusted',
      '--cacert',
      tls.certPath,
      ...CREDENTIALS,
      `${secure.url}/start`,
    ]);
    expect(result.code).toBe(0);
    expect(secure.requests[0]!.headers['x-api-key']).toBe('key-0123456789');
    expectNoPrivateHeaders(plain.requests[0]!.headers);
  });
});

describe('redirects that are permanent failures', () => {
  it.each([
    ['file:///etc/passwd', 'file:'],
    ['ftp://127.0.0.1/pub/file', 'ftp:'],
  ])('a redirect to %s: one attempt, exit 1, a clear message', async (location, scheme) => {
    const a = await serve(redirectTo(() => location));
    const result = await runCli(['-n', '3', '-b', '0', `${a.url}/start`]);
    expect(result.code).toBe(1);
    expect(a.requests).toHaveLength(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`redirect to a ${scheme} URL refused`);
    expect(result.stderr).toContain('attempt 1/3 failed');
    expect(result.stderr).not.toContain('attempt 2/3');
  });

  it('a redirect loop A -> B -> A: one attempt, exit 47, even with --retry-on any', async () => {
    let aUrl = '';
    const b = await serve(redirectTo(() => `${aUrl}/start`));
    const a = await serve(redirectTo(() => `${b.url}/middle`));
    aUrl = a.url;
    const result = await runCli(['-n', '3', '-b', '0', '--retry-on', 'any', `${a.url}/start`]);
    expect(result.code).toBe(47);
    expect(a.requests).toHaveLength(1);
    expect(b.requests).toHaveLength(1);
    expect(result.stderr).toContain(
      `redirect loop: ${a.url}/start -> ${b.url}/middle -> ${a.url}/start`,
    );
    expect(result.stderr).toContain('not retried: a retry would be redirected the same way');
    expect(result.stderr).not.toContain('attempt 2/3');
  });

  it('more redirects than --max-redirs: one attempt, exit 47', async () => {
    const a = await serve(redirectTo((n) => `/hop${n}`));
    const result = await runCli(['--max-redirs', '2', '-n', '3', '-b', '0', `${a.url}/start`]);
    expect(result.code).toBe(47);
    expect(a.requests.map((r) => r.url)).toEqual(['/start', '/hop1', '/hop2']);
    expect(result.stderr).toContain('too many redirects: more than 2 (--max-redirs 2)');
    expect(result.stderr).not.toContain('attempt 2/3');
  });

  it('--max-redirs 0 with --expect 3xx: the redirect itself is the expected answer', async () => {
    const a = await serve(redirectTo(() => '/elsewhere', 301));
    const result = await runCli(['--max-redirs', '0', '--expect', '301', `${a.url}/start`]);
    expect(result.code).toBe(0);
    expect(a.requests).toHaveLength(1);
  });
});

describe('-H with a line break', () => {
  it.each([['X: a\r\nY: b'], ['\nX-Injected: 1'], ['X-Name\r: a']])(
    'is a usage error (125): %j',
    async (header) => {
      const result = await runCli(['-H', header, 'http://127.0.0.1:1/']);
      expect(result.code).toBe(125);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('--header: a header cannot hold a line break (CR or LF)');
    },
  );
});
