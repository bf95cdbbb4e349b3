import { describe, expect, it } from 'vitest';
import { describeHeaders, normalizeHttpConfig, parseStatuses } from '../../src/config/http.js';
import { createRedactor } from '../../src/shared/redact.js';

const URL = 'http://127.0.0.1:8080/api';

describe('normalizeHttpConfig', () => {
  it('defaults to GET, 2xx, 10 redirects, and a retryable request', () => {
    const http = normalizeHttpConfig({}, URL);
    expect(http).toMatchObject({
      method: 'GET',
      url: URL,
      maxRedirects: 10,
      expect: [{ min: 200, max: 299 }],
      retryable: true,
      insecure: false,
      description: `GET ${URL}`,
    });
    expect(Object.isFrozen(http)).toBe(true);
  });

  it('makes a body a form POST, and --json a JSON POST', () => {
    expect(normalizeHttpConfig({ data: 'a=1' }, URL)).toMatchObject({
      method: 'POST',
      body: { kind: 'text', text: 'a=1' },
      headers: [['Content-Type', 'application/x-www-form-urlencoded']],
      retryable: false,
    });
    expect(normalizeHttpConfig({ json: '@-' }, URL)).toMatchObject({
      body: { kind: 'stdin' },
      headers: [
        ['Content-Type', 'application/json'],
        ['Accept', 'application/json'],
      ],
    });
    expect(
      normalizeHttpConfig({ data: '@body.txt', header: ['content-type: text/plain'] }, URL),
    ).toMatchObject({
      body: { kind: 'file', path: 'body.txt', flag: '--data' },
      headers: [['content-type', 'text/plain']],
    });
  });

  it.each([
    [{ method: 'post' }, false],
    [{ method: 'PATCH' }, false],
    [{ method: 'PROPFIND' }, false],
    [{ method: 'delete' }, true],
    [{ method: 'POST', retryUnsafe: true }, true],
    [{ method: 'POST', idempotencyKey: 'k-1' }, true],
    [{ method: 'POST', header: ['Idempotency-Key: mine'] }, true],
  ])('%j is retryable: %s', (raw, retryable) => {
    expect(normalizeHttpConfig(raw, URL).retryable).toBe(retryable);
  });

  it('sends --idempotency-key as a header; auto makes one UUID', () => {
    const http = normalizeHttpConfig({ method: 'POST', idempotencyKey: 'auto' }, URL);
    const key = http.headers.find(([name]) => name === 'Idempotency-Key')?.[1];
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('turns URL credentials into Basic auth and hides them everywhere it shows the request', () => {
    const http = normalizeHttpConfig(
      { header: ['Cookie: sid=abcdef'] },
      'https://u:p%40ss@h.test/',
    );
    expect(http.url).toBe('https://h.test/');
    expect(http.headers).toContainEqual([
      'Authorization',
      `Basic ${Buffer.from('u:p@ss').toString('base64')}`,
    ]);
    expect(http.description).toBe('GET https://u:***@h.test/');
    expect(describeHeaders(http, createRedactor())).toEqual(['Cookie: ***', 'Authorization: ***']);
  });

  it.each([
    [{ header: ['Bad Header: x'] }, '--header'],
    [{ method: 'GE T' }, '--method'],
    [{ maxRedirs: '101' }, '--max-redirs'],
    [{ connectTimeout: '0' }, '--connect-timeout'],
    [{ idempotencyKey: ' ' }, '--idempotency-key'],
    [{ expect: '200,' }, '--expect'],
    [{ idempotencyKey: 'a', header: ['Idempotency-Key: b'] }, '--idempotency-key'],
    [{ idleTimeout: '1 minute' }, '--idle-timeout'],
    [{ header: ['X: a\r\nY: b'] }, '--header'],
    [{ header: ['\nX-Injected: 1'] }, '--header'],
    [{ header: ['X-Name\r: a'] }, '--header'],
    [{ header: ['X: a\0'] }, '--header'],
  ])('%j is a usage error naming %s', (raw, flag) => {
    expect(() => normalizeHttpConfig(raw, URL)).toThrow(flag);
  });

  it('has an idle timeout by default; 0 turns it off', () => {
    expect(normalizeHttpConfig({}, URL).idleTimeoutMs).toBe(60_000);
    expect(normalizeHttpConfig({ idleTimeout: '250ms' }, URL).idleTimeoutMs).toBe(250);
    expect(normalizeHttpConfig({ idleTimeout: '0' }, URL).idleTimeoutMs).toBe(0);
  });

  it('keeps headers on their origin unless --location-trusted', () => {
    expect(normalizeHttpConfig({}, URL).locationTrusted).toBe(false);
    expect(normalizeHttpConfig({ locationTrusted: true }, URL).locationTrusted).toBe(true);
  });
});

describe('parseStatuses', () => {
  it('reads single statuses, classes and ranges', () => {
    expect(parseStatuses('200,3xx,400-404', '--expect')).toEqual([
      { min: 200, max: 200 },
      { min: 300, max: 399 },
      { min: 400, max: 404 },
    ]);
  });
});
