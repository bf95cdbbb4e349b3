/** What replaces a secret in logs, reports and history. */
export const REDACTED = '***';

const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@]*:)[^\s/@]*@/gi;
const CREDENTIAL_HEADER =
  /\b((?:proxy-)?authorization|cookie|set-cookie|x-api-key|api-key|x-auth-token|private-token)(\s*[:=]\s*)(?:(bearer|basic|token)\s+)?[^\s'",;]+/gi;
const SECRET_PARAMETER =
  /([?&\s-](?:access_token|api_key|apikey|token|password|passwd|secret|client_secret)=)[^\s&'"]+/gi;

/**
 * Belt and braces for text that reaches a report (SPEC §5): runners already redact their
 * description, but a URL's password, a credential header or a `token=` parameter that slipped
 * into a command line or an error message is masked here too.
 */
export function redactSecrets(text: string): string {
  return text
    .replace(URL_PASSWORD, `$1${REDACTED}@`)
    .replace(CREDENTIAL_HEADER, (_all, name: string, separator: string, scheme?: string) =>
      scheme ? `${name}${separator}${scheme} ${REDACTED}` : `${name}${separator}${REDACTED}`,
    )
    .replace(SECRET_PARAMETER, `$1${REDACTED}`);
}
