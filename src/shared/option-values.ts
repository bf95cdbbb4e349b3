import { UsageError } from './errors.js';

/**
 * Validators for the library's typed options (README, Library): values, not strings; each
 * error names the option and the bad value, as `maxAttempts: expected … (got '0')`. The CLI
 * parses text into these values first (normalize.ts); these only check them.
 */

/** A whole number within [min, max]. */
export function wholeNumberOption(name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw invalidOption(name, value, `expected a whole number from ${min} to ${max}`);
  }
  return value;
}

/** A finite number of milliseconds: `>= 0`, or `> 0` where zero would mean nothing. */
export function msOption(name: string, value: unknown, positive = false): number {
  const finite = typeof value === 'number' && Number.isFinite(value);
  if (!finite || value < 0 || (positive && value === 0)) {
    const expected = positive ? 'a number of milliseconds > 0' : 'a number of milliseconds >= 0';
    throw invalidOption(name, value, `expected ${expected}`);
  }
  return value;
}

/** A finite number greater than `above` and at most `max`. */
export function numberOption(name: string, value: unknown, above: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= above || value > max) {
    throw invalidOption(name, value, `expected a number greater than ${above}, at most ${max}`);
  }
  return value;
}

/** One of a few fixed words. */
export function choiceOption<T extends string>(
  name: string,
  value: unknown,
  choices: readonly T[],
): T {
  if ((choices as readonly unknown[]).includes(value)) return value as T;
  throw invalidOption(name, value, `expected one of ${choices.join(', ')}`);
}

export function booleanOption(name: string, value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  throw invalidOption(name, value, 'expected true or false');
}

/** A callback, when given. */
export function functionOption<F>(name: string, value: F | undefined): F | undefined {
  if (value === undefined || typeof value === 'function') return value;
  throw invalidOption(name, value, 'expected a function');
}

/** `name: expected … (got the string '4')`: a string is named as one, `'4'` is not `4`. */
export function invalidOption(name: string, value: unknown, expected: string): UsageError {
  const shown =
    typeof value === 'string'
      ? `the string '${value}'`
      : typeof value === 'function'
        ? 'a function'
        : Array.isArray(value)
          ? 'an array'
          : String(value);
  return new UsageError(`${name}: ${expected} (got ${shown})`);
}
