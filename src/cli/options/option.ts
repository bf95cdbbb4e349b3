import { Option } from 'commander';

/**
 * An option that can also come from the environment as RETRY_RUN_<OPTION> (README, Usage):
 * `--kill-after` ← RETRY_RUN_KILL_AFTER. A flag beats the environment.
 */
export function envOption(flags: string, description: string): Option {
  const option = new Option(flags, description);
  const long = option.long?.replace(/^--/, '') ?? option.attributeName();
  return option.env(`RETRY_RUN_${long.toUpperCase().replaceAll('-', '_')}`);
}

/** A repeatable option whose values (each a comma list) accumulate in order. */
export function listOption(flags: string, description: string): Option {
  return envOption(flags, description).argParser(
    (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
  );
}
