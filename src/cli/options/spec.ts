/**
 * One of retry-run's options, as data. commander's options are made from it when commander
 * parses (help, the version, subcommands, errors: ./commander-option.ts), and a plain run's
 * command line is read from it without loading commander at all (./run-argv.ts). Its parts
 * are written apart, not as commander's one flags string, so that a run reads them as they
 * are: parsing sixty flags strings took a fresh process half a millisecond.
 */
export interface OptionSpec {
  readonly short?: `-${string}`;
  /** `--max`; `--no-record` sets `record` to false, and `record` is true until it is given. */
  readonly long: `--${string}`;
  /** `<attempts>`: the option takes a value; a switch has none. */
  readonly value?: `<${string}>`;
  readonly description: string;
  /** Repeatable: each value is kept, in order (`--retry-on a --retry-on b` → [a, b]). */
  readonly list?: true;
  /** The subcommand whose option alone it is: it reads RETRY_RUN_<SCOPE>_<OPTION>. */
  readonly scope?: string;
  /** Read from the command line only, never from the environment. */
  readonly noEnv?: true;
}

export const ENV_PREFIX = 'RETRY_RUN_';

/** As commander writes them: `-n, --max <attempts>`. */
export function flagsOf({ short, long, value }: OptionSpec): string {
  return `${short ? `${short}, ` : ''}${long}${value ? ` ${value}` : ''}`;
}

export function isNegation(spec: OptionSpec): boolean {
  return spec.long.startsWith('--no-');
}

/** The key of its value, commander's attribute name: `--max-server-wait` → maxServerWait. */
export function keyOf(spec: OptionSpec): string {
  const name = spec.long.slice(isNegation(spec) ? 5 : 2);
  let key = '';
  for (let i = 0; i < name.length; i++) key += name[i] === '-' ? name[++i]!.toUpperCase() : name[i];
  return key;
}

/**
 * README, Environment variables: a run's options, and those a subcommand shares with the run
 * (the policy in `explain`, `--state`), read RETRY_RUN_<OPTION>: `--kill-after` ←
 * RETRY_RUN_KILL_AFTER. An option of one subcommand alone reads RETRY_RUN_<COMMAND>_<OPTION>:
 * `stats --format` ← RETRY_RUN_STATS_FORMAT, so that one command's setting never reaches
 * another.
 */
export function envVarOf(spec: OptionSpec): string | undefined {
  if (spec.noEnv) return undefined;
  const name =
    spec.scope === undefined ? spec.long.slice(2) : `${spec.scope}-${spec.long.slice(2)}`;
  return `${ENV_PREFIX}${name}`.toUpperCase().replaceAll('-', '_');
}
