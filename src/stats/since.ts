import { invalidValue } from '../shared/errors.js';
import { parseDuration } from '../shared/duration.js';

const DAY_MS = 86_400_000;
const DAYS = /^(\d+(?:\.\d+)?)d/;

/**
 * `--since`: how far back `stats` looks. A duration as the README (Options) writes them, which may also
 * start with days (`7d`, `1d12h`), or an ISO 8601 date or time (`2026-11-01`).
 */
export function parseSince(text: string, now: number): number {
  const value = text.trim();
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) {
    const at = Date.parse(value);
    if (Number.isNaN(at)) throw invalidValue('--since', text, 'expected a date such as 2026-11-01');
    return at;
  }
  const days = DAYS.exec(value);
  const rest = days ? value.slice(days[0].length) : value;
  try {
    const ms =
      (days ? Number(days[1]) * DAY_MS : 0) + (rest === '' && days ? 0 : parseDuration(rest));
    return now - ms;
  } catch {
    throw invalidValue('--since', text, 'expected a duration such as 7d, 12h or 1d12h, or a date');
  }
}
