import { mkdtempSync, readdirSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { jsonEvents, runCli } from '../helpers/cli.js';

/**
 * A raw TCP server: `onRequest` gets the socket once the request's head has arrived and may
 * write what it likes, or nothing, for as long as it likes.
 */
interface RawServer {
  url: string;
  requests: number;
  close(): Promise<void>;
}
const open: Array<{ server: Server; sockets: Set<Socket>; timers: Set<NodeJS.Timeout> }> = [];
afterEach(async () => {
  for (const { server, sockets, timers } of open.splice(0)) {
    for (const timer of timers) clearInterval(timer);
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function rawServer(
  onRequest: (socket: Socket, every: (ms: number, tick: () => void) => void) => void,
): Promise<RawServer> {
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const result = { url: '', requests: 0, close: async () => {} };
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    let head = '';
    socket.on('data', (chunk) => {
      if (head.includes('\r\n\r\n')) return;
      head += chunk.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      result.requests += 1;
      onRequest(socket, (ms, tick) => {
        const timer = setInterval(() => (socket.destroyed ? clearInterval(timer) : tick()), ms);
        timers.add(timer);
      });
    });
  });
  open.push({ server, sockets, timers });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  result.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return result;
}

const attemptsOf = (stderr: string) => jsonEvents(stderr).filter((e) => e.event === 'attempt');
/** A safety net only: without an idle timeout these runs would hang until the deadline. */
const SAFETY = ['--deadline', '15s'];
/** Two attempts, no wait between them, `--idle-timeout <limit>`. */
const twoAttempts = (limit: string, ...rest: string[]) =>
  runCli([...SAFETY, '--idle-timeout', limit, '-n', '2', '-b', '0', ...rest]);

describe('--idle-timeout', () => {
  it('ends an attempt whose server accepts and never answers: retried, exit 28', async () => {
    const server = await rawServer(() => {});
    const result = await twoAttempts('200ms', server.url);
    expect(result.code).toBe(28);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('attempt 1/2 failed (exit 28, ');
    expect(result.stderr).toContain('no complete response head within 200ms (--idle-timeout)');
    expect(result.stderr).toContain('attempt 2/2 failed (exit 28, ');
    expect(server.requests).toBe(2);
  });

  it('ends an attempt whose server trickles header bytes forever', async () => {
    const server = await rawServer((socket, every) => {
      socket.write('HTTP/1.1 200 OK\r\nX-Slow: ');
      every(20, () => socket.write('a'));
    });
    const result = await twoAttempts('300ms', '--log-format', 'json', server.url);
    expect(result.code).toBe(28);
    const attempts = attemptsOf(result.stderr);
    expect(attempts).toHaveLength(2);
    expect(attempts[1]).toMatchObject({ reason: 'timeout', exitCode: 28 });
    expect(server.requests).toBe(2);
  });

  it('ends an attempt whose body stalls midway; -o keeps no partial file', async () => {
    const server = await rawServer((socket) => {
      socket.write('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nfirst ten.');
    });
    const dir = mkdtempSync(join(tmpdir(), 'retry-run-idle-'));
    const result = await twoAttempts('200ms', '-o', join(dir, 'body'), server.url);
    expect(result.code).toBe(28);
    expect(result.stderr).toContain('attempt 1/2 failed (exit 28, ');
    expect(result.stderr).toContain('no data received for 200ms (--idle-timeout)');
    expect(result.stderr).toContain('attempt 2/2 failed (exit 28, ');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('0 turns it off: a body that pauses longer than a short idle timeout still completes', async () => {
    const server = await rawServer((socket, every) => {
      socket.write('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nfirst');
      every(2000, () => socket.end('-rest'));
    });
    const short = await runCli([...SAFETY, '--idle-timeout', '100ms', '-n', '1', server.url]);
    expect(short.code).toBe(28);
    const off = await runCli([...SAFETY, '--idle-timeout', '0', '-n', '1', server.url]);
    expect(off.code).toBe(0);
    expect(off.stdout).toBe('first-rest');
  });

  it('is an HTTP-mode option only', async () => {
    const result = await runCli(['--idle-timeout', '1s', '--', 'true']);
    expect(result.code).toBe(125);
    expect(result.stderr).toContain('--idle-timeout: works in HTTP mode only');
  });
});
