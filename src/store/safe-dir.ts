import type { Stats } from 'node:fs';
import { lstatSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { makeDirectory } from './make-directory.js';
import { StoreError, storeErrorFrom } from './store.js';

/**
 * Checks, as ssh checks its own files, that the state dir and its collection folders can only
 * be changed by this user: anyone else who can write there can plant a symlink or a breaker.
 * A folder must be owned by this user (or root) and not writable by group or others unless
 * the sticky bit is set (like /tmp, where others can add entries but not replace ours). The
 * state dir itself may be reached through a symlink (a dir the user moved to another volume);
 * a collection folder never is. Folders are created 0700. Each folder is checked once.
 */
export function createDirGuard(root: string) {
  const safe = new Set<string>();
  /** True when `dir` exists (after creating it, if asked) and is safe; throws if unsafe. */
  const check = async (dir: string, create: boolean, follow: boolean): Promise<boolean> => {
    if (safe.has(dir)) return true;
    // Synchronous, like makeDirectory: microseconds, where the thread pool costs a millisecond.
    // Looked at before it is made: it almost always exists, and a refused mkdir costs an error.
    const look = () => (follow ? statSync(dir) : lstatSync(dir));
    let stats: Stats;
    try {
      stats = look();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        throw storeErrorFrom(error, `state store ${root}`);
      }
      if (!create) return false;
      try {
        await makeDirectory(dir, 0o700);
        stats = look();
      } catch (made) {
        throw storeErrorFrom(made, `state store ${root}`);
      }
    }
    const problem = unsafeBecause(stats);
    if (problem) throw new StoreError('unsafe', `state dir ${dir} ${problem}: refused`);
    safe.add(dir);
    return true;
  };
  return {
    /**
     * Makes sure the folder of `collection` is safe to use; with `create`, creates it (and
     * the state dir). False when it does not exist (and `create` is off): nothing stored yet.
     */
    async folder(collection: string, create: boolean): Promise<boolean> {
      return (await check(root, create, true)) && check(join(root, collection), create, false);
    },
  };
}

/** Why others could change what is in this folder, or undefined when they cannot. */
function unsafeBecause(stats: Stats): string | undefined {
  if (stats.isSymbolicLink()) return 'is a symbolic link';
  if (!stats.isDirectory()) return 'is not a directory';
  const me = process.getuid?.();
  if (me === undefined) return undefined; // Windows: no owners or modes to check.
  if (stats.uid !== me && stats.uid !== 0) {
    return `is owned by uid ${stats.uid}, not by this user (uid ${me})`;
  }
  const sticky = (stats.mode & 0o1000) !== 0;
  if ((stats.mode & 0o022) !== 0 && !sticky) {
    const mode = (stats.mode & 0o777).toString(8).padStart(4, '0');
    return `is writable by others (mode ${mode}) without the sticky bit`;
  }
  return undefined;
}
