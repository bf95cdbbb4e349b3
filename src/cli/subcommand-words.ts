/** The words that choose a subcommand, or its help (commander's own `help` command). */
const SUBCOMMAND_WORDS = new Set(['explain', 'stats', 'breaker', 'budget', 'completion', 'help']);

/**
 * Whether retry-run's own arguments may choose a subcommand or ask for help (which lists the
 * subcommands). A run's (options, then `--` and the command, or a URL) do neither: their
 * program is built without the subcommands, whose options took a millisecond to make, and
 * most runs read their arguments without commander (./options/run-argv.ts).
 */
export function mayChooseSubcommand(own: readonly string[]): boolean {
  return own.some((arg) => SUBCOMMAND_WORDS.has(arg) || arg === '--help' || /^-[^-]*h/.test(arg));
}
