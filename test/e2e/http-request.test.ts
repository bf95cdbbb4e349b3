import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  closedPort,
  makeCertificate,
  startServer,
  type Handler,
  type TestServer,
  type TlsFiles,
} from '../helpers/http-server.js';
import { jsonEvents, runCli } from '../helpers/cli.js';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
const serve = async (handler: Handler, tls?: TlsFiles) => {
  const server = await startServer(handler, tls);
  servers.push(server);
  return server;
};
const emptyDir = () => mkdtempSync(join(tmpdir(), 'retry-run-out-'));

describe('--output', () => {
  it('writes the body to the file only on success, and nothing to stdout', async () => {
    const { url } = await serve((_request, response, n) => {
      if (n === 1) {
        response.writeHead(200, { 'Content-Length': '1000' });
        response.write('half of the body'); // then the connection dies mid-body
        setTimeout(() => response.destroy(), 20);
      } else {
        response.end('the whole body\n');
      }
    });
    const dir = emptyDir();
    const result = await runCli(['-b', '0', '-o', join(dir, 'out.txt'), url]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('attempt 1/5 failed (connection:ECONNRESET');
    expect(readdirSync(dir)).toEqual(['out.txt']);
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toBe('the whole body\n');
  });

  it('leaves no file at all, partial or temporary, when the run fails', async () => {
    const { url } = await serve((_request, response) => {
      response.writeHead(200, { 'Content-Length': '1000' });
      response.write('partial');
      setTimeout(() => response.destroy(), 20);
    });
    const dir = emptyDir();
    const result = await runCli(['-n', '2', '-b', '0', '-o', join(dir, 'out.txt'), url]);
    expect(result.code).toBe(56);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('is a usage error when the directory cannot be written', async () => {
    const { url } = await serve((_request, response) => response.end('x'));
    const result = await runCli(['-o', '/nonexistent-dir/out.txt', url]);
    expect(result.code).toBe(125);
    expect(result.stderr).toContain("--output: cannot write to '/nonexistent-dir'");
  });
});

describe('the body on stdout', () => {
  it('streams a large successful body through unchanged', async () => {
    const chunk = 'x'.repeat(64 * 1024);
    const { url } = await serve((_request, response) => {
      for (let i = 0; i < 64; i++) response.write(chunk);
      response.end('END');
    });
    const result = await runCli([url]);
    expect(result.code).toBe(0);
    expect(result.stdout.length).toBe(64 * chunk.length + 3);
    expect(result.stdout.endsWith('xEND')).toBe(true);
  });

  it('does not retry once part of the body reached stdout', async () => {
    const { url } = await serve((_request, response) => {
      response.writeHead(200, { 'Content-Length': '100000' });
      response.write('partial');
      setTimeout(() => response.destroy(), 50);
    });
    const result = await runCli(['-b', '0', url]);
    expect(result.code).toBe(56);
    expect(result.stdout).toBe('partial');
    expect(result.stderr).toContain(
      'not retried: 7 bytes of the body already went to stdout; use --output to make such a download retryable',
    );
  });

  it('--expect-body retries a body that does not match, like a 503', async () => {
    const { url } = await serve((_request, response, n) => {
      response.end(n < 3 ? '{"status":"starting"}' : '{"status":"ready"}');
    });
    const result = await runCli(['-b', '0', '-v', '--expect-body', '"ready"', url]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('{"status":"ready"}');
    expect(result.stderr).toContain('the body does not match --expect-body /"ready"/');
    expect(result.stderr).toContain('matches --retry-on 503 (body mismatch counts as 503)');
    expect(result.stderr).toContain('  | {"status":"starting"}');

    const notRetried = await runCli([
      '-b',
      '0',
      '--retry-on',
      '404',
      '--expect-body',
      '/READY/i',
      url,
    ]);
    expect(notRetried.code).toBe(0); // request 4 already answers "ready", matched case-insensitively
  });

  it('shows a failed body only in the -v log', async () => {
    const { url } = await serve((_request, response) => {
      response.writeHead(500);
      response.end('stack trace line 1\nline 2\n');
    });
    const quiet = await runCli(['-n', '1', url]);
    expect(quiet.stdout).toBe('');
    expect(quiet.stderr).not.toContain('stack trace');
    const verbose = await runCli(['-n', '1', '-v', url]);
    expect(verbose.stdout).toBe('');
    expect(verbose.stderr).toContain('response body:');
    expect(verbose.stderr).toContain('  | stack trace line 1');
  });
});

describe('the request', () => {
  it('sends -X, -H and the -d @- body read once from stdin on every attempt', async () => {
    const { url, requests } = await serve((_request, response, n) => {
      response.writeHead(n === 1 ? 503 : 204);
      response.end();
    });
    const result = await runCli(
      [
        '-b',
        '0',
        '-X',
        'put',
        '-H',
        'X-Trace: abc',
        '-H',
        'Content-Type: text/plain',
        '-d',
        '@-',
        url,
      ],
      { input: 'payload from stdin' },
    );
    expect(result.code).toBe(0);
    expect(
      requests.map((r) => [r.method, r.body, r.headers['x-trace'], r.headers['content-type']]),
    ).toEqual([
      ['PUT', 'payload from stdin', 'abc', 'text/plain'],
      ['PUT', 'payload from stdin', 'abc', 'text/plain'],
    ]);
  });

  it('reads -d @file and follows redirects up to --max-redirs', async () => {
    const dir = emptyDir();
    const bodyFile = join(dir, 'body.json');
    await import('node:fs/promises').then((fs) => fs.writeFile(bodyFile, '{"from":"file"}'));
    const { url, requests } = await serve((request, response) => {
      if (request.url === '/old') {
        response.writeHead(307, { Location: '/new' });
        response.end();
      } else {
        response.end(`landed on ${request.url}`);
      }
    });
    const followed = await runCli(['--json', `@${bodyFile}`, `${url}/old`]);
    expect(followed.code).toBe(0);
    expect(followed.stdout).toBe('landed on /new');
    expect(requests.map((r) => [r.method, r.url, r.body])).toEqual([
      ['POST', '/old', '{"from":"file"}'],
      ['POST', '/new', '{"from":"file"}'],
    ]);

    const refused = await runCli(['--max-redirs', '0', `${url}/old`]);
    expect(refused.code).toBe(47);
    expect(refused.stderr).toContain('HTTP 307');
    expect(refused.stderr).toContain('too many redirects: more than 0 (--max-redirs 0)');
  });

  it('goes through HTTP_PROXY, but not for hosts in NO_PROXY', async () => {
    const proxy = await serve((request, response) => response.end(`proxied ${request.url}`));
    const port = await closedPort();
    const target = `http://127.0.0.1:${port}/via`;
    const proxied = await runCli(['-n', '1', target], { env: { HTTP_PROXY: proxy.url } });
    expect(proxied.code).toBe(0);
    expect(proxied.stdout).toBe(`proxied ${target}`);
    const direct = await runCli(['-n', '1', target], {
      env: { HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' },
    });
    expect(direct.code).toBe(7);
    expect(proxy.requests).toHaveLength(1);
  });
});

describe('HTTPS', () => {
  let tls: TlsFiles;
  beforeAll(() => {
    tls = makeCertificate();
  });

  it('rejects an unknown certificate with exit 35, and accepts it with --cacert or -k', async () => {
    const { url } = await serve((_request, response) => response.end('secure hello'), tls);
    const rejected = await runCli(['-n', '2', '-b', '0', url]);
    expect(rejected.code).toBe(35);
    expect(rejected.stderr).toContain('attempt 2/2 failed (connection:DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(rejected.stderr).toContain('(see --cacert, -k)');

    const trusted = await runCli(['--cacert', tls.certPath, url]);
    expect(trusted.code).toBe(0);
    expect(trusted.stdout).toBe('secure hello');

    const insecure = await runCli(['-k', url]);
    expect(insecure.code).toBe(0);
    expect(insecure.stdout).toBe('secure hello');
  });

  it('tunnels through HTTPS_PROXY with CONNECT, still checking the certificate', async () => {
    const { url } = await serve((_request, response) => response.end('tunnelled hello'), tls);
    const tunnels: string[] = [];
    const proxy = createServer();
    proxy.on('connect', (request: IncomingMessage, client: Socket) => {
      tunnels.push(request.url ?? '');
      const [host, port] = (request.url ?? '').split(':');
      const upstream = connect(Number(port), host, () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.pipe(client).pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    try {
      const result = await runCli(['-n', '1', '--cacert', tls.certPath, url], {
        env: { HTTPS_PROXY: proxyUrl },
      });
      expect(result.code).toBe(0);
      expect(result.stdout).toBe('tunnelled hello');
      expect(tunnels).toEqual([url.replace('https://', '')]);
    } finally {
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
    }
  });
});

describe('secrets', () => {
  it('never shows credential headers or URL passwords in logs, JSON events or --dry-run', async () => {
    const { url, requests } = await serve((request, response) => {
      response.writeHead(503);
      response.end(`you sent ${request.headers.authorization} and ${request.headers['x-api-key']}`);
    });
    const withPassword = url.replace('http://', 'http://alice:pa55word-42@');
    const args = [
      '-n',
      '2',
      '-b',
      '0',
      '-H',
      'X-Api-Key: key-0123456789',
      `${withPassword}/?access_token=tok-987654`,
    ];
    const secrets = [
      'pa55word-42',
      'key-0123456789',
      'tok-987654',
      Buffer.from('alice:pa55word-42').toString('base64'),
    ];
    const runs = await Promise.all([
      runCli(['-v', ...args]),
      runCli(['--log-format', 'json', ...args]),
      runCli(['--dry-run', ...args]),
    ]);
    for (const run of runs) {
      for (const secret of secrets) expect(run.stderr).not.toContain(secret);
    }
    const [verbose, json, dryRun] = runs;
    expect(verbose!.stderr).toContain('running GET http://alice:***@127.0.0.1:');
    expect(verbose!.stderr).toContain('you sent *** and ***');
    expect(jsonEvents(json!.stderr)[0]!.command).toMatch(
      /^GET http:\/\/alice:\*\*\*@127\.0\.0\.1:\d+\/\?access_token=\*\*\*$/,
    );
    expect(dryRun!.stderr).toContain('  X-Api-Key: ***');
    expect(dryRun!.stderr).toContain('  Authorization: ***');
    // The server still got the real credentials, as Basic auth from the URL.
    expect(requests[0]!.headers.authorization).toBe(`Basic ${secrets[3]}`);
    expect(requests[0]!.headers['x-api-key']).toBe('key-0123456789');
  });
});

describe('HTTP usage errors', () => {
  it.each([
    [['-H', 'no colon here', 'http://127.0.0.1:9/'], "--header: expected 'Name: value'"],
    [['--expect', '7xx', 'http://127.0.0.1:9/'], '--expect: expected statuses'],
    [
      ['-d', 'a', '--json', '{}', 'http://127.0.0.1:9/'],
      '--data and --json cannot be used together',
    ],
    [['--expect-body', '(', 'http://127.0.0.1:9/'], '--expect-body: invalid regular expression'],
    [['--max-redirs', '-1', 'http://127.0.0.1:9/'], '--max-redirs: expected a whole number'],
    [['--cacert', '/no/such.pem', 'http://127.0.0.1:9/'], "--cacert: cannot read '/no/such.pem'"],
    [['-d', '@/no/such-file', 'http://127.0.0.1:9/'], "--data: cannot read '/no/such-file'"],
    [['-H', 'X: y', '--', 'true'], '--header: works in HTTP mode only'],
  ])('%j exits 125 and sends nothing', async (args, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(125);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toContain('attempt');
  });
});
