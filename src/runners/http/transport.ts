import type { Readable } from 'node:stream';
import { createNodeTransport } from './node-transport.js';
import { proxyIsSet } from './proxy-env.js';

/** One request of an attempt, as the HTTP runner hands it to a transport. */
export interface TransportRequest {
  /** `http://host:port`: where the connection goes. */
  origin: string;
  /** What goes on the request line. */
  path: string;
  method: string;
  /** `[name, value, name, value, …]`, sent in this order; a name may repeat. */
  headers: string[];
  body: Buffer | null;
  /** Ends the request, and its connection, at once. */
  signal: AbortSignal;
}

/** A response whose head has arrived; its body streams in. */
export interface TransportResponse {
  statusCode: number;
  statusText?: string;
  /** Lower-case names; a header the server sent more than once is an array. */
  headers: Record<string, string | string[] | undefined>;
  /** `dump()` reads and drops the rest, so that the connection can serve the next request. */
  body: Readable & { dump(): Promise<unknown> };
}

/**
 * What the HTTP runner needs of an HTTP client: the subset of undici's `Dispatcher` it uses,
 * which Node's own client offers too (node-transport.ts).
 */
export interface HttpTransport {
  request(request: TransportRequest): Promise<TransportResponse>;
  /** Ends every connection at once: the run is over. */
  destroy(): Promise<unknown>;
}

export interface TransportOptions {
  /** Making the connection, TLS handshake included; 0: no limit. */
  connectTimeoutMs: number;
  /** --idle-timeout (README "Timeouts in HTTP mode"); 0: no limit. */
  idleTimeoutMs: number;
  tls: { rejectUnauthorized: boolean; ca?: Buffer };
}

/**
 * The HTTP client for a run (README, HTTP mode): undici when a proxy variable is set, for its
 * proxy support; Node's own client otherwise, which starts in a third of the time (no
 * WebAssembly parser to compile, no library to load).
 */
export async function openTransport(options: TransportOptions): Promise<HttpTransport> {
  // undici reads the proxy variables from process.env itself.
  if (!proxyIsSet(process.env)) return createNodeTransport(options);
  const { createUndiciTransport } = await import('./undici-transport.js');
  return createUndiciTransport(options);
}
