import { Script } from 'node:vm';
import { RegexTooCostlyError } from '../shared/errors.js';

/**
 * How long one compile or match of a user's regular expression may take. The engine is
 * linear in the text, but its cost also grows with the pattern (`(?:a|aa){1,1000}$` takes
 * half a minute on a 64 KiB tail): this bound keeps `--timeout`, `--deadline` and signals
 * answered within about a second whatever the pattern.
 */
const REGEX_TIME_LIMIT_MS = 1000;

/** Where the work waits for the script to call it: vm's timeout bounds only a script's run. */
const WORK = Symbol.for('retry-run.bounded-work');
const holder = globalThis as { [WORK]?: () => unknown };
let call: Script | undefined;

/**
 * Runs `work` synchronously, stopped by V8 (vm's watchdog) once it has taken `limitMs`; a
 * stopped run is a usage error naming `flag`: the pattern is too costly to be trusted.
 */
export function withinTimeLimit<T>(
  work: () => T,
  flag: string,
  what: string,
  limitMs = REGEX_TIME_LIMIT_MS,
): T {
  // In this context: a new one costs more (~10ms) than the matches it would guard.
  call ??= new Script('globalThis[Symbol.for("retry-run.bounded-work")]()');
  holder[WORK] = work;
  try {
    return call.runInThisContext({ timeout: limitMs }) as T;
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw error;
    throw new RegexTooCostlyError(
      `${flag}: ${what} took longer than ${limitMs / 1000}s; use a simpler regular expression`,
    );
  } finally {
    delete holder[WORK];
  }
}
