import { Option } from 'commander';

/**
 * An option that can also come from the environment (README, Environment variables). A run's
 * options, and those a command shares with the run (the policy in `explain`, `--state`), read
 * RETRY_RUN_<OPTION>: `--kill-after` ← RETRY_RUN_KILL_AFTER. An option of one command alone
 * reads RETRY_RUN_<COMMAND>_<OPTION>: `stats --format` ← RETRY_RUN_STATS_FORMAT, so that one
 * command's setting never reaches another. A flag beats the environment.
 */
export function envOption(flags: string, description: string, command?: string): Option {
  const option = new Option(flags, description);
  const long = option.long?.replace(/^--/, '') ?? option.attributeName();
  const scope = command === undefined ? '' : `${command}-`;
  return option.env(`RETRY_RUN_${scope}${long}`.toUpperCase().replaceAll('-', '_'));
}

/** A repeatable option whose values (each a comma list) accumulate in order. */
export function listOption(flags: string, description: string): Option {
  return envOption(flags, description).argParser(
    (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
  );
}
