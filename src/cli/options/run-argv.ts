import { switchIsOn } from './env-values.js';
import { RUN_OPTIONS } from './run-options.js';
import { ENV_PREFIX, envVarOf, isNegation, keyOf, type OptionSpec } from './spec.js';

type Source = 'default' | 'cli' | 'env';

export interface ParsedRun {
  /** The options' values by key, as commander's `opts()` gives them to the run. */
  readonly options: Record<string, unknown>;
  /** The arguments that are not options: a URL, or a command given without `--`. */
  readonly operands: string[];
  /** The options whose values came from the environment (error messages name them). */
  readonly fromEnv: readonly { long: string; envVar: string }[];
}

/**
 * A run's own arguments (those before `--`) and its RETRY_RUN_* variables, read as commander
 * reads them but without loading it: commander and the program made with it took about 5 ms
 * of every run (README "Performance"). Undefined for anything else: help, the version, a
 * subcommand, an unknown option, a negative number, a missing value. commander parses those,
 * and says what is wrong. test/cli/run-argv.test.ts checks that the two read every command
 * line this one accepts the same way.
 */
export function parseRunArgv(
  own: readonly string[],
  env: NodeJS.ProcessEnv,
  specs: readonly OptionSpec[] = RUN_OPTIONS,
): ParsedRun | undefined {
  const byFlag = new Map<string, OptionSpec>();
  for (const spec of specs) {
    byFlag.set(spec.long, spec);
    if (spec.short) byFlag.set(spec.short, spec);
  }
  const options: Record<string, unknown> = {};
  const sources = new Map<OptionSpec, Source>();
  const set = (spec: OptionSpec, source: Source, value?: string) => {
    const key = keyOf(spec);
    const previous = options[key] as string[] | undefined;
    options[key] = !spec.value
      ? !isNegation(spec)
      : spec.list
        ? [...(previous ?? []), value]
        : value;
    sources.set(spec, source);
  };
  // A lone `--no-record` makes `record` true until it is given.
  for (const spec of specs) {
    if (!isNegation(spec) || byFlag.has(`--${spec.long.slice(5)}`)) continue;
    options[keyOf(spec)] = true;
    sources.set(spec, 'default');
  }

  const operands: string[] = [];
  let group: string | undefined; // what is left of a group of short switches: `-qv` → `-v`
  for (let i = 0; i < own.length || group !== undefined;) {
    const arg = group ?? own[i++]!;
    group = undefined;
    if (arg.length < 2 || !arg.startsWith('-')) {
      operands.push(arg);
      continue;
    }
    const exact = byFlag.get(arg);
    if (exact) {
      if (!exact.value) set(exact, 'cli');
      else if (i < own.length) set(exact, 'cli', own[i++]);
      else return undefined;
    } else if (arg[1] !== '-') {
      // `-n3`: a value in the same argument; `-qv`: a group of switches.
      const short = arg.length > 2 ? byFlag.get(arg.slice(0, 2)) : undefined;
      if (!short) return undefined;
      if (short.value) set(short, 'cli', arg.slice(2));
      else {
        set(short, 'cli');
        group = `-${arg.slice(2)}`;
      }
    } else {
      const equals = arg.indexOf('=');
      const long = equals > 2 ? byFlag.get(arg.slice(0, equals)) : undefined;
      if (!long?.value) return undefined;
      set(long, 'cli', arg.slice(equals + 1));
    }
  }

  // The environment fills what the command line left (a flag beats its variable); a
  // switch's variable set to 0, false, no or nothing leaves the switch as it was. Most runs
  // set none: the variables' names are made only when one is there.
  const fromEnv: { long: string; envVar: string }[] = [];
  if (!Object.keys(env).some((name) => name.startsWith(ENV_PREFIX))) {
    return { options, operands, fromEnv };
  }
  for (const spec of specs) {
    const envVar = envVarOf(spec);
    if (!envVar || !(envVar in env)) continue;
    const key = keyOf(spec);
    if (options[key] !== undefined && sources.get(spec) === 'cli') continue;
    const value = env[envVar];
    if (spec.value) set(spec, 'env', value);
    else if (switchIsOn(value ?? '')) set(spec, 'env');
    else {
      options[key] = isNegation(spec) ? true : undefined;
      sources.set(spec, 'default');
    }
    if (sources.get(spec) === 'env') fromEnv.push({ long: spec.long, envVar });
  }
  return { options, operands, fromEnv };
}
