import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OutputTail, TAIL_BYTES } from '../../../src/runners/command/output-tail.js';

const lastBytes = (chunks: readonly Uint8Array[], n: number) => {
  const all = Buffer.concat(chunks);
  return all.subarray(Math.max(0, all.length - n));
};

describe('OutputTail', () => {
  it('keeps 64 KiB by default', () => {
    expect(TAIL_BYTES).toBe(65_536);
  });

  it('keeps exactly the last 64 KiB across arbitrary chunkings', () => {
    const chunk = fc.oneof(
      fc.uint8Array({ maxLength: 64 }),
      fc.uint8Array({ minLength: 1000, maxLength: 40_000 }),
      fc.integer({ min: TAIL_BYTES - 2, max: TAIL_BYTES + 2 }).map((n) => Buffer.alloc(n, n % 251)),
    );
    fc.assert(
      fc.property(fc.array(chunk, { maxLength: 12 }), (chunks) => {
        const tail = new OutputTail();
        chunks.forEach((c) => tail.push(c));
        expect(tail.bytes().equals(lastBytes(chunks, TAIL_BYTES))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps exactly the last N bytes for any capacity, however the bytes are split', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.array(fc.uint8Array({ maxLength: 100 }), { maxLength: 30 }),
        (capacity, chunks) => {
          const tail = new OutputTail(capacity);
          chunks.forEach((c) => tail.push(c));
          expect([...tail.bytes()]).toEqual([...lastBytes(chunks, capacity)]);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('gives the same tail for the same bytes whatever the split', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.array(fc.nat(300)), (bytes, cuts) => {
        const whole = new OutputTail(97);
        whole.push(bytes);
        const split = new OutputTail(97);
        const points = [...new Set([0, ...cuts.map((c) => c % (bytes.length + 1)), bytes.length])];
        points.sort((a, b) => a - b);
        for (let i = 1; i < points.length; i++) {
          split.push(bytes.subarray(points[i - 1], points[i]));
        }
        expect(split.bytes().equals(whole.bytes())).toBe(true);
      }),
    );
  });

  it('decodes its bytes as UTF-8 text; a character cut at the start becomes U+FFFD', () => {
    const tail = new OutputTail(16);
    tail.push(Buffer.from('ignored... '));
    tail.push(Buffer.from('error: 503\n'));
    expect(tail.text()).toBe('ignored... error: 503\n'.slice(-16));
    const cut = new OutputTail(3);
    cut.push(Buffer.from('éab'));
    expect(cut.text()).toBe('\ufffdab');
  });
});
