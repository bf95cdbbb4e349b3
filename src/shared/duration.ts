import { invalidValue } from './errors.js';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
/** One `<number><unit>` part; the units are tried longest first so `ms` is never read as `m`. */
const PART = /(\d+(?:\.\d+)?|\.\d+)(ms|s|m|h)/y;
const BARE_NUMBER = /^(\d+(?:\.\d+)?|\.\d+)$/;
/** Durations beyond this (about 285 years) are certainly a mistake, and stay exact integers. */
const MAX_MS = Number.MAX_SAFE_INTEGER / 1000;

/**
 * Parses a duration as the README (Options) defines it: `250ms`, `1.5s`, `1m30s`, `2h`, or a bare number
 * of seconds. Returns whole milliseconds. Anything else throws a UsageError naming `flag`.
 *
 * @example
 * ```ts
 * import { parseDuration } from 'retry-run';
 *
 * console.log(parseDuration('1m30s')); // 90000
 * console.log(parseDuration('250ms'), parseDuration('2')); // 250 2000
 * ```
 */
export function parseDuration(text: string, flag = 'duration'): number {
  const value = text.trim();
  const fail = () =>
    invalidValue(flag, text, 'expected a duration such as 500ms, 1.5s, 1m30s or 2h');
  if (value === '' || value.length > 64) throw fail();
  let ms: number;
  if (BARE_NUMBER.test(value)) {
    ms = Number(value) * 1000;
  } else {
    ms = 0;
    PART.lastIndex = 0;
    while (PART.lastIndex < value.length) {
      const start = PART.lastIndex;
      const match = PART.exec(value);
      if (!match || match.index !== start) throw fail();
      ms += Number(match[1]) * UNIT_MS[match[2]!]!;
    }
  }
  if (!Number.isFinite(ms) || ms > MAX_MS) throw fail();
  return Math.round(ms);
}

/** A duration that must not be 0 (`--timeout`, `--deadline`, `--connect-timeout`). */
export function positiveDuration(text: string, flag: string): number {
  const ms = parseDuration(text, flag);
  if (ms === 0) throw invalidValue(flag, text, 'expected a duration greater than 0');
  return ms;
}

/**
 * `1500` → `1.5s`, `90000` → `1m30s`: short, exact enough for logs and tables.
 *
 * @example
 * ```ts
 * import { formatDuration } from 'retry-run';
 *
 * console.log(formatDuration(1500), formatDuration(90_000)); // 1.5s 1m30s
 * ```
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${trimDecimals(ms / 1000)}s`;
  const totalSeconds = Math.round(ms / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  return [hours && `${hours}h`, minutes && `${minutes}m`, seconds && `${seconds}s`]
    .filter(Boolean)
    .join('');
}

function trimDecimals(value: number): string {
  return value.toFixed(value < 10 ? 2 : 1).replace(/\.?0+$/, '');
}
