import { Agent, request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { MAX_TIMER_MS } from '../../shared/clock.js';
import { monotonicMs } from '../monotonic.js';
import { codedError, requestHead } from './request-head.js';
import type {
  HttpTransport,
  TransportOptions,
  TransportRequest,
  TransportResponse,
} from './transport.js';

/** An agent and the `request` of its module: node:http's, or node:https's. */
interface Client {
  agent: Agent;
  request: typeof httpRequest;
}

/**
 * Requests through Node's own HTTP client, for runs without a proxy (README, HTTP mode). It
 * behaves as the undici transport does: one keep-alive connection serves every attempt and
 * redirect to an origin; the limits fail with undici's codes, which http-failure.ts knows.
 */
export function createNodeTransport(options: TransportOptions): HttpTransport {
  const plain: Client = { agent: new Agent({ keepAlive: true }), request: httpRequest };
  // node:https loads tls: only a run that makes an https:// request pays for it.
  let secure: Promise<Client> | undefined;
  const https = () =>
    (secure ??= import('node:https').then(({ Agent: HttpsAgent, request }) => ({
      agent: new HttpsAgent({ keepAlive: true, ...options.tls }),
      request,
    })));
  // Sockets whose connection is made (TLS handshake included): a kept-alive one comes back.
  const connected = new WeakSet<Socket>();
  return {
    async request(request) {
      const url = new URL(request.origin);
      const client = url.protocol === 'https:' ? await https() : plain;
      return send(client, url, request, options, connected);
    },
    async destroy() {
      plain.agent.destroy();
      (await secure)?.agent.destroy();
    },
  };
}

function send(
  client: Client,
  url: URL,
  request: TransportRequest,
  options: TransportOptions,
  connected: WeakSet<Socket>,
): Promise<TransportResponse> {
  const { signal } = request;
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  let headers: string[];
  try {
    headers = requestHead(url, request.method, request.headers, request.body);
  } catch (error) {
    return Promise.reject(error as Error);
  }
  return new Promise((resolve, reject) => {
    // Given as an array, the headers go out as they are: Node adds no Host of its own.
    const req = client.request({
      agent: client.agent,
      host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
      ...(url.port ? { port: Number(url.port) } : {}),
      method: request.method,
      path: request.path,
      headers,
    });
    let response: IncomingMessage | undefined;
    const end = (error: Error) => {
      if (response) response.destroy(error);
      req.destroy(error);
    };
    const limits = requestLimits(req, url, options, connected, end);
    const onAbort = () => end(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    const done = () => {
      limits.stop();
      signal.removeEventListener('abort', onAbort);
    };
    // After the response, a socket error also ends the body, which reports it.
    req.on('error', (error) => {
      done();
      reject(error);
    });
    req.on('response', (res) => {
      response = res;
      // An error before the body is read must not go unhandled; reading it reports it.
      res.on('error', () => {});
      res.once('close', done);
      res.once('end', done);
      limits.responseHead(res);
      resolve(responseOf(res));
    });
    req.end(request.body ?? undefined);
  });
}

/**
 * The connect timeout, then --idle-timeout for the response head, then for each pause in the
 * body (README "Timeouts in HTTP mode"). Each ends the request with undici's error code.
 */
function requestLimits(
  req: ClientRequest,
  url: URL,
  options: TransportOptions,
  connected: WeakSet<Socket>,
  end: (error: Error) => void,
) {
  const { connectTimeoutMs, idleTimeoutMs } = options;
  const connect = idleTimer(connectTimeoutMs, () =>
    end(
      codedError(
        'UND_ERR_CONNECT_TIMEOUT',
        `Connect Timeout Error (attempted address: ${url.host}, timeout: ${connectTimeoutMs}ms)`,
      ),
    ),
  );
  const head = idleTimer(idleTimeoutMs, () =>
    end(codedError('UND_ERR_HEADERS_TIMEOUT', 'Headers Timeout Error')),
  );
  const body = idleTimer(idleTimeoutMs, () =>
    end(codedError('UND_ERR_BODY_TIMEOUT', 'Body Timeout Error')),
  );
  let socket: Socket | undefined;
  let stopped = false;
  const ready = () => {
    connect.stop();
    connected.add(socket!);
    if (!stopped) head.start();
  };
  req.once('socket', (assigned: Socket) => {
    socket = assigned;
    // A new plain socket is still connecting here; check anyway rather than wait forever.
    const made = url.protocol === 'http:' && !assigned.connecting;
    if (connected.has(assigned) || made || stopped) return ready();
    connect.start();
    assigned.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', ready);
  });
  // A pause that retry-run's own slow writing causes (Node pauses the socket while the body
  // waits to be read) is not the server's silence.
  const onData = () => body.touch();
  const onPause = () => body.stop();
  const onResume = () => body.start();
  return {
    responseHead(res: IncomingMessage) {
      head.stop();
      if (res.complete || !socket) return;
      body.start();
      socket.on('data', onData).on('pause', onPause).on('resume', onResume);
    },
    stop() {
      stopped = true;
      connect.stop();
      head.stop();
      body.stop();
      // The socket may serve the next request: leave it as it came.
      socket?.off('data', onData).off('pause', onPause).off('resume', onResume);
    },
  };
}

/**
 * Calls `expire` once `limitMs` have passed since `start` or the last `touch`; 0: never. It
 * checks the clock when its timer fires, so it never fires early, and a touch costs no timer.
 */
function idleTimer(limitMs: number, expire: () => void) {
  let last = 0;
  let timer: NodeJS.Timeout | undefined;
  const arm = (ms: number) => {
    timer = setTimeout(check, Math.min(Math.ceil(ms), MAX_TIMER_MS));
  };
  const check = () => {
    const left = limitMs - (monotonicMs() - last);
    if (left > 0) return arm(left);
    timer = undefined;
    expire();
  };
  return {
    start() {
      if (limitMs === 0) return;
      last = monotonicMs();
      if (!timer) arm(limitMs);
    },
    touch() {
      last = monotonicMs();
    },
    stop() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}

/** undici's dump() reads this much of a body before it gives the connection up instead. */
const DUMP_LIMIT = 128 * 1024;

function responseOf(res: IncomingMessage): TransportResponse {
  // undici's shape: every name lower case, a repeated header an array (Node would join some,
  // keep only the first of others).
  const headers: Record<string, string | string[]> = {};
  const raw = res.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    const seen = headers[name];
    const value = raw[i + 1]!;
    headers[name] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  const dump = () =>
    new Promise<void>((resolve) => {
      if (res.readableEnded || res.destroyed) return resolve();
      res.once('end', () => resolve()).once('close', () => resolve());
      const declared = Number(headers['content-length']);
      if (declared > DUMP_LIMIT) return void res.destroy();
      let read = 0;
      res.on('data', (chunk: Buffer) => {
        read += chunk.length;
        if (read > DUMP_LIMIT) res.destroy();
      });
    });
  return {
    statusCode: res.statusCode!,
    statusText: res.statusMessage,
    headers,
    body: Object.assign(res, { dump }),
  };
}
