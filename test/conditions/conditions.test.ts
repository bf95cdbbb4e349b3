import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/shared/errors.js';
import { parseConditions } from '../../src/conditions/conditions.js';
import { normalizeConditions } from '../../src/config/normalize.js';

const tokens = (text: string) => parseConditions(text, '--retry-on').map((c) => c.token);

describe('parseConditions', () => {
  it('reads every token in the README (What gets retried)', () => {
    expect(
      tokens(
        'any,exit:3,exit:2-5,exit:any,signal,signal:TERM,signal:sigkill,timeout,connection,503,5xx,4XX',
      ),
    ).toEqual([
      'any',
      'exit:3',
      'exit:2-5',
      'exit:any',
      'signal',
      'signal:TERM',
      'signal:KILL',
      'timeout',
      'connection',
      '503',
      '5xx',
      '4xx',
    ]);
  });

  it('keeps commas and escaped slashes inside a regular expression', () => {
    const [first, second, third] = parseConditions(
      'output:/a,b\\/c/i,stderr:/x{1,3}/,exit:1',
      '--until',
    );
    expect(first).toMatchObject({ kind: 'output', stream: 'output', token: 'output:/a,b\\/c/i' });
    expect(first?.kind === 'output' && first.regex.test('A,B/C')).toBe(true);
    expect(second).toMatchObject({ kind: 'output', stream: 'stderr' });
    expect(third).toMatchObject({ kind: 'exit', min: 1, max: 1 });
  });

  it('takes ranges as min and max', () => {
    expect(parseConditions('exit:2-5', 'f')[0]).toMatchObject({ min: 2, max: 5 });
    expect(parseConditions('5xx', 'f')[0]).toMatchObject({ min: 500, max: 599 });
  });

  it.each([
    ['', 'empty condition'],
    ['exit:', "'exit:'"],
    ['exit:5-2', "'exit:5-2'"],
    ['exit:256', "'exit:256'"],
    ['signal:NOPE', "unknown signal 'NOPE'"],
    ['600', "unknown condition '600'"],
    ['6xx', "unknown condition '6xx'"],
    ['output:/unterminated', 'unterminated'],
    ['output:/(/', 'invalid regular expression'],
    ['output:/a/g', 'flags may only be'],
    ['exit:1,,exit:2', 'empty condition'],
    ['sometimes', 'valid conditions are: any, exit:N'],
  ])('%j is a usage error mentioning %s', (text, message) => {
    expect(() => parseConditions(text, '--retry-on')).toThrowError(UsageError);
    expect(() => parseConditions(text, '--retry-on')).toThrowError(message);
  });

  it('gives conditions or a usage error for any string, never another error or a hang', () => {
    const alphabet = fc.constantFrom(
      ...'exit:any,signal/output5xx0123456789-\\()[]*+?{}|^$. TERMstdouterr'.split(''),
    );
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: alphabet, maxLength: 60 })),
        (text) => {
          try {
            expect(parseConditions(text, '--stop-on').length).toBeGreaterThan(0);
          } catch (error) {
            expect(error).toBeInstanceOf(UsageError);
            expect((error as Error).message.startsWith('--stop-on: ')).toBe(true);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('normalizeConditions', () => {
  it('gives command mode its defaults: retry any, stop on 126 and 127', () => {
    const conditions = normalizeConditions({}, 'command');
    expect(conditions.retryOn.map((c) => c.token)).toEqual(['any']);
    expect(conditions.stopOn.map((c) => c.token)).toEqual(['exit:126', 'exit:127']);
    expect(conditions.until).toEqual([]);
  });

  it('gives HTTP mode its defaults', () => {
    const conditions = normalizeConditions({}, 'http');
    expect(conditions.retryOn.map((c) => c.token)).toEqual([
      '408',
      '429',
      '500',
      '502',
      '503',
      '504',
      'timeout',
      'connection',
    ]);
  });

  it('appends repeated flags in order', () => {
    const conditions = normalizeConditions({ retryOn: ['exit:1', 'exit:2,signal'] }, 'command');
    expect(conditions.retryOn.map((c) => c.token)).toEqual(['exit:1', 'exit:2', 'signal']);
  });
});
