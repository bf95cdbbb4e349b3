import { describe, expect, it } from 'vitest';
import { helperReport } from '../../../src/runners/command/splice-helper.js';

/** A report as the helper writes it: status byte, tail length (32-bit big-endian), tail. */
const report = (status: number, tail: string, length = Buffer.byteLength(tail)) => {
  const head = Buffer.alloc(5);
  head[0] = status;
  head.writeUInt32BE(length, 1);
  return Buffer.concat([head, Buffer.from(tail)]);
};

describe("the splice helper's report", () => {
  it('gives the status and the tail of a whole report', () => {
    expect(helperReport(report(0, 'last lines\n'))).toEqual({
      status: 0,
      tail: Buffer.from('last lines\n'),
    });
    expect(helperReport(report(3, ''))).toEqual({ status: 3, tail: Buffer.alloc(0) });
  });

  it('is nothing unless whole: a helper that died before or while writing it failed', () => {
    expect(helperReport(Buffer.alloc(0))).toBeUndefined();
    expect(helperReport(report(0, 'abc').subarray(0, 4))).toBeUndefined();
    expect(helperReport(report(0, 'abcdef').subarray(0, 8))).toBeUndefined();
    expect(helperReport(report(0, 'abc', 2))).toBeUndefined();
  });
});
