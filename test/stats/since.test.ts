import { describe, expect, it } from 'vitest';
import { parseSince } from '../../src/stats/since.js';

const NOW = Date.UTC(2026, 10, 28, 12);

describe('--since', () => {
  it.each([
    ['7d', 7 * 86_400_000],
    ['1d12h', 36 * 3_600_000],
    ['12h', 12 * 3_600_000],
    ['90m', 90 * 60_000],
    ['0.5d', 12 * 3_600_000],
  ])('%s looks back %d ms', (text, ms) => {
    expect(parseSince(text, NOW)).toBe(NOW - ms);
  });

  it('takes an ISO date', () => {
    expect(parseSince('2026-11-01', NOW)).toBe(Date.UTC(2026, 10, 1));
  });

  it.each(['', 'd', '7days', '-1d', '2026-13-45', 'yesterday'])(
    'rejects %j naming the flag',
    (text) => {
      expect(() => parseSince(text, NOW)).toThrow(/--since/);
    },
  );
});
