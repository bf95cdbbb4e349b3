/**
 * Server-directed waits (README, HTTP mode): the delay a response asks for through `Retry-After`, the
 * `RateLimit` header's `t` and `X-RateLimit-Reset`. Pure: the current time is passed in, and
 * every function returns whole milliseconds (never negative) or undefined for a value it
 * cannot read. Used by the HTTP runner and by command mode's `Retry-After:` output lines.
 */

/** What a response asked for, and which header said so (for the log). */
export interface ServerWait {
  ms: number;
  /** The header and its value as received, e.g. `Retry-After: 120`. */
  header: string;
}

/** delay-seconds longer than this (over 31,000 years) is not a plausible delay. */
const DELAY_SECONDS = /^\d{1,12}$/;
const DECIMAL_SECONDS = /^\d+(\.\d+)?$/;
/** A number of this size is an epoch time in seconds (after 2001-09-09), not a delay. */
const EPOCH_SECONDS_FROM = 1e9;
/** …and of this size an epoch time in milliseconds. */
const EPOCH_MS_FROM = 1e12;

/**
 * `Retry-After` (RFC 9110 §10.2.3): delay-seconds, or an HTTP-date measured against the
 * response's own `Date` header (so a skewed local clock does not matter); without a usable
 * `Date`, against `now`. A date in the past means no wait.
 *
 * @example
 * ```ts
 * import { parseRetryAfter } from 'retry-run';
 *
 * const date = 'Wed, 21 Oct 2015 07:28:00 GMT';
 * console.log(parseRetryAfter('120', date, Date.now())); // 120000
 * console.log(parseRetryAfter('Wed, 21 Oct 2015 07:29:30 GMT', date, Date.now())); // 90000
 * ```
 */
export function parseRetryAfter(
  value: string,
  responseDate: string | undefined,
  now: number,
): number | undefined {
  const text = value.trim();
  if (DELAY_SECONDS.test(text)) return Number(text) * 1000;
  const at = parseHttpDate(text);
  if (at === undefined) return undefined;
  return Math.max(0, at - referenceTime(responseDate, now));
}

/**
 * `X-RateLimit-Reset`: seconds until the window resets, or the epoch time it resets at
 * (seconds, or milliseconds for very large numbers), measured against the response's `Date`.
 *
 * @example
 * ```ts
 * import { parseRateLimitReset } from 'retry-run';
 *
 * console.log(parseRateLimitReset('30', undefined, Date.now())); // 30000
 * console.log(parseRateLimitReset('1445412510', 'Wed, 21 Oct 2015 07:28:00 GMT', 0)); // 30000
 * ```
 */
export function parseRateLimitReset(
  value: string,
  responseDate: string | undefined,
  now: number,
): number | undefined {
  const text = value.trim();
  if (!DECIMAL_SECONDS.test(text)) return undefined;
  const number = Number(text);
  if (number < EPOCH_SECONDS_FROM) return Math.round(number * 1000);
  const at = number >= EPOCH_MS_FROM ? number : number * 1000;
  return Math.max(0, Math.round(at - referenceTime(responseDate, now)));
}

/** The parameters of a `RateLimit` header that matter for waiting. */
export interface RateLimitInfo {
  /** Seconds until quota returns: `t` (or `reset` in earlier drafts); the largest given. */
  resetSeconds?: number;
  /** Whether some quota is exhausted: `r=0` (or `remaining=0`). */
  exhausted: boolean;
}

const RATE_LIMIT_PARAM = /(?:^|[;,\s])(t|r|reset|remaining)\s*=\s*(\d+)/gi;

/**
 * `RateLimit` (draft-ietf-httpapi-ratelimit-headers), e.g. `"default";r=0;t=30`, and the
 * earlier `limit=10, remaining=0, reset=30` form.
 *
 * @example
 * ```ts
 * import { parseRateLimit } from 'retry-run';
 *
 * console.log(JSON.stringify(parseRateLimit('"default";r=0;t=30'))); // {"resetSeconds":30,"exhausted":true}
 * ```
 */
export function parseRateLimit(value: string): RateLimitInfo {
  let resetSeconds: number | undefined;
  let exhausted = false;
  for (const [, name, number] of value.matchAll(RATE_LIMIT_PARAM)) {
    const key = name!.toLowerCase();
    if (key === 't' || key === 'reset') resetSeconds = Math.max(resetSeconds ?? 0, Number(number));
    else if (Number(number) === 0) exhausted = true;
  }
  return { ...(resetSeconds === undefined ? {} : { resetSeconds }), exhausted };
}

/**
 * The longest wait a response's headers ask for. `Retry-After` counts on any failed response;
 * the rate-limit headers only on a 429 or when they say the quota is used up (they come
 * with every response, and waiting for a reset while quota remains would only waste time).
 *
 * @example
 * ```ts
 * import { serverWaitFromHeaders } from 'retry-run';
 *
 * const headers = new Headers({ 'retry-after': '5', ratelimit: '"default";r=0;t=30' });
 * const wait = serverWaitFromHeaders((name) => headers.get(name) ?? undefined, 429, Date.now());
 * console.log(wait?.ms, wait?.header); // 30000 RateLimit: "default";r=0;t=30
 * ```
 */
export function serverWaitFromHeaders(
  header: (name: string) => string | undefined,
  status: number | undefined,
  now: number,
): ServerWait | undefined {
  const date = header('date');
  const candidates: ServerWait[] = [];
  const add = (name: string, value: string | undefined, ms: number | undefined) => {
    if (value !== undefined && ms !== undefined)
      candidates.push({ ms, header: `${name}: ${value}` });
  };
  const retryAfter = header('retry-after');
  if (retryAfter !== undefined)
    add('Retry-After', retryAfter, parseRetryAfter(retryAfter, date, now));

  const rateLimit = header('ratelimit');
  if (rateLimit !== undefined) {
    const info = parseRateLimit(rateLimit);
    if (info.resetSeconds !== undefined && (info.exhausted || status === 429)) {
      add('RateLimit', rateLimit, info.resetSeconds * 1000);
    }
  }
  const reset = header('x-ratelimit-reset');
  if (reset !== undefined && (status === 429 || header('x-ratelimit-remaining')?.trim() === '0')) {
    add('X-RateLimit-Reset', reset, parseRateLimitReset(reset, date, now));
  }
  return candidates.reduce<ServerWait | undefined>(
    (longest, candidate) => (longest && longest.ms >= candidate.ms ? longest : candidate),
    undefined,
  );
}

/** An HTTP-date (IMF-fixdate, RFC 850 or asctime form) in epoch ms. */
function parseHttpDate(text: string): number | undefined {
  // Date.parse also reads bare numbers and ISO strings; an HTTP-date always names a month.
  if (!/[a-z]{3}/i.test(text)) return undefined;
  // Every HTTP-date is in GMT; the asctime form just does not say so.
  const ms = Date.parse(/GMT|UTC|[+-]\d{4}/i.test(text) ? text : `${text} GMT`);
  return Number.isFinite(ms) ? ms : undefined;
}

function referenceTime(responseDate: string | undefined, now: number): number {
  return (responseDate === undefined ? undefined : parseHttpDate(responseDate)) ?? now;
}
