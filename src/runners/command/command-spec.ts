import { UsageError } from '../../shared/errors.js';

/** What to run: an argv (no shell), or a script for /bin/sh -c. */
export interface CommandSpec {
  file: string;
  args: readonly string[];
  /** How the command is shown in logs. */
  display: string;
}

/**
 * A script for `/bin/sh -c`. `shown`: the script as the log may show it (secrets masked).
 *
 * @example
 * ```ts
 * import { shellCommand } from 'retry-run';
 *
 * const spec = shellCommand('deploy --token "$TOKEN"', 'deploy --token ***');
 * console.log(spec.file, spec.display); // /bin/sh deploy --token ***
 * ```
 */
export function shellCommand(script: string, shown = script): CommandSpec {
  return { file: '/bin/sh', args: ['-c', script], display: shown };
}

/**
 * An argv, run without a shell. `shown`: the argv as the log may show it (secrets masked).
 *
 * @example
 * ```ts
 * import { argvCommand } from 'retry-run';
 *
 * console.log(argvCommand(['git', 'commit', '-m', 'two words']).display); // git commit -m 'two words'
 * ```
 */
export function argvCommand(argv: readonly string[], shown = argv): CommandSpec {
  const [file, ...args] = argv;
  if (file === undefined) throw new UsageError('argvCommand needs at least the command');
  return { file, args, display: shown.map(quoteForDisplay).join(' ') };
}

function quoteForDisplay(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`;
}
