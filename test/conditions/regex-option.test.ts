import { describe, expect, it } from 'vitest';
import { parseConditions } from '../../src/conditions/conditions.js';
import { normalizeHttpConfig } from '../../src/config/http.js';
import { UsageError } from '../../src/shared/errors.js';

/** The outcome of one way of writing a regex: the error, or what it matches. */
function outcome(parse: () => { test(text: string): boolean }) {
  try {
    const regex = parse();
    return { matches: ['ready', 'READY', 'a\nready'].map((text) => regex.test(text)) };
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return { error: (error as Error).message.replace(/^--[a-z-]+: /, '') };
  }
}

const asCondition = (literal: string) => () => {
  const [condition] = parseConditions(`output:${literal}`, '--retry-on');
  if (condition?.kind !== 'output') throw new Error('not an output condition');
  return condition.regex;
};
const asExpectBody = (literal: string) => () =>
  normalizeHttpConfig({ expectBody: literal }, 'http://127.0.0.1/').expectBody!;

describe('one regex parser for conditions and --expect-body (README, Regular expressions)', () => {
  it.each([
    '/ready/',
    '/ready/i',
    '/^ready$/m',
    '/a.ready/s',
    '/ready/u',
    '/ready/g',
    '/ready/y',
    '/ready/v',
    '/ready/I',
    '/ready/gi',
  ])('%s means the same in both', (literal) => {
    expect(outcome(asExpectBody(literal))).toEqual(outcome(asCondition(literal)));
  });

  it('refuses flags RE2 has no meaning for, in --expect-body too', () => {
    expect(asExpectBody('/ready/g')).toThrow(
      "--expect-body: regular expression flags may only be i, m, s, u (got 'g' in /ready/g)",
    );
  });

  it('still takes a bare pattern in --expect-body, and not in a condition', () => {
    expect(asExpectBody('"status":"ok"')().test('{"status":"ok"}')).toBe(true);
    expect(() => parseConditions('output:ready', '--retry-on')).toThrow(UsageError);
  });
});
