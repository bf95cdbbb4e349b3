import { invalidValue } from '../shared/errors.js';
import { compileLinearRegex, type LinearRegex } from './linear-regex.js';

/** `/source/flags`; which flags are allowed is compileLinearRegex's to say. */
const LITERAL = /^\/(.*)\/([a-zA-Z]*)$/s;

/**
 * A regular expression as an option writes it (README, Regular expressions): `/source/flags`,
 * or, where `bare` allows it (`--expect-body`), a pattern on its own. The one parser for
 * `output:/re/`, `stdout:/re/`, `stderr:/re/` and `--expect-body`, so that they accept the
 * same flags and refuse the same ones.
 */
export function parseRegexOption(
  text: string,
  flag: string,
  options: { bare: boolean },
): LinearRegex {
  const literal = LITERAL.exec(text);
  if (literal) return compileLinearRegex(literal[1]!, literal[2]!, flag);
  if (options.bare) return compileLinearRegex(text, '', flag);
  throw invalidValue(flag, text, 'expected a regular expression such as /re/ or /re/i');
}
