import type { Command } from 'commander';

const OFF = new Set(['', '0', 'false', 'no']);

/** A switch's variable turns it on unless it is `0`, `false`, `no` or empty (any case). */
export function switchIsOn(value: string): boolean {
  return !OFF.has(value.trim().toLowerCase());
}

/**
 * commander turns a switch on whatever its variable holds; `RETRY_RUN_DRY_RUN=0` must leave
 * it off (and `RETRY_RUN_NO_RECORD=false` leave recording on). Call it before the action runs.
 */
export function turnOffSwitchesSetOff(command: Command): void {
  for (const option of command.options) {
    const key = option.attributeName();
    if (option.required || option.optional || command.getOptionValueSource(key) !== 'env') continue;
    if (switchIsOn(process.env[option.envVar!] ?? '')) continue;
    command.setOptionValueWithSource(key, option.negate ? true : undefined, 'default');
  }
}

/** An option as error messages name it: commander's, or a shape (./spec.ts). */
interface NamedOption {
  readonly long?: string | undefined;
  readonly envVar?: string | undefined;
}

/** The options of the command whose values came from the environment. */
export function optionsFromEnv(command: Command): NamedOption[] {
  return command.options.filter(
    (option) => command.getOptionValueSource(option.attributeName()) === 'env',
  );
}

/**
 * The message with each flag whose value came from the environment followed by its variable:
 * `--max (from RETRY_RUN_MAX): expected a whole number …`, so the user knows where to look.
 */
export function nameEnvironmentSources(message: string, fromEnv: readonly NamedOption[]): string {
  let named = message;
  for (const option of fromEnv) {
    if (!option.long) continue;
    const flag = new RegExp(`${option.long}(?![\\w-])`);
    named = named.replace(flag, `${option.long} (from ${option.envVar})`);
  }
  return named;
}
