/**
 * Control characters (escape sequences, OSC titles, a lone CR, bidi overrides) from a command
 * or a server, shown escaped in retry-run's own lines: they could recolour the terminal, set
 * its title, or hide and reorder what a line says. README "What is masked".
 */
// eslint-disable-next-line no-control-regex
const IN_A_LINE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const IN_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * `\x1b`, `\r`, `\u202e` in place of the characters. `lines` keeps line breaks and tabs
 * (output tails, a body snippet); otherwise the text stays on one line (\n, \t escaped too).
 */
export function escapeControl(text: string, lines = false): string {
  const source = lines ? text.replaceAll('\r\n', '\n') : text;
  return source.replace(lines ? IN_LINES : IN_A_LINE, escapeOne);
}

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeOne(char: string): string {
  const code = char.charCodeAt(0);
  return (
    NAMED[char] ??
    (code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`)
  );
}
