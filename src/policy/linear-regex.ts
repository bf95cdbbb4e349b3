import { UsageError } from '../errors.js';
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
/** JavaScript syntax that needs backtracking: lookahead, lookbehind, backreferences. */
const BACKTRACKING_SYNTAX = /\(\?<?[=!]|\\[1-9]|\\k<[^>]*>/;

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
  try {
    return RE2JS.compile(RE2JS.translateRegExp(source), bits);
  } catch (error) {
    if (BACKTRACKING_SYNTAX.test(source)) {
      throw new UsageError(
        `${flag}: ${text} uses a lookahead, lookbehind or backreference: retry-run matches with a linear-time engine (RE2 syntax), which has none, so that no pattern can hang a run`,
      );
    }
    throw new UsageError(
      `${flag}: invalid regular expression ${text}: ${(error as Error).message}`,
    );
  }
}
