import type { CommandRunnerOptions } from './command.js';
import { STDIN_MODES } from './stdin-source.js';
import { DEFAULTS } from '../../shared/defaults.js';
import {
  choiceOption,
  functionOption,
  invalidOption,
  msOption,
} from '../../shared/option-values.js';

/** The command runner's options once checked, with their defaults. */
export type CheckedCommandRunnerOptions = CommandRunnerOptions & { killAfterMs: number };

/** Checks a library caller's options where they enter; errors name the option. */
export function checkCommandRunnerOptions(
  options: CommandRunnerOptions,
): CheckedCommandRunnerOptions {
  const { command, capture } = options;
  const isText = (value: unknown) => typeof value === 'string';
  if (
    !isText(command?.file) ||
    !Array.isArray(command.args) ||
    !command.args.every(isText) ||
    !isText(command.display)
  ) {
    throw invalidOption('command', command, "expected argvCommand([…]) or shellCommand('…')");
  }
  if (options.stdin !== undefined) choiceOption('stdin', options.stdin, STDIN_MODES);
  if (capture !== undefined) {
    if (capture.stdout !== undefined) {
      choiceOption('capture.stdout', capture.stdout, ['live', 'final'] as const);
    }
    if (capture.tails !== undefined && typeof capture.tails !== 'boolean') {
      throw invalidOption('capture.tails', capture.tails, 'expected true or false');
    }
    functionOption('capture.onStderr', capture.onStderr);
  }
  functionOption('now', options.now);
  return {
    ...options,
    killAfterMs: msOption('killAfterMs', options.killAfterMs ?? DEFAULTS.killAfterMs),
  };
}
