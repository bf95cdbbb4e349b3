import { OWN_NAME } from './own-name.js';
import { isRetryRunError, MissingDoubleDashError } from '../shared/errors.js';
import { EXIT_CODES } from '../shared/exit-codes.js';

/**
 * Says what went wrong, and returns the exit code. `describe`: the message as the user reads
 * it (variables named, secrets masked); `corrected`: the command line with a forgotten `--`
 * put in, where that is what went wrong.
 */
export async function reportError(
  error: unknown,
  describe: (text: string) => string,
  corrected: () => Promise<string | undefined>,
): Promise<number> {
  if (error instanceof MissingDoubleDashError && showDoubleDash(await corrected(), describe)) {
    return error.exitCode;
  }
  if (isRetryRunError(error)) {
    process.stderr.write(`${OWN_NAME}: ${describe(error.message)}\n`);
    return error.exitCode;
  }
  const detail = (error as Error)?.stack ?? String(error);
  process.stderr.write(`${OWN_NAME}: internal error: ${describe(detail)}\n`);
  return EXIT_CODES.INTERNAL;
}

/** Says where the `--` goes, with the whole command line (false when there is none to show). */
export function showDoubleDash(
  line: string | undefined,
  redact: (text: string) => string,
): boolean {
  if (line)
    process.stderr.write(redact(`retry-run: to run a command, put -- before it: ${line}\n`));
  return line !== undefined;
}
