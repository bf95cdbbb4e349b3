import { redactValues, type RunTarget } from '../config/run-config.js';
import { createRedactor, type Redactor } from '../shared/redact.js';
import { withForgottenDoubleDash } from './double-dash.js';
import { nameEnvironmentSources } from './options/env-values.js';
import { parseRunArgv } from './options/run-argv.js';
import { reportError } from './report-error.js';
import { runAction } from './run.js';
import { commandsRunning } from '../runners/process-group.js';
import { guardStderrWhenUsed } from './streams.js';
import { mayChooseSubcommand } from './subcommand-words.js';

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
  // A run's plain options are read here; commander, loaded only when needed, reads the rest.
  const run = mayChooseSubcommand(own) ? undefined : parseRunArgv(own, process.env);
  if (!run) {
    const { parseWithCommander } = await import('./commander-main.js');
    return parseWithCommander(own, afterDoubleDash, redact);
  }
  const target: RunTarget = {
    operands: run.operands,
    ...(afterDoubleDash ? { afterDoubleDash } : {}),
  };
  try {
    return await runAction(run.options, target);
  } catch (error) {
    return reportError(
      error,
      (text) => redact(nameEnvironmentSources(text, run.fromEnv)),
      // Where the `--` goes is read from the options as commander has them.
      async () => {
        const { buildProgram } = await import('./program.js');
        return withForgottenDoubleDash(
          own,
          buildProgram(afterDoubleDash, () => {}, false),
        );
      },
    );
  }
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
