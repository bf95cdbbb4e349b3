import { invalidValue, UsageError } from '../shared/errors.js';
import { DEFAULTS } from '../shared/defaults.js';
import { parseDuration } from '../shared/duration.js';
import { parseInteger } from './numbers.js';

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

/** In UTF-8 bytes, not characters: the name becomes a file name, which is limited in bytes. */
const MAX_NAME_BYTES = 128;

/** Validates a breaker (or run) name: what `--breaker`, `--name` and the subcommands accept. */
export function checkBreakerName(name: string, flag: string): string {
  if (
    name.trim() === '' ||
    Buffer.byteLength(name, 'utf8') > MAX_NAME_BYTES ||
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f]/.test(name)
  ) {
    throw invalidValue(
      flag,
      name,
      `expected a name of 1 to ${MAX_NAME_BYTES} bytes of printable text (UTF-8)`,
    );
  }
  return name;
}

/** `--breaker` and its settings (README, Circuit breaker); undefined when no breaker is named. */
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
