import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { invalidValue } from '../errors.js';
import { redactUrl, redactUserinfo } from '../report/redact.js';

/** Where the state store lives: a directory, or a Redis server. */
export type StateLocation =
  { kind: 'file'; dir: string } | { kind: 'redis'; url: string; display: string };

const REDIS_URL = /^rediss?:\/\//i;
const OTHER_URL = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * `--state` (env RETRY_RUN_STATE) → a location (SPEC §8). No value: the directory
 * `$XDG_STATE_HOME/retry-run`, else `~/.local/state/retry-run`. A redis:// URL must be
 * `redis://[user:password@]host[:port][/db]`; anything else with a scheme is a usage error.
 */
export function resolveStateLocation(
  value: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): StateLocation {
  if (value === undefined || value === '') return { kind: 'file', dir: defaultStateDir(env) };
  if (REDIS_URL.test(value)) return parseRedisUrl(value);
  if (OTHER_URL.test(value))
    throw invalidValue(
      '--state',
      redactUserinfo(value),
      'expected a directory or redis://host:port[/db]',
    );
  return { kind: 'file', dir: resolve(value) };
}

function defaultStateDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_STATE_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(env.HOME || homedir(), '.local', 'state');
  return join(base, 'retry-run');
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
