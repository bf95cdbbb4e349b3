import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, workflowCommand } from '../../src/report/github.js';

/** How the Actions runner reads an escaped value back. */
const unescape = (text: string) =>
  text
    .replaceAll('%0D', '\r')
    .replaceAll('%0A', '\n')
    .replaceAll('%3A', ':')
    .replaceAll('%2C', ',')
    .replaceAll('%25', '%');

describe('workflow commands', () => {
  it('escape %, CR and LF in messages, and : and , in properties too', () => {
    expect(workflowCommand('error', { title: 'a:b,c' }, '50%\r\nnext: line')).toBe(
      '::error title=a%3Ab%2Cc::50%25%0D%0Anext: line',
    );
  });

  it('round-trip any text and never leave a line break or separator behind', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const data = escapeData(text);
        const property = escapeProperty(text);
        expect(data).not.toMatch(/[\r\n]/);
        expect(property).not.toMatch(/[\r\n:,]/);
        expect(unescape(data)).toBe(text);
        expect(unescape(property)).toBe(text);
      }),
    );
  });
});
