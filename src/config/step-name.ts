/**
 * The default name of a step (README "History and `retry-run stats`"): what history, stats,
 * metrics and summaries call a run that has no --name. A script is named after its first
 * real command, not after the `set -e` or `cd` it starts with, and curl or wget after what
 * they fetch, since `curl` alone would lump every download of a pipeline under one name.
 */

/** Keywords that come before a command: `if make; then …` is about `make`. */
const PREFIX_WORDS = new Set([
  'if',
  'then',
  'else',
  'elif',
  'do',
  'while',
  'until',
  '!',
  'time',
  '{',
  'exec',
  'command',
  'nohup',
  'env',
]);

/** Keywords and builtins that are not the step: their whole simple command is skipped. */
const SKIPPED_COMMANDS = new Set([
  'fi',
  'done',
  'esac',
  '}',
  'for',
  'case',
  'select',
  'in',
  'set',
  'cd',
  'pushd',
  'popd',
  'trap',
  'export',
  'unset',
  'local',
  'readonly',
  'declare',
  'echo',
  'printf',
  'true',
  'false',
  ':',
  'shift',
  'umask',
  'ulimit',
  'wait',
  'exit',
  'return',
  'source',
  '.',
  'eval',
  'test',
  '[',
  '[[',
  'alias',
  'shopt',
  'hash',
  'type',
]);

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** `set -e; cd app && FOO=1 make test | tee log` → `['make', 'test']`: the first real command's words. */
export function firstRealCommand(script: string): string[] | undefined {
  const simpleCommands = script.split(/;|&&|\|\||\||&|\n|\(|\)|`|\$\(/);
  for (const text of simpleCommands) {
    const words = text
      .trim()
      .split(/\s+/)
      .filter((word) => word !== '');
    while (words.length > 0 && (PREFIX_WORDS.has(words[0]!) || ASSIGNMENT.test(words[0]!)))
      words.shift();
    if (words.length > 0 && !SKIPPED_COMMANDS.has(words[0]!)) return words;
  }
  return undefined;
}

/** `curl -fsS https://api.example.com/v1/items?x=1` → `api.example.com/v1`; else undefined. */
export function fetchedPlace(program: string, args: readonly string[]): string | undefined {
  if (program !== 'curl' && program !== 'wget') return undefined;
  for (const arg of args) {
    const text = arg.replace(/^['"]|['"]$/g, '');
    if (!/^https?:\/\//i.test(text)) continue;
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      continue;
    }
    const segment = url.pathname.split('/').find((part) => part !== '');
    return segment === undefined ? url.host : `${url.host}/${segment}`;
  }
  return undefined;
}
