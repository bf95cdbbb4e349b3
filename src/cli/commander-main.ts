import { CommanderError, type Command } from 'commander';
import { OWN_NAME } from './own-name.js';
import { EXIT_CODES } from '../shared/exit-codes.js';
import { withForgottenDoubleDash } from './double-dash.js';
import {
  nameEnvironmentSources,
  optionsFromEnv,
  turnOffSwitchesSetOff,
} from './options/env-values.js';
import { buildProgram, type ActionResult } from './program.js';
import { reportError, showDoubleDash } from './report-error.js';
import { mayChooseSubcommand } from './subcommand-words.js';
import { stdout } from './streams.js';

const HELP_COLUMNS = 80;

/**
 * retry-run's own arguments parsed by commander, and the chosen action run: help, the
 * version, the subcommands, every usage error, and any run that ./options/run-argv.ts leaves
 * to it. Returns the exit code.
 */
export async function parseWithCommander(
  own: readonly string[],
  afterDoubleDash: readonly string[] | undefined,
  redact: (text: string) => string,
): Promise<number> {
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
  const corrected = async () => withForgottenDoubleDash(own, program);
  const describe = (text: string) =>
    redact(chosen ? nameEnvironmentSources(text, optionsFromEnv(chosen)) : text);
  try {
    await program.parseAsync(own, { from: 'user' });
    return result ? await result : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // commander said "unknown option '-fsS'": `retry-run curl -fsS URL` meant to run curl.
      if (error.code === 'commander.unknownOption') showDoubleDash(await corrected(), describe);
      // Help and --version "fail" with code 0; every other parse error is a usage error.
      return error.exitCode === 0 ? 0 : EXIT_CODES.USAGE;
    }
    return reportError(error, describe, corrected);
  }
}

/** Help fits 80 columns, or a narrower terminal (README "Usage"). */
function helpWidth(): number {
  return Math.min(HELP_COLUMNS, process.stdout.columns || HELP_COLUMNS);
}
