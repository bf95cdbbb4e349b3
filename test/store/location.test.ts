import { isAbsolute, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveStateLocation } from '../../src/store/location.js';

/** Every directory exists. */
const any = () => true;

describe('--state', () => {
  it('defaults to $XDG_STATE_HOME/retry-run, else ~/.local/state/retry-run', () => {
    expect(
      resolveStateLocation(undefined, { XDG_STATE_HOME: '/x/state', HOME: '/home/u' }, any),
    ).toEqual({
      kind: 'file',
      dir: '/x/state/retry-run',
    });
    expect(resolveStateLocation(undefined, { HOME: '/home/u' }, any)).toEqual({
      kind: 'file',
      dir: '/home/u/.local/state/retry-run',
    });
    // The XDG spec says a relative XDG_STATE_HOME is to be ignored.
    expect(resolveStateLocation('', { XDG_STATE_HOME: 'rel', HOME: '/home/u' }, any)).toEqual({
      kind: 'file',
      dir: '/home/u/.local/state/retry-run',
    });
  });

  it('never puts state in the current directory: an empty or relative HOME is no home', () => {
    for (const HOME of ['', 'relative/home']) {
      const location = resolveStateLocation(undefined, { HOME }, any);
      // The account's home instead (absolute), or none at all.
      const where = location.kind === 'file' ? location.dir : location.kind;
      expect(where === 'unavailable' || isAbsolute(where)).toBe(true);
    }
  });

  it('a HOME that does not exist is no home: with no other, the store is unavailable', () => {
    expect(resolveStateLocation(undefined, { HOME: '/nonexistent' }, () => false)).toEqual({
      kind: 'unavailable',
      reason:
        "no state directory: HOME ('/nonexistent') is not an existing directory; give --state <dir> or set XDG_STATE_HOME",
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
