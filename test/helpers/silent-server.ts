import { createServer, type Socket } from 'node:net';

export interface SilentServer {
  url: string;
  /** Resolves once a client has connected. */
  connected: Promise<void>;
  stop(): Promise<void>;
}

/**
 * A TCP server on a loopback port that accepts every connection and never answers: a frozen
 * Redis (or any service stuck after accept) as a client sees it.
 */
export function startSilentServer(): Promise<SilentServer> {
  const sockets = new Set<Socket>();
  let onConnect = () => {};
  const connected = new Promise<void>((resolve) => (onConnect = resolve));
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
    onConnect();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        url: `redis://127.0.0.1:${port}`,
        connected,
        stop: () =>
          new Promise((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
