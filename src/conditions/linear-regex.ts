import { UsageError } from '../shared/errors.js';
import { loadRe2js } from './load-re2js.js';
import { withinTimeLimit } from './time-bound.js';

/**
 * A user's regular expression (`--retry-on output:/re/`, `--until`, `--expect-body`), matched
 * by RE2 (re2js) in time linear in the text: a backtracking pattern such as `(a+)+$` cannot
 * hang a run as it would with JavaScript's RegExp. Every compile and match is also time-bound.
 */
export interface LinearRegex {
  /** `/source/flags`, as logs show it. */
  readonly text: string;
  test(input: string): boolean;
  /** Where the first match starts, or undefined. */
  firstIndex(input: string): number | undefined;
}

/** JavaScript flags RE2 has a meaning for; `u` is accepted and changes nothing. */
const FLAG_BITS: Readonly<Record<string, 'CASE_INSENSITIVE' | 'MULTILINE' | 'DOTALL' | null>> = {
  i: 'CASE_INSENSITIVE',
  m: 'MULTILINE',
  s: 'DOTALL',
  u: null,
};
const LOOKAROUND = /^\(\?<?[=!]/;

/** Compiles `/source/flags`; a usage error naming `flag` for anything RE2 cannot run. */
export function compileLinearRegex(source: string, flags: string, flag: string): LinearRegex {
  const text = `/${source}/${flags}`;
  const { RE2JS } = loadRe2js();
  let bits = 0;
  for (const letter of new Set(flags)) {
    const name = Object.hasOwn(FLAG_BITS, letter) ? FLAG_BITS[letter] : undefined;
    if (name === undefined) {
      throw new UsageError(
        `${flag}: regular expression flags may only be i, m, s, u (got '${flags}' in ${text})`,
      );
    }
    if (name) bits |= RE2JS[name];
  }
  const compiled = withinTimeLimit(
    () => compile(RE2JS, source, bits, text, flag),
    flag,
    `compiling ${text}`,
  );
  const bound = <T>(work: () => T): T => withinTimeLimit(work, flag, `matching ${text}`);
  return {
    text,
    test: (input) => bound(() => compiled.test(input)),
    // test() first: its DFA settles a miss much faster than find(), which tracks groups.
    firstIndex: (input) =>
      bound(() => {
        if (!compiled.test(input)) return undefined;
        const matcher = compiled.matcher(input);
        return matcher.find() ? matcher.start() : undefined;
      }),
  };
}

function compile(
  RE2JS: ReturnType<typeof loadRe2js>['RE2JS'],
  source: string,
  bits: number,
  text: string,
  flag: string,
) {
  if (needsBacktracking(source)) {
    throw new UsageError(
      `${flag}: ${text} uses a lookahead, lookbehind or backreference: retry-run matches with a linear-time engine (RE2 syntax), which has none, so that no pattern can hang a run`,
    );
  }
  try {
    return RE2JS.compile(RE2JS.translateRegExp(source), bits);
  } catch (error) {
    throw new UsageError(
      `${flag}: invalid regular expression ${text}: ${(error as Error).message}`,
    );
  }
}

/**
 * Whether the JavaScript pattern uses lookahead, lookbehind or a backreference (`\1`,
 * `\k<name>`) outside a character class. Checked before translating, which would read a
 * named backreference as the letters `k<name>`.
 */
function needsBacktracking(source: string): boolean {
  let inClass = false;
  for (let index = 0; index < source.length; index++) {
    const char = source[index];
    if (char === '\\') {
      const next = source[index + 1] ?? '';
      if (!inClass && (/[1-9]/.test(next) || source.startsWith('k<', index + 1))) return true;
      index++;
    } else if (inClass) {
      inClass = char !== ']';
    } else if (char === '[') {
      inClass = true;
    } else if (LOOKAROUND.test(source.slice(index, index + 4))) {
      return true;
    }
  }
  return false;
}
