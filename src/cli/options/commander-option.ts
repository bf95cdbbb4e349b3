import { Option, type Command } from 'commander';
import { envVarOf, flagsOf, type OptionSpec } from './spec.js';

/** A commander option made from retry-run's own description of it (./spec.ts). */
export function commanderOption(spec: OptionSpec): Option {
  const option = new Option(flagsOf(spec), spec.description);
  const envVar = envVarOf(spec);
  if (envVar) option.env(envVar);
  if (spec.list) {
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
