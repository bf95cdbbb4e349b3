import { UsageError } from '../../shared/errors.js';

/** What to run: an argv (no shell), or a script for /bin/sh -c. */
export interface CommandSpec {
  file: string;
  args: readonly string[];
  /** How the command is shown in logs. */
  display: string;
}

/** `shown`: the script as the log may show it (secrets masked). */
export function shellCommand(script: string, shown = script): CommandSpec {
  return { file: '/bin/sh', args: ['-c', script], display: shown };
}

/** `shown`: the argv as the log may show it (secrets masked). */
export function argvCommand(argv: readonly string[], shown = argv): CommandSpec {
  const [file, ...args] = argv;
  if (file === undefined) throw new UsageError('argvCommand needs at least the command');
  return { file, args, display: shown.map(quoteForDisplay).join(' ') };
}

function quoteForDisplay(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`;
}
