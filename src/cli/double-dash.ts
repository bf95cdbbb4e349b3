import type { Command, Option } from 'commander';
import { URL_PATTERN } from '../config/run-config.js';

/**
 * A forgotten `--` is the likeliest first mistake (`retry-run curl -fsS URL`): the command line
 * as it should have been, `retry-run -- curl -fsS URL`, with retry-run's own options kept
 * before the `--`. Undefined unless the first operand starts a command: not a URL, not a
 * subcommand, and no unknown option before it (that is a typo of retry-run's own options).
 */
export function withForgottenDoubleDash(
  argv: readonly string[],
  program: Command,
): string | undefined {
  if (argv.includes('--')) return undefined;
  const index = firstOperandIndex(argv, program.options);
  if (index === undefined) return undefined;
  const operand = argv[index]!;
  if (URL_PATTERN.test(operand) || program.commands.some((c) => c.name() === operand)) {
    return undefined;
  }
  const words = [...argv.slice(0, index), '--', ...argv.slice(index)];
  return ['retry-run', ...words.map(shellWord)].join(' ');
}

/** Where the first operand is, reading options as commander does; undefined after an unknown one. */
export function firstOperandIndex(
  argv: readonly string[],
  options: readonly Option[],
): number | undefined {
  for (let index = 0; index < argv.length; index++) {
    const token = argv[index]!;
    if (token === '-' || !token.startsWith('-')) return index;
    const [flag, attached] = splitFlag(token);
    const option = options.find((candidate) => candidate.long === flag || candidate.short === flag);
    if (!option) return undefined;
    const next = argv[index + 1];
    const takesNext = option.required || (option.optional && !next?.startsWith('-'));
    if (attached === undefined && takesNext) index++;
  }
  return undefined;
}

/** `--base=1s` → [`--base`, `1s`]; `-n3` → [`-n`, `3`] (or `-qv`: more switches, no value). */
function splitFlag(token: string): [string, string | undefined] {
  if (token.startsWith('--')) {
    const equals = token.indexOf('=');
    return equals === -1 ? [token, undefined] : [token.slice(0, equals), token.slice(equals + 1)];
  }
  return token.length > 2 ? [token.slice(0, 2), token.slice(2)] : [token, undefined];
}

/** A word as a POSIX shell reads it back: bare when safe, else in single quotes. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}
