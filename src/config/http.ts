import { invalidValue, UsageError } from '../shared/errors.js';
import { createRedactor, redactUserinfo, secretsOf, type Redactor } from '../shared/redact.js';
import { DEFAULTS } from '../shared/defaults.js';
import { parseDuration, positiveDuration } from '../shared/duration.js';
import { parseRegexOption } from '../conditions/regex-option.js';
import { parseInteger } from './numbers.js';
import type { BodySource, HeaderList, HttpConfig, StatusRange } from '../runners/http/request.js';

export type { BodySource, HeaderList, HttpConfig, StatusRange };

/** The HTTP flags (README, HTTP mode) as commander hands them over. */
export interface RawHttpOptions {
  method?: string;
  header?: string[];
  data?: string;
  json?: string;
  output?: string;
  connectTimeout?: string;
  idleTimeout?: string;
  insecure?: boolean;
  cacert?: string;
  maxRedirs?: string;
  locationTrusted?: boolean;
  expect?: string;
  expectBody?: string;
  idempotencyKey?: string;
  retryUnsafe?: boolean;
}

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'TRACE']);
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const HEADER = /^([^:]*):[ \t]*(.*?)[ \t]*$/s;
const HTTP_ONLY_FLAGS: ReadonlyArray<[keyof RawHttpOptions, string]> = [
  ['method', '--method'],
  ['header', '--header'],
  ['data', '--data'],
  ['json', '--json'],
  ['output', '--output'],
  ['connectTimeout', '--connect-timeout'],
  ['idleTimeout', '--idle-timeout'],
  ['insecure', '--insecure'],
  ['cacert', '--cacert'],
  ['maxRedirs', '--max-redirs'],
  ['locationTrusted', '--location-trusted'],
  ['expect', '--expect'],
  ['expectBody', '--expect-body'],
  ['idempotencyKey', '--idempotency-key'],
  ['retryUnsafe', '--retry-unsafe'],
];

/** A usage error for an HTTP flag given in command mode. */
export function rejectHttpFlags(raw: RawHttpOptions): void {
  const given = HTTP_ONLY_FLAGS.find(([key]) => raw[key] !== undefined && raw[key] !== false);
  if (given) throw new UsageError(`${given[1]}: works in HTTP mode only (give a URL to request)`);
}

/**
 * The HTTP flags (README, HTTP mode) → one validated request description. Throws a UsageError
 * naming the flag. The flags are the CLI's text, as an HTTP request's flags are checked together.
 *
 * @example
 * ```ts
 * import { normalizeHttpConfig } from 'retry-run';
 *
 * const http = normalizeHttpConfig(
 *   { method: 'POST', json: '{"sku":"A-1"}', connectTimeout: '5s', expect: '200,201' },
 *   'https://api.example.com/orders',
 * );
 * console.log(http.description, http.connectTimeoutMs, http.retryable); // POST https://api.example.com/orders 5000 false
 * ```
 */
export function normalizeHttpConfig(
  raw: RawHttpOptions,
  rawUrl: string,
  redact: Redactor = createRedactor(),
): HttpConfig {
  if (raw.data !== undefined && raw.json !== undefined) {
    throw new UsageError('--data and --json cannot be used together');
  }
  const { url, basicAuth } = splitCredentials(rawUrl, redact);
  const headers = (raw.header ?? []).map(parseHeader);
  const has = (name: string) => headers.some(([n]) => n.toLowerCase() === name);
  const bodyText = raw.data ?? raw.json;
  const body =
    bodyText === undefined ? undefined : parseBody(bodyText, raw.data ? '--data' : '--json');
  if (basicAuth && !has('authorization')) headers.push(['Authorization', basicAuth]);
  if (raw.json !== undefined) {
    if (!has('content-type')) headers.push(['Content-Type', 'application/json']);
    if (!has('accept')) headers.push(['Accept', 'application/json']);
  } else if (body && !has('content-type')) {
    headers.push(['Content-Type', 'application/x-www-form-urlencoded']);
  }
  const method = parseMethod(raw.method, body !== undefined);
  const idempotencyKey = parseIdempotencyKey(raw.idempotencyKey);
  if (idempotencyKey !== undefined) {
    if (has('idempotency-key'))
      throw new UsageError('--idempotency-key: the request already has an Idempotency-Key header');
    headers.push(['Idempotency-Key', idempotencyKey]);
  }
  const secrets = secretsOf(rawUrl, headers);
  return Object.freeze({
    method,
    url,
    headers: Object.freeze(headers),
    ...(body ? { body } : {}),
    // `-o -` is stdout, as curl's.
    ...(raw.output === undefined || raw.output === '-'
      ? {}
      : { output: parsePath(raw.output, '--output') }),
    ...(raw.connectTimeout === undefined
      ? {}
      : { connectTimeoutMs: positiveDuration(raw.connectTimeout, '--connect-timeout') }),
    // 0 turns it off. Both transports honour any duration (undici counts ticks; Node's checks
    // the clock when its timer fires).
    idleTimeoutMs:
      raw.idleTimeout === undefined
        ? DEFAULTS.idleTimeoutMs
        : parseDuration(raw.idleTimeout, '--idle-timeout'),
    insecure: raw.insecure ?? false,
    ...(raw.cacert === undefined ? {} : { cacert: parsePath(raw.cacert, '--cacert') }),
    maxRedirects:
      raw.maxRedirs === undefined
        ? DEFAULTS.maxRedirects
        : parseInteger(raw.maxRedirs, '--max-redirs', 0, 100),
    locationTrusted: raw.locationTrusted ?? false,
    expect: parseStatuses(raw.expect ?? DEFAULTS.expect, '--expect'),
    ...(raw.expectBody === undefined
      ? {}
      : { expectBody: parseRegexOption(raw.expectBody, '--expect-body', { bare: true }) }),
    retryable:
      IDEMPOTENT_METHODS.has(method) || has('idempotency-key') || (raw.retryUnsafe ?? false),
    description: `${method} ${redact.url(rawUrl)}`,
    secrets: Object.freeze(secrets),
  });
}

/** The request's headers as `--dry-run` and `-v` show them. */
export function describeHeaders(http: HttpConfig, redact: Redactor): string[] {
  return http.headers.map(([name, value]) => redact.header(name, value));
}

/** Comma-separated statuses and classes: `200`, `2xx`, `200-299`, `2xx,304`. */
export function parseStatuses(text: string, flag: string): StatusRange[] {
  return text.split(',').map((part) => {
    const token = part.trim();
    const single = /^([1-5]\d\d)$/.exec(token);
    if (single) return { min: Number(single[1]), max: Number(single[1]) };
    const klass = /^([1-5])xx$/i.exec(token);
    if (klass) return { min: Number(klass[1]) * 100, max: Number(klass[1]) * 100 + 99 };
    const range = /^([1-5]\d\d)-([1-5]\d\d)$/.exec(token);
    if (range && Number(range[1]) <= Number(range[2])) {
      return { min: Number(range[1]), max: Number(range[2]) };
    }
    throw invalidValue(flag, text, 'expected statuses such as 200, 2xx, 200-299 or 2xx,304');
  });
}

function parseHeader(text: string): [string, string] {
  // Checked on the whole text: trimming would hide a CR or LF around the name.
  if (/[\r\n\0]/.test(text)) {
    throw new UsageError('--header: a header cannot hold a line break (CR or LF) or a NUL byte');
  }
  const match = HEADER.exec(text);
  const name = match?.[1]?.trim() ?? '';
  if (!match || !TOKEN.test(name)) {
    throw invalidValue('--header', text, "expected 'Name: value'");
  }
  return [name, match[2]!];
}

function parseMethod(text: string | undefined, hasBody: boolean): string {
  if (text === undefined) return hasBody ? 'POST' : 'GET';
  if (!TOKEN.test(text))
    throw invalidValue('--method', text, 'expected a method such as GET or POST');
  return text.toUpperCase();
}

function parseBody(text: string, flag: string): BodySource {
  if (text === '@-') return { kind: 'stdin' };
  if (text.startsWith('@')) return { kind: 'file', path: parsePath(text.slice(1), flag), flag };
  return { kind: 'text', text };
}

function parseIdempotencyKey(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  if (text === 'auto') return process.getBuiltinModule('node:crypto').randomUUID();
  if (text.trim() === '' || /[\r\n\0]/.test(text)) {
    throw invalidValue('--idempotency-key', text, "expected a key or 'auto'");
  }
  return text;
}

function parsePath(text: string, flag: string): string {
  if (text.trim() === '') throw invalidValue(flag, text, 'expected a file name');
  return text;
}

/** `https://user:pass@host/` → the URL without them, and the Basic credentials curl would send. */
function splitCredentials(text: string, redact: Redactor): { url: string; basicAuth?: string } {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalidValue('url', redact(redactUserinfo(text)), 'expected a valid http(s) URL');
  }
  if (!url.username && !url.password) return { url: url.href };
  const credentials = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  url.username = '';
  url.password = '';
  return { url: url.href, basicAuth: `Basic ${Buffer.from(credentials).toString('base64')}` };
}
