/**
 * One of retry-run's options, as data. commander's options are made from it when commander
 * parses (help, the version, subcommands, errors: ./commander-option.ts), and a plain run's
 * command line is read from it without loading commander at all (./run-argv.ts).
 */
export interface OptionSpec {
  /** As commander writes them: `-n, --max <attempts>`, `--quiet`, `--no-record`. */
  readonly flags: string;
  readonly description: string;
  /** Repeatable: each value is kept, in order (`--retry-on a --retry-on b` → [a, b]). */
  readonly list?: true;
  /** The subcommand whose option alone it is: it reads RETRY_RUN_<SCOPE>_<OPTION>. */
  readonly scope?: string;
  /** Read from the command line only, never from the environment. */
  readonly noEnv?: true;
}

/** What parsing needs to know of an option, read from its flags. */
export interface OptionShape {
  readonly short?: string;
  readonly long: string;
  readonly takesValue: boolean;
  /** `--no-record`: sets `record` to false, and `record` is true until it is given. */
  readonly negate: boolean;
  /** The key of its value: commander's attribute name (`--max-server-wait` → maxServerWait). */
  readonly key: string;
  readonly envVar?: string;
  readonly list: boolean;
}

const FLAGS = /^(?:(-[^-]), )?--([a-z][a-z0-9-]*)(?: (<[a-z|-]+>))?$/;

/** The shape of an option; throws on flags this module does not read (a mistake in src/). */
export function shapeOf(spec: OptionSpec): OptionShape {
  const match = FLAGS.exec(spec.flags);
  if (!match) throw new Error(`option flags not understood: ${spec.flags}`);
  const [, short, name = '', value] = match;
  const negate = name.startsWith('no-');
  return {
    ...(short ? { short } : {}),
    long: `--${name}`,
    takesValue: value !== undefined,
    negate,
    key: camelCase(negate ? name.slice(3) : name),
    ...(spec.noEnv ? {} : { envVar: envVarOf(name, spec.scope) }),
    list: spec.list === true,
  };
}

/**
 * README, Environment variables: a run's options, and those a subcommand shares with the run
 * (the policy in `explain`, `--state`), read RETRY_RUN_<OPTION>: `--kill-after` ←
 * RETRY_RUN_KILL_AFTER. An option of one subcommand alone reads RETRY_RUN_<COMMAND>_<OPTION>:
 * `stats --format` ← RETRY_RUN_STATS_FORMAT, so that one command's setting never reaches
 * another.
 */
function envVarOf(name: string, scope: string | undefined): string {
  const scoped = scope === undefined ? name : `${scope}-${name}`;
  return `RETRY_RUN_${scoped}`.toUpperCase().replaceAll('-', '_');
}

function camelCase(name: string): string {
  return name.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}
