import { parseRetryAfter } from '../server-wait.js';

/** A `Retry-After:` header line as curl -i / -D - / -v (`< `) and wget -S (indented) print it. */
const RETRY_AFTER_LINE = /^[ \t<]*Retry-After:[ \t]*([^\r\n]*)/gim;
const DATE_LINE = /^[ \t<]*Date:[ \t]*([^\r\n]*)/im;
const HEADER_BLOCK_START = /^[ \t<]*HTTP\/[\d.]+ \d{3}/im;

/**
 * The wait the last `Retry-After:` header line in the output asks for (README, HTTP mode), measured
 * against the `Date:` line of the same response when it has one. Undefined when there is none.
 */
export function findRetryAfter(
  tails: { stdoutTail?: string | undefined; stderrTail?: string | undefined },
  now: number,
): number | undefined {
  let found: number | undefined;
  for (const text of [tails.stdoutTail, tails.stderrTail]) {
    if (!text) continue;
    const matches = [...text.matchAll(RETRY_AFTER_LINE)];
    const last = matches.at(-1);
    if (!last) continue;
    const ms = parseRetryAfter(last[1]!, responseDate(text, last.index), now);
    if (ms !== undefined) found = Math.max(found ?? 0, ms);
  }
  return found;
}

/** The `Date:` header of the response whose headers hold `index`. */
function responseDate(text: string, index: number): string | undefined {
  const before = text.slice(0, index);
  const lastStatus = [...before.matchAll(new RegExp(HEADER_BLOCK_START.source, 'gim'))].at(-1);
  const blockStart = lastStatus?.index ?? 0;
  const blockEnd = text.slice(index).search(/\r?\n[ \t<]*\r?\n/);
  const block = text.slice(blockStart, blockEnd === -1 ? undefined : index + blockEnd);
  return DATE_LINE.exec(block)?.[1];
}
