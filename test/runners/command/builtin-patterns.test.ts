import { describe, expect, it } from 'vitest';
import { findStatusWord } from '../../../src/engine/classify.js';
import { findConnectionMessage } from '../../../src/runners/command/connection-messages.js';
import { recognizeToolFailure } from '../../../src/runners/command/known-tools.js';
import { findRetryAfter } from '../../../src/runners/command/output-server-wait.js';

/**
 * retry-run's own patterns (known tools, connection messages, statuses, Retry-After) run on
 * JavaScript's backtracking engine over 64 KiB tails. Each is built to take linear time (a
 * literal or a line start first, no nested or overlapping quantifiers); these tails are the
 * worst cases for them, and each is read at once with the right answer.
 */
const TAIL = 64 * 1024;

describe("retry-run's own output patterns on hostile 64 KiB tails", () => {
  it('a curl error line that never closes its parenthesis', () => {
    const tail = `curl: (${'7'.repeat(TAIL)}`;
    expect(recognizeToolFailure('curl', 7, tail)).toMatchObject({
      failureClass: 'connection',
      evidence: '(curl exit 7: failed to connect)',
    });
  });

  it('a status line of digits with no end', () => {
    const tail = `The requested URL returned error: ${'5'.repeat(TAIL)}`;
    expect(recognizeToolFailure('curl', 22, tail)).toMatchObject({
      evidence: '(curl exit 22: HTTP error status)',
    });
    expect(findStatusWord('5'.repeat(TAIL), 100, 599)).toBeUndefined();
  });

  it('connection messages cut short, over and over', () => {
    const tail = 'Connection refuse'.repeat(TAIL / 16);
    expect(findConnectionMessage({ stderrTail: tail })).toBeUndefined();
  });

  it('header-like lines of blanks that never name a header', () => {
    const blanks = `${' \t<'.repeat(TAIL / 3)}`;
    const tail = `${blanks}HTTP/${'1.'.repeat(TAIL / 2)}\n${blanks}Retry-After\n${blanks}\n`;
    expect(findRetryAfter({ stdoutTail: tail, stderrTail: tail }, 0)).toBeUndefined();
  });
});
