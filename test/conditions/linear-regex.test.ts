import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/shared/errors.js';
import { compileLinearRegex } from '../../src/conditions/linear-regex.js';
import { withinTimeLimit } from '../../src/conditions/time-bound.js';

const compile = (source: string, flags = '') => compileLinearRegex(source, flags, '--until');

describe('compileLinearRegex', () => {
  it('decides a pattern that backtracks for hours in JavaScript', () => {
    const regex = compile('(a+)+$');
    expect(regex.test(`${'a'.repeat(40)}b`)).toBe(false);
    expect(regex.firstIndex(`xx${'a'.repeat(40)}`)).toBe(2);
  });

  it('keeps the JavaScript flags i, m, s and u', () => {
    expect(compile('ready', 'i').test('READY')).toBe(true);
    expect(compile('^ready$', 'm').firstIndex('wait\nready\nmore')).toBe(5);
    expect(compile('^ready$').test('wait\nready\nmore')).toBe(false);
    expect(compile('a.b', 's').test('a\nb')).toBe(true);
    expect(compile('a.b').test('a\nb')).toBe(false);
    expect(compile('\\u{1F600}', 'u').test('😀')).toBe(true);
  });

  it('reads JavaScript escapes and named groups', () => {
    expect(compile('\\u0041\\x42\\/(?<c>c)\\d').firstIndex('--AB/c1')).toBe(2);
  });

  it('takes look-alikes of lookaround and backreferences for what they are', () => {
    expect(compile('\\(?=').test('=')).toBe(true);
    expect(compile('[(?=]\\\\1').test('?\\1')).toBe(true);
  });

  it('shows the pattern as /source/flags', () => {
    expect(compile('a,b\\/c', 'im').text).toBe('/a,b\\/c/im');
  });

  it.each([
    ['(a)\\1', ''],
    ['(?<x>a)\\k<x>', ''],
    ['a(?=b)', ''],
    ['a(?!b)', ''],
    ['(?<=a)b', ''],
    ['(?<!a)b', ''],
  ])('refuses %s, naming the flag and the linear-time engine', (source, flags) => {
    expect(() => compile(source, flags)).toThrowError(UsageError);
    expect(() => compile(source, flags)).toThrowError(
      `--until: /${source}/ uses a lookahead, lookbehind or backreference: retry-run matches with a linear-time engine`,
    );
  });

  it.each([
    ['x', 'g', "regular expression flags may only be i, m, s, u (got 'g' in /x/g)"],
    ['x', 'v', "regular expression flags may only be i, m, s, u (got 'v' in /x/v)"],
    ['(', '', 'invalid regular expression /(/: error parsing regexp: missing closing )'],
    ['a{1001}', '', 'invalid regular expression /a{1001}/'],
  ])('refuses /%s/%s: %s', (source, flags, message) => {
    expect(() => compile(source, flags)).toThrowError(`--until: ${message}`);
  });

  it('gives a matcher or a usage error for any pattern and flags, never another error', () => {
    const syntax = fc.constantFrom(
      ...'ab()[]{}|*+?.^$\\-,:=!<>/1-9dwsbDWSBkpPuxc0Q'.split(''),
      '(?<',
      '(?:',
      '(?=',
      '(?i)',
      '\\p{L}',
      '{2,}',
    );
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: syntax, maxLength: 30 })),
        fc.string({ unit: fc.constantFrom(...'imsuvgy'), maxLength: 3 }),
        (source, flags) => {
          try {
            const regex = compile(source, flags);
            expect(typeof regex.test(`${'a'.repeat(40)}b\n(x)`)).toBe('boolean');
          } catch (error) {
            expect(error).toBeInstanceOf(UsageError);
            expect((error as Error).message.startsWith('--until: ')).toBe(true);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('withinTimeLimit', () => {
  it('returns what the work returns', () => {
    expect(withinTimeLimit(() => 42, '--until', 'matching /x/')).toBe(42);
  });

  it('stops work past the limit with a usage error naming the flag', () => {
    const endless = () => {
      for (;;);
    };
    expect(() => withinTimeLimit(endless, '--until', 'matching /x/', 50)).toThrowError(
      '--until: matching /x/ took longer than 0.05s; use a simpler regular expression',
    );
  });

  it('passes the work’s own errors on', () => {
    const failing = () => {
      throw new RangeError('boom');
    };
    expect(() => withinTimeLimit(failing, '--until', 'matching /x/')).toThrowError(RangeError);
  });
});
