/**
 * Which names mark a secret (README "What is masked"): a query parameter, a header, an option,
 * a script's variable or an environment variable whose name contains one of these words.
 * `auth` does not count in `author`, `sig` counts only as a word of its own (`sig`, `x-sig`)
 * so that `signal` stays readable, and `code` only as the whole name (Azure Functions' key).
 */
const SECRET_PARTS =
  /token|secret|passw|pwd|credential|cookie|session|signature|key|auth(?!or(?!i))/;
const SECRET_WORDS = new Set(['sig', 'pass']);
const SECRET_NAMES = new Set(['code']);
/** Not secret, and useful to see: the same on every attempt. */
const PUBLIC_NAMES = new Set(['idempotency-key']);
/** `--token-file`, `KEY_PATH`: the value says where a secret is, not what it is. */
const WHERE_WORDS = new Set(['file', 'path', 'dir']);

/**
 * Every name that the rules below may call secret matches this, and most names (every
 * variable of the environment is asked) do not: they are told apart by one test, without
 * lowercasing or splitting them (half a millisecond of every run's start). Unicode case
 * folding, so that a letter that lowercases to an ASCII one (the Kelvin sign) still counts.
 */
const MAY_BE_SECRET = /token|secret|pwd|credential|cookie|session|sig|key|auth|pass|code/iu;

export function isSecretName(name: string): boolean {
  if (!MAY_BE_SECRET.test(name)) return false;
  const lower = name.startsWith('-') ? name.toLowerCase().replace(/^-+/, '') : name.toLowerCase();
  const mayBe =
    SECRET_PARTS.test(lower) ||
    SECRET_NAMES.has(lower) ||
    [...SECRET_WORDS].some((word) => lower.includes(word));
  if (!mayBe) return false;
  const words = lower.split(/[^a-z0-9]+/);
  if (PUBLIC_NAMES.has(lower) || WHERE_WORDS.has(words.at(-1) ?? '')) return false;
  if (SECRET_NAMES.has(lower) || SECRET_PARTS.test(lower)) return true;
  return words.some((word) => SECRET_WORDS.has(word));
}

/**
 * Environment variables whose names match but whose values are no secret and common enough
 * that masking them would blank ordinary words and paths out of every line.
 */
const PUBLIC_ENV =
  /^(PWD|OLDPWD|XDG_\w*|DBUS_SESSION_BUS_ADDRESS|SESSION_MANAGER|SSH_AUTH_SOCK|XAUTHORITY)$/;
const NOT_A_SECRET_VALUE = /^(true|false|yes|no|on|off|null|none|undefined)$/i;
/** Shorter values would mask ordinary words without protecting anything. */
export const MIN_ENV_SECRET_LENGTH = 4;

/**
 * The values of the environment's secret-looking variables, as a CI system masks them; a
 * value of several lines (a PEM key) also line by line, as GitHub Actions does.
 */
export function environmentSecrets(env: NodeJS.ProcessEnv): string[] {
  // Names first: each value read from process.env is a call into Node, and few are needed.
  return Object.keys(env).flatMap((name) => {
    if (!isSecretName(name) || PUBLIC_ENV.test(name)) return [];
    const value = env[name];
    if (value === undefined) return [];
    const lines = value.includes('\n') ? value.split(/\r?\n/).map((line) => line.trim()) : [];
    return [value, ...lines].filter(
      (text) => text.length >= MIN_ENV_SECRET_LENGTH && !NOT_A_SECRET_VALUE.test(text.trim()),
    );
  });
}
