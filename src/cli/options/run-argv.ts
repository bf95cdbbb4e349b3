import { switchIsOn } from './env-values.js';
import { RUN_OPTIONS } from './run-options.js';
import { shapeOf, type OptionShape, type OptionSpec } from './spec.js';

type Source = 'default' | 'cli' | 'env';

export interface ParsedRun {
  /** The options' values by key, as commander's `opts()` gives them to the run. */
  readonly options: Record<string, unknown>;
  /** The arguments that are not options: a URL, or a command given without `--`. */
  readonly operands: string[];
  /** The options whose values came from the environment (error messages name them). */
  readonly fromEnv: readonly OptionShape[];
}

/**
 * A run's own arguments (those before `--`) and its RETRY_RUN_* variables, read as commander
 * reads them but without loading it: commander and the program made with it took about 6 ms
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
  const shapes = specs.map(shapeOf);
  const byFlag = new Map<string, OptionShape>();
  for (const shape of shapes) {
    byFlag.set(shape.long, shape);
    if (shape.short) byFlag.set(shape.short, shape);
  }
  const options: Record<string, unknown> = {};
  const sources = new Map<string, Source>();
  const set = (shape: OptionShape, source: Source, value?: string) => {
    const previous = options[shape.key] as string[] | undefined;
    options[shape.key] = !shape.takesValue
      ? !shape.negate
      : shape.list
        ? [...(previous ?? []), value]
        : value;
    sources.set(shape.key, source);
  };
  // A lone `--no-record` makes `record` true until it is given.
  for (const shape of shapes) {
    if (!shape.negate || byFlag.has(`--${shape.long.slice(5)}`)) continue;
    options[shape.key] = true;
    sources.set(shape.key, 'default');
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
      if (!exact.takesValue) set(exact, 'cli');
      else if (i < own.length) set(exact, 'cli', own[i++]);
      else return undefined;
    } else if (arg[1] !== '-') {
      // `-n3`: a value in the same argument; `-qv`: a group of switches.
      const short = arg.length > 2 ? byFlag.get(arg.slice(0, 2)) : undefined;
      if (!short) return undefined;
      if (short.takesValue) set(short, 'cli', arg.slice(2));
      else {
        set(short, 'cli');
        group = `-${arg.slice(2)}`;
      }
    } else {
      const equals = arg.indexOf('=');
      const long = equals > 2 ? byFlag.get(arg.slice(0, equals)) : undefined;
      if (!long?.takesValue) return undefined;
      set(long, 'cli', arg.slice(equals + 1));
    }
  }

  // The environment fills what the command line left (a flag beats its variable); a
  // switch's variable set to 0, false, no or nothing leaves the switch as it was.
  for (const shape of shapes) {
    if (!shape.envVar || !(shape.envVar in env)) continue;
    if (options[shape.key] !== undefined && sources.get(shape.key) === 'cli') continue;
    const value = env[shape.envVar];
    if (shape.takesValue) set(shape, 'env', value);
    else if (switchIsOn(value ?? '')) set(shape, 'env');
    else {
      options[shape.key] = shape.negate ? true : undefined;
      sources.set(shape.key, 'default');
    }
  }
  return {
    options,
    operands,
    fromEnv: shapes.filter((shape) => sources.get(shape.key) === 'env'),
  };
}
