import { StoreError } from './store.js';

/**
 * Longest percent-encoded name used as is. A file name holds at most 255 bytes, and the
 * longest name the store derives from it (a lock's temporary, `.jsonl.lock.<pid>.<token>.new`)
 * adds about 40.
 */
const MAX_PLAIN = 200;
/** Longer names are stored as base64url behind this mark, which percent-encoding never makes. */
const BASE64_MARK = '%~';
/** The longest name the file store takes, in UTF-8 bytes (202 characters in base64url). */
export const MAX_STATE_NAME_BYTES = 150;

/**
 * A name as a file name: percent-encoding keeps `/`, `\0` and leading dots out of paths; a
 * name that would grow past MAX_PLAIN that way (non-ASCII triples) is written in base64url.
 */
export function encodeName(name: string): string {
  if (name === '') throw new StoreError('unwritable', 'a state name cannot be empty');
  let plain: string;
  try {
    plain = encodeURIComponent(name).replace(/^\./, '%2E').replace(/\*/g, '%2A');
  } catch {
    throw new StoreError('unwritable', 'a state name must be valid Unicode');
  }
  if (plain.length <= MAX_PLAIN) return plain;
  const bytes = Buffer.from(name, 'utf8');
  if (bytes.length > MAX_STATE_NAME_BYTES) {
    throw new StoreError('unwritable', `a state name is at most ${MAX_STATE_NAME_BYTES} bytes`);
  }
  return BASE64_MARK + bytes.toString('base64url');
}

/** The name a file name stands for; undefined for one the store would not have written. */
export function decodeName(encoded: string): string | undefined {
  try {
    const name = encoded.startsWith(BASE64_MARK)
      ? Buffer.from(encoded.slice(BASE64_MARK.length), 'base64url').toString('utf8')
      : decodeURIComponent(encoded);
    return encodeName(name) === encoded ? name : undefined;
  } catch {
    return undefined;
  }
}
