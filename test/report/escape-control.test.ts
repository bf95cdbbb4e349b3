import { describe, expect, it } from 'vitest';
import { escapeControl } from '../../src/report/escape-control.js';

describe('escapeControl', () => {
  it('shows escape sequences, BEL, DEL, C1 and bidi controls as escapes', () => {
    expect(escapeControl('\x1b]0;title\x07 \x1b[2J\x7f\x9b\u202eabc')).toBe(
      '\\x1b]0;title\\x07 \\x1b[2J\\x7f\\x9b\\u202eabc',
    );
  });

  it('keeps one line on one line', () => {
    expect(escapeControl('a\nb\r\tc')).toBe('a\\nb\\r\\tc');
  });

  it('keeps the lines and tabs of an output tail, and its CRLF as a line break', () => {
    expect(escapeControl('a\tb\r\nc\rd\n\x1b[0m', true)).toBe('a\tb\nc\\rd\n\\x1b[0m');
  });

  it('leaves ordinary text, accents and emoji alone', () => {
    const text = 'café ✔ 日本 — ok';
    expect(escapeControl(text)).toBe(text);
  });
});
