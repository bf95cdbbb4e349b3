/** What to run: an argv (no shell), or a script for /bin/sh -c. */
export interface CommandSpec {
  file: string;
  args: readonly string[];
  /** How the command is shown in logs. */
  display: string;
}

export function shellCommand(script: string): CommandSpec {
  return { file: '/bin/sh', args: ['-c', script], display: script };
}

export function argvCommand(argv: readonly string[]): CommandSpec {
  const [file, ...args] = argv;
  if (file === undefined) throw new Error('argvCommand needs at least the command');
  return { file, args, display: argv.map(quoteForDisplay).join(' ') };
}

function quoteForDisplay(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`;
}
