import { OWN_NAME } from './own-name.js';
import { CommanderError, type Command } from 'commander';
import { isRetryRunError, MissingDoubleDashError } from '../shared/errors.js';
import { EXIT_CODES } from '../shared/exit-codes.js';
import { redactValues } from '../config/run-config.js';
import { createRedactor, type Redactor } from '../shared/redact.js';
import { withForgottenDoubleDash } from './double-dash.js';
import { nameEnvironmentSources, turnOffSwitchesSetOff } from './options/env-values.js';
import { buildProgram, mayChooseSubcommand, type ActionResult } from './program.js';
import { commandsRunning } from '../runners/process-group.js';
import { guardStderrWhenUsed, stdout } from './streams.js';

const HELP_COLUMNS = 80;

/**
 * The CLI entry: the only code that sets the exit code. retry-run's own options come before
 * the first `--`; everything after it is the command, untouched by option parsing.
 */
export async function main(argv: readonly string[]): Promise<number> {
  const split = argv.indexOf('--');
  const own = split === -1 ? argv : argv.slice(0, split);
  const afterDoubleDash = split === -1 ? undefined : argv.slice(split + 1);
  // An error quotes the bad value: a mistyped URL, --state or option may hold a password.
  // Made when an error is shown: a run makes its own from its options, and looking through
  // the environment for secrets twice cost every run about a millisecond.
  let redactor: Redactor | undefined;
  const redact = (text: string) =>
    (redactor ??= createRedactor({ env: process.env, extra: redactValuesIn(own) }))(text);
  let result: ActionResult | undefined;
  const program = buildProgram(afterDoubleDash, (r) => (result = r), mayChooseSubcommand(own));
  // Subcommands made with `new Command` inherit none of this: each needs it, or a bad option
  // to `explain` would exit 1 instead of 125.
  for (const command of [program, ...program.commands]) {
    command.exitOverride().configureOutput({
      // Asked only when help is shown: a run never creates process.stdout just for this.
      getOutHelpWidth: helpWidth,
      getErrHelpWidth: helpWidth,
      writeOut: (text) => stdout().write(text),
      writeErr: (text) =>
        process.stderr.write(text.startsWith('error:') ? `${OWN_NAME}: ${text}` : text),
      outputError: (text, write) => write(redact(text.replace(/^error: /, `${OWN_NAME}: `))),
    });
  }
  let chosen: Command | undefined;
  program.hook('preAction', (_program, action) => {
    chosen = action;
    turnOffSwitchesSetOff(action);
  });
  try {
    await program.parseAsync(own, { from: 'user' });
    return result ? await result : 0;
  } catch (error) {
    const named = (text: string) => (chosen ? nameEnvironmentSources(text, chosen) : text);
    return reportError(
      error,
      (text) => redact(named(text)),
      () => withForgottenDoubleDash(own, program),
    );
  }
}

/**
 * `describe`: the message as the user reads it (variables named, secrets masked);
 * `corrected`: the command line with a forgotten `--` put in, where that is what went wrong.
 */
function reportError(
  error: unknown,
  describe: (text: string) => string,
  corrected: () => string | undefined,
): number {
  if (error instanceof CommanderError) {
    // commander said "unknown option '-fsS'": `retry-run curl -fsS URL` meant to run curl.
    if (error.code === 'commander.unknownOption') showDoubleDash(corrected(), describe);
    // Help and --version "fail" with code 0; every other parse error is a usage error.
    return error.exitCode === 0 ? 0 : EXIT_CODES.USAGE;
  }
  if (error instanceof MissingDoubleDashError && showDoubleDash(corrected(), describe)) {
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
function showDoubleDash(line: string | undefined, redact: (text: string) => string): boolean {
  if (line)
    process.stderr.write(redact(`retry-run: to run a command, put -- before it: ${line}\n`));
  return line !== undefined;
}

/** Help fits 80 columns, or a narrower terminal (README "Usage"). */
function helpWidth(): number {
  return Math.min(HELP_COLUMNS, process.stdout.columns || HELP_COLUMNS);
}

/** `--redact` values in retry-run's own argv and RETRY_RUN_REDACT, before they are parsed. */
function redactValuesIn(argv: readonly string[]): string[] {
  const values = argv.flatMap((arg, i) =>
    arg === '--redact' ? [argv[i + 1] ?? ''] : arg.startsWith('--redact=') ? [arg.slice(9)] : [],
  );
  return redactValues([...values, process.env.RETRY_RUN_REDACT ?? '']);
}

guardStderrWhenUsed();
void main(process.argv.slice(2)).then(exitWhenDone);

/**
 * Sets the exit code, and exits at once when all that is left is closing file descriptors and
 * the handles of commands that have exited, which the exit does anyway: waiting for those
 * closes (a command's handle closes at the event loop's next close phase) and then for Node's
 * own teardown took about 3 ms of every run, more when a garbage collection Node had put off
 * ran in between (README "Performance"). Anything else still pending (output being written,
 * a socket, a timer, a child's pipe, a command still running) is left to finish first, as it
 * always was.
 */
function exitWhenDone(code: number): void {
  process.exitCode = code;
  const closed = (resource: string) =>
    resource === 'CloseReq' || (resource === 'ProcessWrap' && commandsRunning() === 0);
  if (process.getActiveResourcesInfo().every(closed)) process.exit();
}
