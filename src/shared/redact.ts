import { REDACTED, redactSecrets, USER_FLAGS } from './redact-text.js';
import { environmentSecrets, isSecretName } from './secret-names.js';

/**
 * The one redaction policy (README "What is masked"): every sink that prints what retry-run
 * saw goes through a {@link Redactor}. It masks a URL's userinfo, the values of secret-looking
 * query parameters, headers, options and assignments, and wherever they appear the values of
 * the environment's secret-looking variables, of the request's credentials and of `--redact`.
 */
export { REDACTED, redactSecrets };

const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);

export function isSecretHeader(name: string): boolean {
  return SECRET_HEADERS.has(name.toLowerCase()) || isSecretName(name);
}

/** `Name: value` for the log, the value hidden when the header carries a credential. */
export function redactHeader(name: string, value: string): string {
  return `${name}: ${isSecretHeader(name) ? REDACTED : value}`;
}

/** The URL with its userinfo and secret-looking query values hidden. */
export function redactUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return redactSecrets(text);
  }
  if (url.password) url.password = REDACTED;
  else if (url.username) url.username = REDACTED;
  // Asked only of a URL with a query: its first URLSearchParams cost a fresh process 0.3 ms.
  if (url.search) {
    for (const name of new Set(url.searchParams.keys())) {
      if (isSecretName(name)) url.searchParams.set(name, REDACTED);
    }
  }
  // URLSearchParams would percent-encode the stars; keep them readable.
  return url.href.replaceAll(encodeURIComponent(REDACTED), REDACTED);
}

/**
 * A `user:password@` in a text that is not a valid URL (a mistyped `--state`): everything
 * between the scheme and the last `@` may be the password, so all of it after the user goes.
 */
export function redactUserinfo(text: string): string {
  const match = /^([a-z][a-z0-9+.-]*:\/*)([^@]*)@/is.exec(text);
  if (!match) return redactSecrets(text);
  const [, scheme, info] = match as unknown as [string, string, string];
  const colon = info.indexOf(':');
  const user = colon === -1 ? '' : `${info.slice(0, colon)}:`;
  return `${scheme}${user}${REDACTED}@${text.slice(text.lastIndexOf('@') + 1)}`;
}

/** The secret values in a request: header values (and a scheme's token), URL credentials. */
export function secretsOf(
  url: string,
  headers: ReadonlyArray<readonly [string, string]>,
): string[] {
  const secrets: string[] = [];
  for (const [name, value] of headers) {
    if (!isSecretHeader(name)) continue;
    secrets.push(value);
    const token = /^\S+\s+(\S.*)$/.exec(value)?.[1];
    if (token) secrets.push(token);
  }
  try {
    const parsed = new URL(url);
    for (const part of [parsed.password || parsed.username].filter(Boolean))
      secrets.push(part, decodeURIComponent(part));
    if (parsed.search) {
      for (const [name, value] of parsed.searchParams) if (isSecretName(name)) secrets.push(value);
    }
  } catch {
    // Not a URL: nothing to add.
  }
  return secrets;
}

/** Options that take a header: its value is masked by the header's name. */
const HEADER_FLAGS = new Set(['-H', '--header', '--proxy-header']);

/** The run's redaction: `redact(text)` for free text, and helpers for structured values. */
export interface Redactor {
  (text: string): string;
  /** A URL, parsed: userinfo and secret query values masked. */
  url(text: string): string;
  /** `Name: value`, the value masked when the name says it is a credential. */
  header(name: string, value: string): string;
  /** An argv: `--token X`, `--token=X`, `-H 'Key: X'`, `TOKEN=X`, URLs. */
  argv(args: readonly string[]): string[];
  /** The same policy, hiding these values too (a request's credentials). */
  with(values: readonly string[]): Redactor;
}

export interface RedactorOptions {
  /** Secret-looking variables' values are masked (README "What is masked"). */
  env?: NodeJS.ProcessEnv;
  /** `--redact`: masked wherever they appear, whatever their length. */
  extra?: readonly string[];
}

/** Values shorter than this are too common to be worth hiding when retry-run found them. */
const MIN_FOUND_SECRET_LENGTH = 4;

export function createRedactor(options: RedactorOptions = {}): Redactor {
  const extra = (options.extra ?? []).filter((value) => value !== '');
  return redactorOf([...extra, ...environmentSecrets(options.env ?? {})]);
}

function redactorOf(known: readonly string[]): Redactor {
  // Longest first, so a whole value is hidden before a part of it.
  const values = [...new Set(known)].sort((a, b) => b.length - a.length);
  const hide = (text: string) =>
    values.reduce((out, secret) => out.replaceAll(secret, REDACTED), text);
  const redact = (text: string) => redactSecrets(hide(text));
  return Object.assign(redact, {
    url: (text: string) => hide(redactUrl(text)),
    header: (name: string, value: string) => hide(redactHeader(name, redactSecrets(value))),
    argv: (args: readonly string[]) =>
      args.map((arg, i) => {
        const previous = args[i - 1] ?? '';
        if (HEADER_FLAGS.has(previous)) return redact(arg.replace(/^([^:]+):.*$/s, maskHeader));
        if (USER_FLAGS.has(previous)) return redact(arg.replace(/:.*$/s, `:${REDACTED}`));
        if (
          /^--?[A-Za-z][\w.-]*$/.test(previous) &&
          isSecretName(previous) &&
          !arg.startsWith('--')
        )
          return REDACTED;
        return redact(arg);
      }),
    with: (more: readonly string[]) =>
      redactorOf([...values, ...more.filter((value) => value.length >= MIN_FOUND_SECRET_LENGTH)]),
  });
}

function maskHeader(all: string, name: string): string {
  return isSecretHeader(name.trim()) ? `${name}: ${REDACTED}` : all;
}
