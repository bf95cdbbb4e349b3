/** Longest Retry-After value read as a number; beyond it the text is not a plausible delay. */
const MAX_DIGITS = 12;
/** An HTTP-date starts with a day name (IMF-fixdate, RFC 850 and asctime all do). */
const HTTP_DATE = /^[a-z]{3}/i;

/**
 * The wait a `Retry-After` value asks for, in ms (RFC 9110 §10.2.3): delay-seconds, or an
 * HTTP-date measured against the response's own `Date` when there is one (so a skewed local
 * clock does not matter), else against `now`. A date in the past means no wait (0).
 * Undefined when the value is neither.
 */
export function parseRetryAfter(
  value: string,
  responseDate: string | undefined,
  now: number,
): number | undefined {
  const text = value.trim();
  if (/^\d+$/.test(text)) return text.length > MAX_DIGITS ? undefined : Number(text) * 1000;
  if (!HTTP_DATE.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  const sent = responseDate === undefined ? Number.NaN : Date.parse(responseDate.trim());
  return Math.max(0, at - (Number.isNaN(sent) ? now : sent));
}
