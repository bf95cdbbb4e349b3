import { isSecretName } from './secret-names.js';

export const REDACTED = '***';

/** A value as a shell or a URL writes it: quoted to its closing quote, or one word. */
const VALUE = String.raw`'[^']*'|"(?:[^"\\]|\\.)*"|[^\s&;|<>()'"\x60]+`;
const USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s/?#@'"[\]]+)@/gi;
const JSON_FIELD = /"([^"\\]{1,100})"(\s*:\s*)"((?:[^"\\]|\\.)*)"/g;
/** `NAME=value` in a script, `--name=value` in argv, `name=value` in a query string. */
const ASSIGNMENT = new RegExp(String.raw`(?<![\w.-])(-{0,2}[A-Za-z_][\w.-]*)=(${VALUE})`, 'g');
/** `--name value`: an option and its value as separate words. */
const OPTION_VALUE = new RegExp(String.raw`(?<![\w-])(--?[A-Za-z][\w.-]*)([ \t]+)(${VALUE})`, 'g');
/** curl's `-u user:password`: the user stays readable. */
export const USER_FLAGS = new Set(['-u', '-U', '--user', '--proxy-user']);
const USER_OPTION = /(?<![\w-])(-u|-U|--user|--proxy-user)([ \t]+|=)(['"]?)([^\s:'"]+):([^\s'"]+)/g;
/** `Name: value` up to the end of the line or of the quote around it. */
const HEADER = /(?<![\w/.-])([A-Za-z][\w-]*):([ \t]*)([^\r\n'"]*)/g;
/** A header value's scheme says how to read it, not the secret: `Bearer ***`. */
const AUTH_SCHEME = /^((?:Bearer|Basic|Digest|Token|Negotiate|NTLM|Bot)\s+)\S/i;
/** `$TOKEN`, `"${TOKEN}"`: a reference to a secret, not the secret; worth seeing. */
const REFERENCE = /^(["']?)\$\{?\w+\}?\1$/;

/**
 * The secret forms of free text (a script, a message, an output line) masked: a URL's
 * userinfo, and the values of secret-looking query parameters, assignments, options, JSON
 * fields and headers. Idempotent: masking masked text changes nothing.
 */
export function redactSecrets(text: string): string {
  if (!mayHoldSecretForm(text)) return text;
  // Each form is looked for only where the character it cannot match without is: a pattern
  // is compiled on its first use, and a URL (a `:`, no `@`, `=`, `"`) needs the header form
  // alone.
  let out = text;
  if (out.includes('@')) {
    out = out.replace(USERINFO, (_all, scheme: string, info: string) => {
      const colon = info.indexOf(':');
      return `${scheme}${colon === -1 ? REDACTED : `${info.slice(0, colon)}:${REDACTED}`}@`;
    });
  }
  if (out.includes('"')) {
    out = out.replace(JSON_FIELD, (all, name: string, colon: string, value: string) =>
      isSecretName(name) && value !== '' ? `"${name}"${colon}"${REDACTED}"` : all,
    );
  }
  if (out.includes('=')) {
    out = out.replace(ASSIGNMENT, (all, name: string, value: string) =>
      isSecretName(name) ? `${name}=${maskValue(value)}` : all,
    );
  }
  if (out.includes('-')) {
    out = out
      .replace(OPTION_VALUE, (all, name: string, space: string, value: string) =>
        isSecretName(name) && !value.startsWith('--') ? `${name}${space}${maskValue(value)}` : all,
      )
      .replace(
        USER_OPTION,
        (_all, flag: string, separator: string, quote: string, user: string) =>
          `${flag}${separator}${quote}${user}:${REDACTED}`,
      );
  }
  if (out.includes(':')) {
    out = out.replace(HEADER, (all, name: string, space: string, value: string) => {
      if (!isSecretName(name) || value.trim() === '') return all;
      const scheme = AUTH_SCHEME.exec(value)?.[1] ?? '';
      return `${name}:${space}${scheme}${REDACTED}`;
    });
  }
  return out;
}

/**
 * Whether `text` has the characters every form above needs: `@` (userinfo), `=`
 * (assignment), `:` (JSON field, header, user:password), or a `-` with a space or tab after
 * it (an option and its value). Most words of a command line have none; answering so without
 * the patterns spares a run compiling all six of them (half a millisecond).
 */
function mayHoldSecretForm(text: string): boolean {
  if (text.includes('@') || text.includes('=') || text.includes(':')) return true;
  const dash = text.indexOf('-');
  return dash !== -1 && (text.includes(' ', dash) || text.includes('\t', dash));
}

/** A value masked, its quotes kept; a `$REFERENCE` is left as it is. */
function maskValue(value: string): string {
  if (REFERENCE.test(value)) return value;
  const quote = value[0] === "'" || value[0] === '"' ? value[0] : '';
  return `${quote}${REDACTED}${quote}`;
}
