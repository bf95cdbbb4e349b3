import { invalidValue, UsageError } from '../errors.js';
import { DEFAULTS } from '../policy/defaults.js';
import { parseDuration } from '../policy/duration.js';
import { parseInteger } from '../policy/numbers.js';

/** The breaker flags as commander hands them over. */
export interface RawBreakerOptions {
  breaker?: string;
  breakerThreshold?: string;
  breakerCooldown?: string;
  breakerStrict?: boolean;
}

export interface BreakerConfig {
  name: string;
  threshold: number;
  cooldownMs: number;
  strict: boolean;
}

const MAX_NAME_LENGTH = 128;

/** Validates a breaker name: what `--breaker` and the `breaker` subcommand accept. */
export function checkBreakerName(name: string, flag: string): string {
  // eslint-disable-next-line no-control-regex
  if (name.trim() === '' || name.length > MAX_NAME_LENGTH || /[\u0000-\u001f\u007f]/.test(name)) {
    throw invalidValue(
      flag,
      name,
      `expected a name of 1 to ${MAX_NAME_LENGTH} printable characters`,
    );
  }
  return name;
}

/** `--breaker` and its settings (SPEC §8); undefined when no breaker is named. */
export function normalizeBreaker(raw: RawBreakerOptions): BreakerConfig | undefined {
  if (raw.breaker === undefined) {
    const orphan =
      raw.breakerThreshold !== undefined
        ? '--breaker-threshold'
        : raw.breakerCooldown !== undefined
          ? '--breaker-cooldown'
          : raw.breakerStrict
            ? '--breaker-strict'
            : undefined;
    if (orphan) throw new UsageError(`${orphan}: only applies with --breaker <name>`);
    return undefined;
  }
  return Object.freeze({
    name: checkBreakerName(raw.breaker, '--breaker'),
    threshold:
      raw.breakerThreshold === undefined
        ? DEFAULTS.breakerThreshold
        : parseInteger(raw.breakerThreshold, '--breaker-threshold', 1, 1_000_000),
    cooldownMs:
      raw.breakerCooldown === undefined
        ? DEFAULTS.breakerCooldownMs
        : parseDuration(raw.breakerCooldown, '--breaker-cooldown'),
    strict: raw.breakerStrict ?? false,
  });
}
