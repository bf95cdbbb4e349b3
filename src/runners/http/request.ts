import type { LinearRegex } from '../../conditions/linear-regex.js';

/**
 * What the HTTP runner is asked to do: one request, resolved and checked by config/http.ts.
 */

/** Where the request body comes from: read once, sent on every attempt. */
export type BodySource =
  { kind: 'text'; text: string } | { kind: 'file'; path: string; flag: string } | { kind: 'stdin' };

export interface StatusRange {
  min: number;
  max: number;
}

export type HeaderList = ReadonlyArray<readonly [string, string]>;

/** One HTTP request, validated (`normalizeHttpConfig`): what the HTTP runner sends each attempt. */
export interface HttpConfig {
  method: string;
  /** The URL without its `user:pass@` (sent as an Authorization header instead). */
  url: string;
  headers: HeaderList;
  body?: BodySource;
  output?: string;
  connectTimeoutMs?: number;
  /** No byte from the server for this long ends the attempt (a timeout); 0: no limit. */
  idleTimeoutMs: number;
  insecure: boolean;
  cacert?: string;
  maxRedirects: number;
  /** Send every header to the origins a redirect leads to, not only to the URL's own. */
  locationTrusted: boolean;
  expect: readonly StatusRange[];
  expectBody?: LinearRegex;
  /** Whether a failed attempt may be repeated (RFC 9110 §9.2.2, or the user said so). */
  retryable: boolean;
  /** `METHOD url` for logs, secrets hidden. */
  description: string;
  /** The request's secret values, for hiding them in any text retry-run writes. */
  secrets: readonly string[];
}
