import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveStateLocation } from '../../src/store/location.js';

describe('--state', () => {
  it('defaults to $XDG_STATE_HOME/retry-run, else ~/.local/state/retry-run', () => {
    expect(
      resolveStateLocation(undefined, { XDG_STATE_HOME: '/x/state', HOME: '/home/u' }),
    ).toEqual({
      kind: 'file',
      dir: '/x/state/retry-run',
    });
    expect(resolveStateLocation(undefined, { HOME: '/home/u' })).toEqual({
      kind: 'file',
      dir: '/home/u/.local/state/retry-run',
    });
    // The XDG spec says a relative XDG_STATE_HOME is to be ignored.
    expect(resolveStateLocation('', { XDG_STATE_HOME: 'rel', HOME: '/home/u' })).toEqual({
      kind: 'file',
      dir: '/home/u/.local/state/retry-run',
    });
  });

  it('takes a directory, made absolute', () => {
    expect(resolveStateLocation('some/dir')).toEqual({ kind: 'file', dir: resolve('some/dir') });
  });

  it('takes a Redis URL, and never shows its password', () => {
    expect(resolveStateLocation('redis://:s3cret@cache.internal:6380/2')).toEqual({
      kind: 'redis',
      url: 'redis://:s3cret@cache.internal:6380/2',
      display: 'redis://:***@cache.internal:6380/2',
    });
    expect(resolveStateLocation('rediss://cache:6379')).toMatchObject({ kind: 'redis' });
  });

  it.each(['redis://host/x', 'redis://host:6379/1?x=1', 'redis://', 'ftp://host', 'http://h/'])(
    'rejects %s naming --state',
    (value) => {
      expect(() => resolveStateLocation(value)).toThrow(/^--state: expected .* \(got '/);
    },
  );
});
