import type { Command } from 'commander';
import { invalidValue } from '../shared/errors.js';
import { COMPLETION_SHELLS, completionScript } from './completion.js';
import { stdout } from './streams.js';

/** `retry-run completion bash|zsh|fish`: the script on stdout (README "Shell completion"). */
export async function completionAction(program: Command, shell: string): Promise<number> {
  const known = COMPLETION_SHELLS.find((s) => s === shell);
  if (!known) throw invalidValue('completion', shell, `expected ${COMPLETION_SHELLS.join(', ')}`);
  stdout().write(completionScript(program, known));
  return 0;
}
