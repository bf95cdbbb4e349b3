import type { Command, Option } from 'commander';
import { VALID_TOKENS } from '../conditions/conditions.js';
import { STRATEGY_NAMES } from '../backoff/strategies.js';

export const COMPLETION_SHELLS = ['bash', 'zsh', 'fish'] as const;
export type CompletionShell = (typeof COMPLETION_SHELLS)[number];

/** What a completion script offers, read from the commander program so it never drifts. */
interface CompletionModel {
  /** '' is the plain run; the others are subcommands. */
  commands: Array<{ name: string; flags: string[] }>;
  /** An option's values, by each of its flags. */
  values: Array<{ flags: string[]; words: string[] }>;
}

/** `exit:N` → `exit:`; placeholders dropped, so the shell completes the fixed part. */
const CONDITION_WORDS = [
  ...new Set(VALID_TOKENS.split(', ').map((t) => t.replace(/(N-M|NNN|Nxx|NAME|N|re\/)$/, ''))),
].filter((word) => word !== '');

function model(program: Command): CompletionModel {
  const flagsOf = (options: readonly Option[]) =>
    options.flatMap((o) => [o.short, o.long].filter((f): f is string => !!f));
  const withHelp = (command: Command) => [...flagsOf(command.options), '-h', '--help'];
  return {
    commands: [
      { name: '', flags: [...withHelp(program), ...program.commands.map((c) => c.name())] },
      ...program.commands.map((c) => ({ name: c.name(), flags: withHelp(c) })),
    ],
    values: [
      { flags: ['-s', '--strategy'], words: [...STRATEGY_NAMES] },
      { flags: ['--retry-on', '--stop-on', '--until'], words: CONDITION_WORDS },
      { flags: ['--log-format'], words: ['text', 'json'] },
      { flags: ['--format'], words: ['table', 'json', 'openmetrics', 'text'] },
      { flags: ['--step-summary'], words: ['always', 'retries', 'never'] },
    ],
  };
}

export function completionScript(program: Command, shell: CompletionShell): string {
  const m = model(program);
  if (shell === 'bash') return bash(m);
  if (shell === 'zsh') return `autoload -U +X bashcompinit && bashcompinit\n${bash(m)}`;
  return fish(m);
}

function bash(m: CompletionModel): string {
  const subcommands = m.commands.filter((c) => c.name !== '').map((c) => c.name);
  const cases = m.commands
    .map((c) => `    ${c.name === '' ? '*' : c.name}) words="${c.flags.join(' ')}" ;;`)
    .reverse();
  const values = m.values
    .map((v) => `    ${v.flags.join('|')}) words="${v.words.join(' ')}" ;;`)
    .join('\n');
  return `# retry-run completion for bash (retry-run completion bash)
_retry_run() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}"
  local sub="" words="" i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in
      --) return 0 ;;
      ${subcommands.join('|')}) sub="\${COMP_WORDS[i]}"; break ;;
    esac
  done
  case "$prev" in
${values}
  esac
  if [ -z "$words" ]; then
    case "$sub" in
${cases.join('\n')}
    esac
  fi
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -o default -F _retry_run retry-run
`;
}

function fish(m: CompletionModel): string {
  const subcommands = m.commands.filter((c) => c.name !== '').map((c) => c.name);
  const lines = [
    '# retry-run completion for fish (retry-run completion fish)',
    'complete -c retry-run -f',
  ];
  const noSub = `not __fish_seen_subcommand_from ${subcommands.join(' ')}`;
  lines.push(`complete -c retry-run -n '${noSub}' -a '${subcommands.join(' ')}'`);
  for (const command of m.commands) {
    const when = command.name === '' ? noSub : `__fish_seen_subcommand_from ${command.name}`;
    for (const flag of command.flags.filter((f) => f.startsWith('--'))) {
      const values = m.values.find((v) => v.flags.includes(flag));
      const args = values ? ` -x -a '${values.words.join(' ')}'` : '';
      lines.push(`complete -c retry-run -n '${when}' -l ${flag.slice(2)}${args}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
