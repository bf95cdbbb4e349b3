import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, runCli } from '../helpers/cli.js';
import { closedPort, startServer } from '../helpers/http-server.js';

// README, HTTP mode: without a proxy variable, requests go through Node's own HTTP client; with
// one, through undici. Both must keep every promise of HTTP mode; these check the ones a
// transport keeps: connections, limits, the request as sent.

const open: Array<{ close(): Promise<unknown> }> = [];
afterEach(async () => {
  for (const server of open.splice(0)) await server.close();
});

/**
 * A raw TCP server on 127.0.0.1: `onConnection` gets every socket and may write what it
 * likes, or nothing. Counts connections; closing it ends them all.
 */
async function rawServer(onConnection: (socket: Socket) => void) {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    onConnection(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const handle = {
    port: (server.address() as AddressInfo).port,
    get connections() {
      return sockets.size;
    },
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(resolve));
    },
  };
  open.push(handle);
  return handle;
}

/** Calls `onHead` with each request head (text up to the blank line) a socket receives. */
function onRequestHeads(socket: Socket, onHead: (head: string) => void) {
  let buffered = '';
  socket.on('data', (chunk) => {
    buffered += chunk.toString('latin1');
    let end: number;
    while ((end = buffered.indexOf('\r\n\r\n')) >= 0) {
      onHead(buffered.slice(0, end));
      buffered = buffered.slice(end + 4);
    }
  });
}

/** A safety net only: the limits under test end these runs long before it. */
const SAFETY = ['--deadline', '15s'];

describe('a proxy variable sends the request through undiciʼs proxy support', () => {
  it('http_proxy (lower case): the proxy gets the absolute-form request', async () => {
    const proxy = await startServer((request, response) => response.end(`via ${request.url}`));
    open.push(proxy);
    const port = await closedPort();
    const target = `http://127.0.0.1:${port}/through`;
    const result = await runCli(['-n', '1', target], { env: { http_proxy: proxy.url } });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`via ${target}`);
    expect(proxy.requests.map((r) => r.url)).toEqual([target]);
  });
});

describe('the connect timeout', () => {
  it('covers the TLS handshake: a server that never answers the ClientHello, exit 28', async () => {
    // A connect that never completes cannot be made on loopback (the kernel answers at
    // once); a TLS handshake that never completes can, and the limit covers both.
    const server = await rawServer(() => {});
    const result = await runCli([
      ...SAFETY,
      '-n',
      '2',
      '-b',
      '0',
      '--connect-timeout',
      '300ms',
      `https://127.0.0.1:${server.port}/`,
    ]);
    expect(result.code).toBe(28);
    expect(result.stdout).toBe('');
    for (const attempt of ['1/2', '2/2']) {
      expect(result.stderr).toContain(`attempt ${attempt} failed (exit 28, timed out, `);
    }
    expect(result.stderr).toContain(
      `: Connect Timeout Error (attempted address: 127.0.0.1:${server.port}, timeout: 300ms)`,
    );
    expect(server.connections).toBe(2);
  });
});

describe('--idle-timeout', () => {
  it('a server that sends half a response head and stalls: exit 28', async () => {
    const server = await rawServer((socket) =>
      onRequestHeads(socket, () => socket.write('HTTP/1.1 200 OK\r\nContent-Le')),
    );
    const result = await runCli([
      ...SAFETY,
      '-n',
      '1',
      '--idle-timeout',
      '200ms',
      `http://127.0.0.1:${server.port}/`,
    ]);
    expect(result.code).toBe(28);
    expect(result.stderr).toContain('timed out, ');
    expect(result.stderr).toContain('): no complete response head within 200ms (--idle-timeout)');
  });

  it('a body that stalls midway: exit 28', async () => {
    const server = await rawServer((socket) =>
      onRequestHeads(socket, () =>
        socket.write('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nfirst ten.'),
      ),
    );
    const result = await runCli([
      ...SAFETY,
      '-n',
      '1',
      '--idle-timeout',
      '200ms',
      '-o',
      '/dev/null',
      `http://127.0.0.1:${server.port}/`,
    ]);
    expect(result.code).toBe(28);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('timed out, ');
    expect(result.stderr).toContain('): no data received for 200ms (--idle-timeout)');
  });

  it('does not count a pause that a slow stdout reader causes', async () => {
    const size = 8 * 1024 * 1024;
    const state = mkdtempSync(join(tmpdir(), 'retry-run-state-'));
    const server = await startServer((_request, response) => response.end(Buffer.alloc(size, 7)));
    open.push(server);
    const child = spawn(
      process.execPath,
      [BIN, ...SAFETY, '-n', '1', '--idle-timeout', '200ms', `${server.url}/`],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, NO_COLOR: '1', XDG_STATE_HOME: state },
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Take the first chunk, then read nothing for several idle timeouts: the server has sent
    // everything it can, and retry-run waits on its own stdout, never on the server.
    let received = 0;
    await new Promise<void>((resolve) =>
      child.stdout.once('data', (chunk: Buffer) => {
        received += chunk.length;
        child.stdout.pause();
        resolve();
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    child.stdout.on('data', (chunk: Buffer) => (received += chunk.length)).resume();
    const code = await new Promise((resolve) => child.on('close', resolve));
    rmSync(state, { recursive: true, force: true });
    expect(stderr).toContain('retry-run: attempt 1/1 succeeded');
    expect(code).toBe(0);
    expect(received).toBe(size);
  });
});

describe('connections', () => {
  it('one kept-alive connection serves every attempt and redirect', async () => {
    const connections = new Set<unknown>();
    const server = await startServer((request, response, n) => {
      connections.add(request.socket);
      if (n === 1) response.writeHead(503).end('busy');
      else if (n === 2) response.writeHead(302, { Location: '/moved' }).end('see /moved');
      else response.end('done');
    });
    open.push(server);
    const result = await runCli(['-b', '0', `${server.url}/start`]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('done');
    expect(server.requests.map((r) => r.url)).toEqual(['/start', '/start', '/moved']);
    expect(connections.size).toBe(1);
  });
});

describe('the request as sent', () => {
  it('sends repeated headers in the given order, one Host, one Content-Length', async () => {
    const heads: string[] = [];
    const server = await rawServer((socket) =>
      onRequestHeads(socket, (head) => {
        heads.push(head);
        socket.end('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok');
      }),
    );
    const url = `http://127.0.0.1:${server.port}/h`;
    const result = await runCli([
      ...['-H', 'X-Tag: one', '-H', 'Accept: text/plain', '-H', 'X-Tag: two'],
      ...['-X', 'PUT', '-d', 'body', url],
    ]);
    expect(result.code).toBe(0);
    const lines = heads[0]!.split('\r\n');
    expect(lines[0]).toBe('PUT /h HTTP/1.1');
    const named = (name: string) => lines.filter((l) => l.toLowerCase().startsWith(`${name}:`));
    expect(named('host').map((l) => l.toLowerCase())).toEqual([`host: 127.0.0.1:${server.port}`]);
    expect(named('x-tag')).toEqual(['X-Tag: one', 'X-Tag: two']);
    expect(lines.findIndex((l) => l === 'X-Tag: one')).toBeLessThan(
      lines.findIndex((l) => l === 'Accept: text/plain'),
    );
    expect(named('content-length').map((l) => l.toLowerCase())).toEqual(['content-length: 4']);
    expect(named('transfer-encoding')).toEqual([]);
  });

  it("sends the user's own Host and a matching Content-Length once, not twice", async () => {
    const heads: string[] = [];
    const server = await rawServer((socket) =>
      onRequestHeads(socket, (head) => {
        heads.push(head);
        socket.end('HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      }),
    );
    const result = await runCli([
      ...['-H', 'Host: example.test', '-H', 'Content-Length: 4', '-d', 'body', '--retry-unsafe'],
      `http://127.0.0.1:${server.port}/`,
    ]);
    expect(result.code).toBe(0);
    const lines = heads[0]!.split('\r\n').map((l) => l.toLowerCase());
    expect(lines.filter((l) => l.startsWith('host:'))).toEqual(['host: example.test']);
    expect(lines.filter((l) => l.startsWith('content-length:'))).toEqual(['content-length: 4']);
  });
});

describe('exit codes of the direct path', () => {
  it('a reset mid-body is exit 56; a refused connection exit 7; a failed DNS lookup exit 6', async () => {
    const server = await rawServer((socket) =>
      onRequestHeads(socket, () => {
        socket.write('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npart');
        setTimeout(() => socket.resetAndDestroy(), 50);
      }),
    );
    const reset = await runCli(['-n', '1', '-o', '/dev/null', `http://127.0.0.1:${server.port}/`]);
    expect(reset.code).toBe(56);
    expect(reset.stderr).toContain('connection:ECONNRESET');

    const refused = await runCli(['-n', '1', `http://127.0.0.1:${await closedPort()}/`]);
    expect(refused.code).toBe(7);
    expect(refused.stderr).toContain('connection:ECONNREFUSED');

    const unknown = await runCli(['-n', '1', 'http://no-such-host.invalid/']);
    expect(unknown.code).toBe(6);
    expect(unknown.stderr).toMatch(/connection:(ENOTFOUND|EAI_AGAIN)/);
  });
});
