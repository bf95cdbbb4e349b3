import { invalidValue } from '../shared/errors.js';

/** A whole number within [min, max], written in decimal digits only. */
export function parseInteger(
  text: string,
  flag: string,
  min = 0,
  max = Number.MAX_SAFE_INTEGER,
): number {
  const value = Number(text.trim());
  if (!/^\s*-?\d+\s*$/.test(text) || !Number.isSafeInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `from ${min} to ${max}`;
    throw invalidValue(flag, text, `expected a whole number ${range}`);
  }
  return value;
}

/** A finite decimal number greater than `above`. */
export function parseNumberAbove(text: string, flag: string, above: number): number {
  const value = Number(text.trim());
  if (!/^\s*\d+(\.\d+)?\s*$/.test(text) || !Number.isFinite(value) || value <= above) {
    throw invalidValue(flag, text, `expected a number greater than ${above}`);
  }
  return value;
}

/** The closest of `candidates` to a misspelt `word`, if it is close enough to be a typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  const prefixed = candidates.filter(
    (candidate) => lower.length >= 2 && candidate.startsWith(lower),
  );
  if (prefixed.length === 1) return prefixed[0];
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * One of a few fixed words (`--log-format text|json`), in any case and spacing; anything else
 * names the choices. The one parser of every option with a fixed set of values.
 */
export function parseChoice<T extends string>(
  text: string,
  flag: string,
  choices: readonly T[],
): T {
  const choice = choices.find((name) => name === text.trim().toLowerCase());
  if (choice !== undefined) return choice;
  const listed = `${choices.slice(0, -1).join(', ')} or ${choices.at(-1)}`;
  throw invalidValue(flag, text, `expected ${listed}`);
}
