import { describe, expect, it } from 'vitest';
import {
  headersFor,
  startRedirectChain,
  type HttpRequest,
  type RedirectDecision,
} from '../../../src/runners/http/http-redirect.js';

const request = (url: string, extra: Partial<HttpRequest> = {}): HttpRequest => ({
  url: new URL(url),
  method: 'GET',
  headers: [],
  body: null,
  ...extra,
});
const policy = { maxRedirects: 10, locationTrusted: false };
const followed = (decision: RedirectDecision): HttpRequest => {
  if (decision.kind !== 'follow') throw new Error(`expected to follow, got ${decision.kind}`);
  return decision.request;
};
const names = (headers: HttpRequest['headers']) => headers.map(([name]) => name);

const HEADERS = [
  ['Host', 'a.test'],
  ['Authorization', 'Bearer abc'],
  ['X-Api-Key', 'k'],
  ['X-Custom-Trace', 't'],
  ['Accept', 'text/plain'],
  ['User-Agent', 'me'],
  ['Idempotency-Key', 'same-on-every-attempt'],
  ['Content-Type', 'application/json'],
] as const;

describe('headersFor: credentials stay on their origin', () => {
  const first = request('https://a.test/start', { headers: HEADERS });

  it('keeps every header on the first origin, even on another path', () => {
    expect(headersFor(new URL('https://a.test/other'), first, false, false)).toEqual(HEADERS);
  });

  it('keeps only the safe ones on another origin (a port or a scheme is enough)', () => {
    const safe = ['Accept', 'User-Agent', 'Idempotency-Key', 'Content-Type'];
    for (const other of ['https://b.test/', 'https://a.test:8443/']) {
      expect(names(headersFor(new URL(other), first, false, false))).toEqual(safe);
    }
  });

  it('--location-trusted keeps all but Host on another origin', () => {
    expect(names(headersFor(new URL('https://b.test/'), first, false, true))).toEqual(
      names(HEADERS).filter((name) => name !== 'Host'),
    );
  });

  it('an https to http downgrade keeps only the safe ones, trusted or not', () => {
    for (const target of ['http://a.test/', 'http://b.test/']) {
      expect(names(headersFor(new URL(target), first, false, true))).toEqual([
        'Accept',
        'User-Agent',
        'Idempotency-Key',
        'Content-Type',
      ]);
    }
  });

  it('drops Content-* headers once the body is dropped', () => {
    expect(names(headersFor(new URL('https://a.test/'), first, true, false))).not.toContain(
      'Content-Type',
    );
  });
});

describe('startRedirectChain', () => {
  it('answers with a response that is not a redirect, or a redirect without Location', () => {
    const chain = startRedirectChain(request('http://a.test/'), policy);
    expect(chain.next(200, undefined)).toEqual({ kind: 'answer' });
    expect(chain.next(304, '/cached')).toEqual({ kind: 'answer' });
    expect(chain.next(302, undefined)).toEqual({ kind: 'answer' });
  });

  it('resolves a relative Location against the current URL', () => {
    const chain = startRedirectChain(request('http://a.test/dir/start'), policy);
    expect(followed(chain.next(302, 'next?x=1')).url.href).toBe('http://a.test/dir/next?x=1');
    expect(chain.current.url.href).toBe('http://a.test/dir/next?x=1');
  });

  it('303 makes any method but HEAD a GET without a body; 301/302 only a POST', () => {
    const body = Buffer.from('{}');
    const post = request('http://a.test/', { method: 'POST', body });
    for (const status of [301, 302, 303]) {
      const next = followed(startRedirectChain(post, policy).next(status, '/next'));
      expect([next.method, next.body]).toEqual(['GET', null]);
    }
    const put = request('http://a.test/', { method: 'PUT', body });
    expect(followed(startRedirectChain(put, policy).next(302, '/next')).method).toBe('PUT');
    expect(followed(startRedirectChain(put, policy).next(303, '/next')).method).toBe('GET');
    const head = request('http://a.test/', { method: 'HEAD' });
    expect(followed(startRedirectChain(head, policy).next(303, '/next')).method).toBe('HEAD');
    for (const status of [307, 308]) {
      const next = followed(startRedirectChain(post, policy).next(status, '/next'));
      expect([next.method, next.body]).toEqual(['POST', body]);
    }
  });

  it.each(['file:///etc/passwd', 'ftp://a.test/x', 'javascript:alert(1)', 'data:,x'])(
    'refuses a redirect to %s with exit 1',
    (location) => {
      const decision = startRedirectChain(request('http://a.test/'), policy).next(302, location);
      expect(decision).toMatchObject({ kind: 'refuse', exitCode: 1 });
      expect((decision as { message: string }).message).toMatch(/^redirect to a \w+: URL refused/);
    },
  );

  it('refuses a loop with exit 47, naming the URLs of the loop', () => {
    const chain = startRedirectChain(request('http://a.test/start'), policy);
    followed(chain.next(302, 'http://b.test/middle'));
    expect(chain.next(302, 'http://a.test/start#again')).toEqual({
      kind: 'refuse',
      exitCode: 47,
      message:
        'redirect loop: http://a.test/start -> http://b.test/middle -> http://a.test/start#again',
    });
  });

  it('is not a loop when the method changed (a POST redirected to itself as a GET)', () => {
    const chain = startRedirectChain(request('http://a.test/', { method: 'POST' }), policy);
    expect(chain.next(303, '/').kind).toBe('follow');
    expect(chain.next(303, '/').kind).toBe('refuse');
  });

  it('follows --max-redirs redirects and refuses the next one with exit 47', () => {
    const chain = startRedirectChain(request('http://a.test/0'), { ...policy, maxRedirects: 2 });
    followed(chain.next(302, '/1'));
    followed(chain.next(302, '/2'));
    expect(chain.next(302, '/3')).toEqual({
      kind: 'refuse',
      exitCode: 47,
      message: 'too many redirects: more than 2 (--max-redirs 2)',
    });
    const none = startRedirectChain(request('http://a.test/0'), { ...policy, maxRedirects: 0 });
    expect(none.next(301, '/1')).toMatchObject({ kind: 'refuse', exitCode: 47 });
  });

  it('answers with a redirect whose Location is not a URL, and says why', () => {
    const chain = startRedirectChain(request('http://a.test/'), policy);
    expect(chain.next(302, 'http://[::1')).toEqual({
      kind: 'answer',
      note: "its Location 'http://[::1' is not a valid URL",
    });
  });

  it('hides secret query parameters of the URLs it names', () => {
    const chain = startRedirectChain(request('http://a.test/'), policy);
    const decision = chain.next(302, 'ftp://a.test/x?access_token=abcdef');
    expect((decision as { message: string }).message).not.toContain('abcdef');
  });
});
