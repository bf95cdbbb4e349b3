/**
 * Secrets never reach a log, report or history (SPEC §5): credential headers, a URL's password
 * and credential-like query parameters are shown as `***`.
 */
export const REDACTED = '***';

const SECRET_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'api-key',
]);
/** Header and query names that carry credentials: `X-Auth-Token`, `Private-Token`, `api_key`… */
const SECRET_NAME =
  /(^|[-_])(auth|token|secret|password|passwd|pass|session|signature|credentials?|api[-_]?key|access[-_]?key)([-_]|$)/i;
/** Not secret, and useful to see: it is the same on every attempt. */
const PUBLIC_HEADERS = new Set(['idempotency-key']);

export function isSecretHeader(name: string): boolean {
  const lower = name.toLowerCase();
  if (PUBLIC_HEADERS.has(lower)) return false;
  return SECRET_HEADERS.has(lower) || SECRET_NAME.test(lower);
}

/** `Name: value` for the log, the value hidden when the header carries a credential. */
export function redactHeader(name: string, value: string): string {
  return `${name}: ${isSecretHeader(name) ? REDACTED : value}`;
}

/** The URL with its password and credential-like query values hidden. */
export function redactUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return text;
  }
  if (url.password) url.password = REDACTED;
  for (const name of new Set(url.searchParams.keys())) {
    if (SECRET_NAME.test(name)) url.searchParams.set(name, REDACTED);
  }
  // URLSearchParams would percent-encode the stars; keep them readable.
  return url.href.replaceAll(encodeURIComponent(REDACTED), REDACTED);
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
    if (parsed.password) secrets.push(parsed.password, decodeURIComponent(parsed.password));
    for (const [name, value] of parsed.searchParams)
      if (SECRET_NAME.test(name)) secrets.push(value);
  } catch {
    // Not a URL: nothing to add.
  }
  return secrets;
}

/** Hides every occurrence of the given secret values in a text (an error body, a message). */
export function createRedactor(secrets: readonly string[]): (text: string) => string {
  // Longest first, so a whole value is hidden before a part of it; tiny values would hide
  // ordinary words without protecting anything.
  const values = [...new Set(secrets)]
    .filter((s) => s.length >= 4)
    .sort((a, b) => b.length - a.length);
  return (text) => values.reduce((out, secret) => out.replaceAll(secret, REDACTED), text);
}

const URL_PASSWORD_IN_TEXT = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@]*:)[^\s/@]*@/gi;
const CREDENTIAL_HEADER_IN_TEXT =
  /\b((?:proxy-)?authorization|cookie|set-cookie|x-api-key|api-key|x-auth-token|private-token)(\s*[:=]\s*)(?:(bearer|basic|token)\s+)?[^\s'",;]+/gi;
const SECRET_PARAMETER_IN_TEXT =
  /([?&\s-](?:access_token|api_key|apikey|token|password|passwd|secret|client_secret)=)[^\s&'"]+/gi;

/**
 * Belt and braces for free text that reaches a report or a CI summary (a command line, a
 * message): a URL's password, a credential header or a `token=` parameter written into a
 * command is masked too, though runners already redact what they know to be secret.
 */
export function redactSecrets(text: string): string {
  return text
    .replace(URL_PASSWORD_IN_TEXT, `$1${REDACTED}@`)
    .replace(
      CREDENTIAL_HEADER_IN_TEXT,
      (_all, name: string, separator: string, scheme?: string) =>
        `${name}${separator}${scheme ? `${scheme} ` : ''}${REDACTED}`,
    )
    .replace(SECRET_PARAMETER_IN_TEXT, `$1${REDACTED}`);
}
