const MAX_LINE = 160;

/** The line of `text` holding `index`, trimmed and shortened to what a log line can carry. */
export function lineAround(text: string, index: number): string {
  const start = text.lastIndexOf('\n', index - 1) + 1;
  const newline = text.indexOf('\n', index);
  const line = text.slice(start, newline === -1 ? undefined : newline).trim();
  return line.length > MAX_LINE ? `${line.slice(0, MAX_LINE - 3)}...` : line;
}

/** `in stderr: '<line>'` — where a match was found, as the log shows it. */
export function foundIn(stream: string, line: string): string {
  return `in ${stream}: '${line}'`;
}
