import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closedPort, startServer, type Handler, type TestServer } from '../helpers/http-server.js';
import { jsonEvents, runCli } from '../helpers/cli.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
const serve = async (handler: Handler) => (server = await startServer(handler));

/** Answers the listed statuses in turn (the last one repeats), with a body naming the request. */
const statuses =
  (list: number[], headers: Record<string, string> = {}): Handler =>
  (_request, response, n) => {
    const status = list[Math.min(n, list.length) - 1]!;
    response.writeHead(status, status >= 400 ? headers : {});
    response.end(status < 400 ? `body of request ${n}\n` : `error body ${n}\n`);
  };

describe('retry-run <url>: retries and exit codes', () => {
  it('retries 503, 503 and prints only the successful body', async () => {
    const { url } = await serve(statuses([503, 503, 200]));
    const result = await runCli(['-b', '1ms', `${url}/health`]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('body of request 3\n');
    expect(result.stderr).toContain('attempt 1/5 failed (HTTP 503');
    expect(result.stderr).toContain('attempt 2/5 failed (HTTP 503');
    expect(result.stderr).toContain('attempt 3/5 succeeded');
    expect(result.stderr).not.toContain('error body');
    expect(server!.requests.map((r) => r.url)).toEqual(['/health', '/health', '/health']);
  });

  it('exits 22 when the retryable statuses are exhausted, with the events (README, JSON events)', async () => {
    const { url } = await serve(statuses([502]));
    const result = await runCli(['-n', '2', '-b', '0', '--log-format', 'json', url]);
    expect(result.code).toBe(22);
    expect(result.stdout).toBe('');
    const events = jsonEvents(result.stderr);
    expect(events.map((e) => e.event)).toEqual(['start', 'attempt', 'wait', 'attempt', 'summary']);
    expect(events[1]).toMatchObject({ status: 502, reason: 'status:502', retryable: true });
    expect(events[2]).toMatchObject({ source: 'strategy' });
    expect(events[4]).toMatchObject({ outcome: 'exhausted', exitCode: 22 });
  });

  it('does not retry a status outside --retry-on, and honours --retry-on / --stop-on classes', async () => {
    const { url } = await serve(statuses([404, 200]));
    const stopped = await runCli(['-b', '0', url]);
    expect(stopped.code).toBe(22);
    expect(stopped.stderr).toContain('not retried: status:404 is not in --retry-on');
    expect(server!.requests).toHaveLength(1);

    const retried = await runCli(['-b', '0', '--retry-on', '4xx', url]);
    expect(retried.code).toBe(0);

    const onlyStop = await runCli(['-b', '0', '--stop-on', '5xx', `${url}`]);
    expect(onlyStop.code).toBe(0); // request 4 is a 200 already
  });

  it('counts --expect statuses as success', async () => {
    const { url } = await serve(statuses([404]));
    const result = await runCli(['--expect', '404', url]);
    expect(result.code).toBe(0);
  });

  it('exits 56 when the server resets the connection, after retrying', async () => {
    const { url } = await serve((request) => request.socket.destroy());
    const result = await runCli(['-n', '2', '-b', '0', '--log-format', 'json', url]);
    expect(result.code).toBe(56);
    const attempts = jsonEvents(result.stderr).filter((e) => e.event === 'attempt');
    expect(attempts).toHaveLength(2);
    expect(attempts[0]).toMatchObject({ reason: 'connection:ECONNRESET', retryable: true });
  });

  it('exits 7 when the connection is refused', async () => {
    const port = await closedPort();
    const result = await runCli(['-n', '2', '-b', '0', `http://127.0.0.1:${port}/`]);
    expect(result.code).toBe(7);
    expect(result.stderr).toContain('attempt 2/2 failed (connection:ECONNREFUSED');
  });

  it('exits 28 when the server is too slow for --timeout, headers or body', async () => {
    await serve((request, response) => {
      if (request.url === '/slow-body') {
        response.writeHead(200);
        response.write('partial');
      } // otherwise: never answer; the server's close ends the sockets
    });
    const noHeaders = await runCli(['-n', '2', '-b', '0', '-t', '300ms', `${server!.url}/`]);
    expect(noHeaders.code).toBe(28);
    expect(noHeaders.stderr).toContain('attempt 2/2 failed (timed out');
    expect(noHeaders.stderr).toContain('(--timeout)');

    const slowBody = await runCli(['-n', '1', '-t', '300ms', `${server!.url}/slow-body`]);
    expect(slowBody.code).toBe(28);
  });
});

describe('interrupts', () => {
  it('ends a hanging request at once on SIGINT and exits 130, leaving no --output file', async () => {
    let received!: () => void;
    const requestSeen = new Promise<void>((resolve) => (received = resolve));
    await serve((_request, response) => {
      response.writeHead(200);
      response.write('some of the body');
      received(); // and never end it
    });
    const dir = mkdtempSync(join(tmpdir(), 'retry-run-int-'));
    const result = await runCli(['-o', join(dir, 'out'), '--', `${server!.url}/`], {
      onSpawn: (child) => void requestSeen.then(() => setTimeout(() => child.kill('SIGINT'), 100)),
    });
    expect(result.code).toBe(130);
    expect(result.stderr).toContain('interrupted');
    expect(server!.requests).toHaveLength(1);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('server-directed waits', () => {
  it('waits as Retry-After (delay-seconds) says, with source "server"', async () => {
    const { url } = await serve(statuses([503, 200], { 'Retry-After': '1' }));
    const result = await runCli(['-b', '1ms', '--log-format', 'json', url]);
    expect(result.code).toBe(0);
    const wait = jsonEvents(result.stderr).find((e) => e.event === 'wait');
    expect(wait).toMatchObject({ delayMs: 1000, source: 'server' });
  });

  it("measures a Retry-After HTTP-date against the response's Date header", async () => {
    // Both dates lie far in the past: only the difference between them may count.
    const { url } = await serve(
      statuses([503, 200], {
        Date: 'Mon, 01 Jan 2001 00:00:00 GMT',
        'Retry-After': 'Mon, 01 Jan 2001 00:00:01 GMT',
      }),
    );
    const result = await runCli(['-b', '1ms', '--log-format', 'json', url]);
    expect(result.code).toBe(0);
    const wait = jsonEvents(result.stderr).find((e) => e.event === 'wait');
    expect(wait).toMatchObject({ delayMs: 1000, source: 'server' });
  });

  it('reads RateLimit t on a 429', async () => {
    const { url } = await serve(statuses([429, 200], { RateLimit: '"default";r=0;t=1' }));
    const result = await runCli(['-b', '1ms', url]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('waiting 1s before attempt 2 (asked by the server)');
  });

  it('bounds the wait by --max-server-wait and ignores it with --no-server-wait', async () => {
    const { url } = await serve(statuses([503, 200, 503, 200], { 'Retry-After': '3600' }));
    const bounded = await runCli([
      '-b',
      '1ms',
      '--max-server-wait',
      '200ms',
      '--log-format',
      'json',
      url,
    ]);
    expect(bounded.code).toBe(0);
    expect(jsonEvents(bounded.stderr).find((e) => e.event === 'wait')).toMatchObject({
      delayMs: 200,
      source: 'server',
    });
    const ignored = await runCli([
      '-s',
      'fixed',
      '-b',
      '1ms',
      '--no-server-wait',
      '--log-format',
      'json',
      url,
    ]);
    expect(ignored.code).toBe(0);
    expect(jsonEvents(ignored.stderr).find((e) => e.event === 'wait')).toMatchObject({
      delayMs: 1,
      source: 'strategy',
    });
  });

  it('ends at once, saying why, when the asked wait would pass --deadline', async () => {
    const { url } = await serve(statuses([503], { 'Retry-After': '120' }));
    const result = await runCli(['-b', '1ms', '--deadline', '30s', url]);
    expect(result.code).toBe(22);
    expect(server!.requests).toHaveLength(1);
    expect(result.stderr).toContain(
      '✖ deadline: the wait of 2m the server asked for would pass the deadline of 30s (1 attempt',
    );
  });
});

describe('idempotency', () => {
  it('does not retry a POST, and says why', async () => {
    const { url } = await serve(statuses([503, 200]));
    const result = await runCli(['-b', '0', '-d', 'name=x', url]);
    expect(result.code).toBe(22);
    expect(server!.requests).toHaveLength(1);
    expect(server!.requests[0]).toMatchObject({ method: 'POST', body: 'name=x' });
    expect(result.stderr).toContain(
      'not retried: POST is not idempotent and may have taken effect; give --idempotency-key or --retry-unsafe to retry it',
    );
  });

  it('retries a POST with --idempotency-key auto, the same key on every attempt', async () => {
    const { url } = await serve(statuses([503, 503, 201]));
    const result = await runCli(['-b', '0', '--json', '{"a":1}', '--idempotency-key', 'auto', url]);
    expect(result.code).toBe(0);
    const keys = server!.requests.map((r) => r.headers['idempotency-key']);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(server!.requests.map((r) => r.body)).toEqual(['{"a":1}', '{"a":1}', '{"a":1}']);
    expect(server!.requests[0]!.headers['content-type']).toBe('application/json');
  });

  it('retries a PATCH with --retry-unsafe, and a POST whose connection was refused', async () => {
    const { url } = await serve(statuses([500, 200]));
    const unsafe = await runCli(['-b', '0', '-X', 'PATCH', '-d', 'x', '--retry-unsafe', url]);
    expect(unsafe.code).toBe(0);
    expect(server!.requests.map((r) => r.method)).toEqual(['PATCH', 'PATCH']);

    const port = await closedPort();
    const refused = await runCli(['-n', '2', '-b', '0', '-d', 'x', `http://127.0.0.1:${port}/`]);
    expect(refused.code).toBe(7);
    expect(refused.stderr).toContain('attempt 2/2 failed');
  });
});
