import { Option, type Command } from 'commander';
import { shapeOf, type OptionSpec } from './spec.js';

/** A commander option made from retry-run's own description of it (./spec.ts). */
export function commanderOption(spec: OptionSpec): Option {
  const option = new Option(spec.flags, spec.description);
  const { envVar, list } = shapeOf(spec);
  if (envVar) option.env(envVar);
  if (list) {
    option.argParser((value: string, previous: string[] | undefined) => [
      ...(previous ?? []),
      value,
    ]);
  }
  return option;
}

/** Adds the options to the command, in order. */
export function addOptions(command: Command, specs: readonly OptionSpec[]): Command {
  for (const spec of specs) command.addOption(commanderOption(spec));
  return command;
}
