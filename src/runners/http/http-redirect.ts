import type { HeaderList } from './request.js';
import { isSecretHeader, redactUrl } from '../../shared/redact.js';
import { HTTP_EXIT } from './http-failure.js';

/** One request of an attempt: the first, or one a redirect leads to. */
export interface HttpRequest {
  url: URL;
  method: string;
  headers: HeaderList;
  body: Buffer | null;
}

/** What to do with a response: it is the answer, or follow it, or the attempt fails here. */
export type RedirectDecision =
  | { kind: 'answer'; note?: string }
  | { kind: 'follow'; request: HttpRequest }
  | { kind: 'refuse'; exitCode: number; message: string };

export interface RedirectPolicy {
  maxRedirects: number;
  /** `--location-trusted`: every header goes to every origin (except over a downgrade). */
  locationTrusted: boolean;
}

/** The statuses undici followed before retry-run followed redirects itself. */
const REDIRECT_STATUSES = new Set([300, 301, 302, 303, 307, 308]);

/**
 * Headers that say how to answer, never who is asking: they go to any origin a redirect leads
 * to. Every other header stays with the URL's own origin unless `--location-trusted`.
 */
const CROSS_ORIGIN_SAFE = new Set([
  'accept',
  'accept-encoding',
  'accept-language',
  'cache-control',
  'content-language',
  'content-type',
  'idempotency-key',
  'if-match',
  'if-modified-since',
  'if-none-match',
  'if-unmodified-since',
  'pragma',
  'range',
  'user-agent',
]);

/** A retry would be sent the same way: these failures are never retried. */
export const REDIRECT_NOT_RETRYABLE = 'a retry would be redirected the same way';

/**
 * The redirects of one attempt, followed by retry-run rather than undici so that credentials
 * stay on their origin (README "Redirects"): each `next` looks at one response and says what
 * comes next, remembering the chain to catch a loop.
 */
export function startRedirectChain(first: HttpRequest, policy: RedirectPolicy) {
  const chain: HttpRequest[] = [first];
  const current = () => chain[chain.length - 1]!;
  return {
    get current() {
      return current();
    },
    next(status: number, location: string | undefined): RedirectDecision {
      if (!REDIRECT_STATUSES.has(status) || location === undefined) return { kind: 'answer' };
      let url: URL;
      try {
        url = new URL(location, current().url);
      } catch {
        return { kind: 'answer', note: `its Location '${location}' is not a valid URL` };
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        return refuse(
          HTTP_EXIT.unsupportedProtocol,
          `redirect to a ${url.protocol} URL refused (${redactUrl(url.href)}): only http and https redirects are followed`,
        );
      }
      const request = redirected(first, current(), status, url, policy.locationTrusted);
      const seen = chain.findIndex((r) => sameRequest(r, request));
      if (seen >= 0) {
        const loop = [...chain.slice(seen), request].map((r) => redactUrl(r.url.href));
        return refuse(HTTP_EXIT.tooManyRedirects, `redirect loop: ${loop.join(' -> ')}`);
      }
      if (chain.length > policy.maxRedirects) {
        const max = policy.maxRedirects;
        return refuse(
          HTTP_EXIT.tooManyRedirects,
          `too many redirects: more than ${max} (--max-redirs ${max})`,
        );
      }
      chain.push(request);
      return { kind: 'follow', request };
    },
  };
}

function refuse(exitCode: number, message: string): RedirectDecision {
  return { kind: 'refuse', exitCode, message };
}

/**
 * The request a redirect asks for (RFC 9110 §15.4): 303 turns any method but HEAD into GET,
 * 301 and 302 turn POST into GET (as browsers and curl do); a GET carries no body.
 */
function redirected(
  first: HttpRequest,
  previous: HttpRequest,
  status: number,
  url: URL,
  trusted: boolean,
): HttpRequest {
  const toGet =
    (status === 303 && previous.method !== 'HEAD') ||
    ((status === 301 || status === 302) && previous.method === 'POST');
  const method = toGet ? 'GET' : previous.method;
  const body = toGet ? null : previous.body;
  const bodyDropped = first.body !== null && body === null;
  return { url, method, body, headers: headersFor(url, first, bodyDropped, trusted) };
}

/**
 * The first request's headers as they may go to `url`: all of them on the URL's own origin;
 * elsewhere only the safe ones, unless trusted; over an https to http downgrade only the safe
 * ones even when trusted (a credential would cross the network in clear).
 */
export function headersFor(
  url: URL,
  first: HttpRequest,
  bodyDropped: boolean,
  trusted: boolean,
): HeaderList {
  const sameOrigin = url.origin === first.url.origin;
  const downgrade = first.url.protocol === 'https:' && url.protocol === 'http:';
  return first.headers.filter(([name]) => {
    const lower = name.toLowerCase();
    if (bodyDropped && lower.startsWith('content-')) return false;
    if (sameOrigin) return true;
    // Host names the first origin; the transport sets the right one.
    if (lower === 'host') return false;
    if (trusted && !downgrade) return true;
    return CROSS_ORIGIN_SAFE.has(lower) && !isSecretHeader(name);
  });
}

/** Sending this again would get the same answer: the same method to the same URL. */
function sameRequest(a: HttpRequest, b: HttpRequest): boolean {
  return a.method === b.method && a.url.origin === b.url.origin && pathOf(a.url) === pathOf(b.url);
}

/** What goes on the request line: the fragment never leaves the client. */
export function pathOf(url: URL): string {
  return `${url.pathname}${url.search}`;
}
