import fc from 'fast-check';
import type { Command } from 'commander';
import { afterEach, describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import { turnOffSwitchesSetOff } from '../../src/cli/options/env-values.js';
import { parseRunArgv } from '../../src/cli/options/run-argv.js';
import { RUN_OPTIONS } from '../../src/cli/options/run-options.js';
import { EXPLAIN_OPTIONS } from '../../src/cli/options/explain-options.js';
import { envVarOf, flagsOf, keyOf, type OptionSpec } from '../../src/cli/options/spec.js';
import { commanderOption } from '../../src/cli/options/commander-option.js';

const ENV_VARS = RUN_OPTIONS.flatMap((spec) => envVarOf(spec) ?? []);

interface Read {
  options: Record<string, unknown>;
  operands: string[];
  fromEnv: string[];
}

/** What a run's action receives when commander parses, as retry-run sets commander up. */
function viaCommander(own: readonly string[]): Read | 'refused' {
  let read: Read | undefined;
  const program = buildProgram(undefined, () => {}, false);
  program.exitOverride().configureOutput({ writeOut: () => {}, writeErr: () => {} });
  program.hook('preAction', (_program, action) => turnOffSwitchesSetOff(action));
  program.action((_url: unknown, options: Record<string, unknown>, command: Command) => {
    const fromEnv = command.options
      .filter((option) => command.getOptionValueSource(option.attributeName()) === 'env')
      .map((option) => option.long!);
    read = { options: { ...options }, operands: [...command.args], fromEnv };
  });
  try {
    program.parse(own, { from: 'user' });
  } catch {
    return 'refused';
  }
  return read ?? 'refused';
}

function viaRunArgv(own: readonly string[]): Read | undefined {
  const run = parseRunArgv(own, process.env);
  if (!run) return undefined;
  return { ...run, options: { ...run.options }, fromEnv: run.fromEnv.map(({ long }) => long) };
}

/** Sets these variables for one call (commander reads process.env itself). */
function withEnv<T>(env: Record<string, string>, read: () => T): T {
  const saved = { ...process.env };
  for (const name of ENV_VARS) delete process.env[name];
  Object.assign(process.env, env);
  try {
    return read();
  } finally {
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
    Object.assign(process.env, saved);
  }
}

afterEach(() => {
  for (const name of ENV_VARS) expect(process.env[name], name).toBeUndefined();
});

describe('parseRunArgv: a run read without commander (README "Performance")', () => {
  it('reads the common forms of a run: separate and attached values, groups, lists, a URL', () => {
    const own = ['-qn', '3', '--base=1s', '-c2m', '--retry-on', 'exit:1', '--retry-on=exit:2'];
    expect(viaRunArgv(own)).toEqual({
      options: {
        quiet: true,
        max: '3',
        base: '1s',
        cap: '2m',
        retryOn: ['exit:1', 'exit:2'],
        serverWait: true,
        record: true,
      },
      operands: [],
      fromEnv: [],
    });
    expect(viaRunArgv([...own, '--no-record', 'https://x/'])?.operands).toEqual(['https://x/']);
    expect(viaRunArgv(['-H', 'A: 1', 'https://x/', '-H', 'B: 2'])).toMatchObject({
      options: { header: ['A: 1', 'B: 2'] },
      operands: ['https://x/'],
    });
    // A lone negation is true until it is given, as commander has it.
    expect(viaRunArgv([])?.options).toEqual({ serverWait: true, record: true });
    expect(viaRunArgv(['--no-record'])?.options).toMatchObject({ record: false });
  });

  it('takes variables where no flag was given, a switch set to 0, false, no or nothing off', () => {
    const env = { RETRY_RUN_MAX: '5', RETRY_RUN_QUIET: 'no', RETRY_RUN_VERBOSE: '1' };
    const run = withEnv(env, () => viaRunArgv(['-n', '2']));
    expect(run?.options).toMatchObject({ max: '2', quiet: undefined, verbose: true });
    expect(run?.fromEnv).toEqual(['--verbose']);
    const fromEnv = withEnv({ RETRY_RUN_MAX: 'x', RETRY_RUN_NO_RECORD: 'false' }, () =>
      viaRunArgv([]),
    );
    expect(fromEnv).toMatchObject({ options: { max: 'x', record: true }, fromEnv: ['--max'] });
  });

  it('leaves to commander what it must explain or refuse', () => {
    for (const own of [
      ['--help'],
      ['-V'],
      ['--version'],
      ['--bogus'],
      ['-Z'],
      ['-qZ'],
      ['-n'],
      ['--quiet=1'],
      ['-5'],
      ['--max-s=1'],
    ]) {
      expect(viaRunArgv(own), own.join(' ')).toBeUndefined();
    }
  });

  it('reads every command line it accepts as commander does, whatever the environment', () => {
    const value = fc.constantFrom('3', '1s', '', '-q', '--quiet', '--max', 'a=b', '-', 'x y');
    const token = fc.oneof(
      fc
        .tuple(fc.constantFrom(...RUN_OPTIONS), value)
        .map(([spec, v]) => (spec.value ? [spec.long, v] : [spec.long])),
      fc.tuple(fc.constantFrom(...RUN_OPTIONS), value).map(([spec, v]) => [`${spec.long}=${v}`]),
      fc
        .tuple(fc.constantFrom(...RUN_OPTIONS.filter((spec) => spec.short)), value)
        .chain(([spec, v]) =>
          fc.constantFrom([spec.short!, v], [`${spec.short}${v}`], [spec.short!]),
        ),
      fc
        .array(fc.constantFrom('q', 'v', 'k', 'n', 'X', 'Z', '5', 'h'), {
          minLength: 1,
          maxLength: 4,
        })
        .map((letters) => [`-${letters.join('')}`]),
      fc.constantFrom(['https://x/'], ['curl'], ['-'], [''], ['-5'], ['--bogus'], ['--no-quiet']),
    );
    const env = fc.dictionary(
      fc.constantFrom(...ENV_VARS),
      fc.constantFrom('', '0', 'false', 'NO ', 'yes', '1', '3', 'x'),
      { maxKeys: 4 },
    );
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(token, { maxLength: 6 }), env, (tokens, variables) => {
        const own = tokens.flat();
        const [fast, slow] = withEnv(variables, () => [viaRunArgv(own), viaCommander(own)]);
        if (fast === undefined) return;
        accepted++;
        expect(slow).toStrictEqual(fast);
      }),
      { numRuns: 3000 },
    );
    // Most generated lines are plain runs: a parser that refused them all would prove nothing.
    expect(accepted).toBeGreaterThan(1000);
  });
});

describe('option specs', () => {
  const specs: readonly OptionSpec[] = [...RUN_OPTIONS, ...EXPLAIN_OPTIONS];

  it('give commander the flags, keys and variables that parseRunArgv reads', () => {
    for (const spec of specs) {
      const option = commanderOption(spec);
      expect(option.flags).toBe(
        [spec.short, spec.long].filter(Boolean).join(', ') + (spec.value ? ` ${spec.value}` : ''),
      );
      expect(
        {
          short: option.short,
          long: option.long,
          value: option.required,
          key: option.attributeName(),
        },
        flagsOf(spec),
      ).toEqual({
        short: spec.short,
        long: spec.long,
        value: spec.value !== undefined,
        key: keyOf(spec),
      });
      expect(option.negate).toBe(spec.long.startsWith('--no-'));
      expect(option.envVar).toBe(envVarOf(spec));
    }
  });

  it('name each run option once, each with its own key and variable', () => {
    const flags = RUN_OPTIONS.flatMap((spec) => [spec.long, ...(spec.short ? [spec.short] : [])]);
    expect(new Set(flags).size).toBe(flags.length);
    expect(new Set(RUN_OPTIONS.map(keyOf)).size).toBe(RUN_OPTIONS.length);
    expect(new Set(ENV_VARS).size).toBe(RUN_OPTIONS.length);
    expect(ENV_VARS).toContain('RETRY_RUN_MAX_SERVER_WAIT');
    expect(envVarOf({ long: '--format', description: '', scope: 'stats' })).toBe(
      'RETRY_RUN_STATS_FORMAT',
    );
  });
});
