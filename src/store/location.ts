import { statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { invalidValue } from '../shared/errors.js';
import { redactUrl, redactUserinfo } from '../shared/redact.js';

/**
 * Where the state store lives: a directory, or a Redis server; or nowhere, when no home
 * directory can be found for the default (the store then fails like a broken one).
 */
export type StateLocation =
  | { kind: 'file'; dir: string }
  | { kind: 'redis'; url: string; display: string }
  | { kind: 'unavailable'; reason: string };

const REDIS_URL = /^rediss?:\/\//i;
const OTHER_URL = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * `--state` (env RETRY_RUN_STATE) → a location (README, The state store). No value: the
 * directory `$XDG_STATE_HOME/retry-run`, else `~/.local/state/retry-run`. A redis:// URL must
 * be `redis://[user:password@]host[:port][/db]`; anything else with a scheme is a usage error.
 * `isDirectory` is injectable for tests.
 *
 * @example
 * ```ts
 * import { resolveStateLocation } from 'retry-run';
 *
 * const location = resolveStateLocation('redis://:secret@cache:6379/1');
 * if (location.kind === 'redis') console.log(location.display); // redis://cache:6379/1
 * console.log(resolveStateLocation(undefined, { XDG_STATE_HOME: '/srv/state' }).kind); // file
 * ```
 */
export function resolveStateLocation(
  value: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  isDirectory: (path: string) => boolean = existingDirectory,
): StateLocation {
  if (value === undefined || value === '') return defaultLocation(env, isDirectory);
  if (REDIS_URL.test(value)) return parseRedisUrl(value);
  if (OTHER_URL.test(value))
    throw invalidValue(
      '--state',
      redactUserinfo(value),
      'expected a directory or redis://host:port[/db]',
    );
  try {
    return { kind: 'file', dir: resolve(value) };
  } catch {
    // process.cwd() fails once the current directory has been deleted.
    throw invalidValue(
      '--state',
      value,
      'a relative directory, but the current directory no longer exists; give an absolute path',
    );
  }
}

/**
 * Only an absolute XDG_STATE_HOME counts (the XDG spec); then a home directory that exists:
 * HOME, else the account's. An empty or relative HOME would put state in the current
 * directory, and one that points nowhere (`/nonexistent`) would be created by root: neither
 * is a home, so with none the store is unavailable (one warning; the breaker acts as closed).
 */
function defaultLocation(
  env: NodeJS.ProcessEnv,
  isDirectory: (path: string) => boolean,
): StateLocation {
  const xdg = env.XDG_STATE_HOME;
  if (xdg && isAbsolute(xdg)) return { kind: 'file', dir: join(xdg, 'retry-run') };
  const isHome = (dir: string | undefined): dir is string =>
    !!dir && isAbsolute(dir) && isDirectory(dir);
  // The account is looked up only without a usable HOME: that reads /etc/passwd through NSS,
  // which costs a quarter of a millisecond here and may ask a directory server elsewhere.
  const account = isHome(env.HOME) ? undefined : accountHome();
  const home = isHome(env.HOME) ? env.HOME : isHome(account) ? account : undefined;
  if (home) return { kind: 'file', dir: join(home, '.local', 'state', 'retry-run') };
  return {
    kind: 'unavailable',
    reason: `no state directory: HOME ('${env.HOME ?? ''}') is not an existing directory; give --state <dir> or set XDG_STATE_HOME`,
  };
}

function accountHome(): string | undefined {
  try {
    return userInfo().homedir;
  } catch {
    return undefined; // A uid without an account (containers).
  }
}

function existingDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function parseRedisUrl(value: string): StateLocation {
  const fail = () =>
    invalidValue(
      '--state',
      redactUserinfo(value),
      'expected redis://[user:password@]host[:port][/db]',
    );
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw fail();
  }
  const db = url.pathname.replace(/^\//, '');
  if (url.hostname === '' || (db !== '' && !/^\d{1,5}$/.test(db)) || url.search || url.hash)
    throw fail();
  return { kind: 'redis', url: value, display: redactUrl(value) };
}
