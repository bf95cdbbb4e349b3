import { isatty } from 'node:tty';
import type { LineSink } from '../report/reporter.js';
import { writeStderr } from './streams.js';

/**
 * retry-run's own lines start on a line of their own. The command's stderr, when retry-run
 * tees it, may end without a newline (`printf err >&2`); a log line or JSON event written
 * after it would be glued onto it, and a line-by-line JSON reader would fail. So the tee
 * reports the last byte it passed on, and retry-run's next line is preceded by a newline when
 * that byte did not end a line. An inherited stderr is not seen, so nothing is added there.
 */
let lineOpen = false;

/** What the command wrote to our stderr (through the tee), as it passes. */
export function noteCommandStderr(chunk: Uint8Array): void {
  if (chunk.length > 0) lineOpen = chunk[chunk.length - 1] !== 0x0a;
}

/** Text of retry-run's own for stderr, on a line of its own. */
export function ownLine(text: string): string {
  const start = lineOpen ? '\n' : '';
  lineOpen = false;
  return `${start}${text}`;
}

/** Our stderr for reporters: every write starts where a line starts. */
export const ownStderr: LineSink = {
  write: (text: string) => writeStderr(ownLine(text)),
  // Asked of the descriptor: process.stderr is made on first use, a millisecond that a quiet
  // run, which never writes to it, need not spend.
  get isTTY() {
    return isatty(2);
  },
};
