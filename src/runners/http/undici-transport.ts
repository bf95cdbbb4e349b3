import { EnvHttpProxyAgent, type Dispatcher } from 'undici';
import type { HttpTransport, TransportOptions } from './transport.js';

/**
 * undici's EnvHttpProxyAgent: the transport of runs with a proxy variable set. It picks the
 * proxy (or none, for hosts in NO_PROXY) per request.
 */
export function createUndiciTransport(options: TransportOptions): HttpTransport {
  const { tls } = options;
  const agent = new EnvHttpProxyAgent({
    connect: { ...tls, timeout: options.connectTimeoutMs },
    requestTls: tls,
    // Like curl: an http:// URL goes to the proxy as a plain request, https:// through CONNECT.
    proxyTunnel: false,
    // --idle-timeout (README "Timeouts in HTTP mode"): the whole head must come within it,
    // so headers trickled a byte at a time cannot hold an attempt; then no pause in the body
    // may last longer. undici does not count a pause that retry-run's own writing causes.
    headersTimeout: undiciIdleLimit(options.idleTimeoutMs),
    bodyTimeout: undiciIdleLimit(options.idleTimeoutMs),
  });
  return {
    request: ({ method, ...rest }) =>
      agent.request({ ...rest, method: method as Dispatcher.HttpMethod }),
    destroy: () => agent.destroy(),
  };
}

/**
 * undici checks these limits on a tick of about half a second and counts the tick a limit
 * starts in as passed: half a second more, so that it never ends an attempt early.
 */
const UNDICI_TICK_MS = 500;

function undiciIdleLimit(ms: number): number {
  return ms === 0 ? 0 : ms + UNDICI_TICK_MS;
}
