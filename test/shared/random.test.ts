import { describe, expect, it } from 'vitest';
import { randomHex } from '../../src/shared/random.js';

describe('randomHex', () => {
  it('gives two hex digits per byte, different every time', () => {
    const values = Array.from({ length: 200 }, () => randomHex(16));
    for (const value of values) expect(value).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(values).size).toBe(values.length);
    expect(randomHex(4)).toMatch(/^[0-9a-f]{8}$/);
  });
});
