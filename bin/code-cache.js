// Runs the bundled CLI with a V8 code cache, so that later starts skip parsing and compiling
// it: retry-run wraps every CI step, and compiling the bundle is a fifth of its start-up (and
// compiling undici, in HTTP mode, more than Node's whole start). Node >= 22.1 has this built in
// (module.enableCompileCache); on older Node the cache is kept by hand, as v8-compile-cache
// did: each bundle file is compiled with vm.Script, and the cached data V8 produces after the
// run is written once, atomically, to a per-user cache directory. Any problem with the cache
// only costs the time it was meant to save.
//
// V8 checks only the source's *length* before it runs cached code, so a cache is used only
// when it is named by, and starts with, the SHA-256 of the exact bytes being run, and only from
// a directory nobody else can write into (whoever can plant a cache file there runs code as
// the user).
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { createHash } = require('node:crypto');
const { Script } = require('node:vm');
const nodeModule = require('node:module');

const HASH_BYTES = 32;

function runWithCodeCache(filename) {
  if (nodeModule.enableCompileCache) {
    nodeModule.enableCompileCache();
    require(filename);
    return;
  }
  const loaded = new Map();
  const load = (file) => {
    if (!loaded.has(file)) loaded.set(file, compileAndRun(file, requireFor(file)));
    return loaded.get(file);
  };
  // The bundle's own files (dist/vendor/*.cjs) go through the cache too; all else is Node's.
  const requireFor = (file) => {
    const plain = nodeModule.createRequire(file);
    return (id) =>
      id.endsWith('.cjs') && id.startsWith('.')
        ? load(path.resolve(path.dirname(file), id))
        : plain(id);
  };
  load(filename);
}

function compileAndRun(filename, requireFn) {
  const bytes = fs.readFileSync(filename);
  const hash = createHash('sha256').update(bytes).digest();
  const entry = cacheEntryFor(filename, hash);
  const cachedData = readCache(entry, hash);
  const source = bytes.toString('utf8');
  const wrapper = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new Script(wrapper, { filename, ...(cachedData ? { cachedData } : {}) });
  if (!cachedData || script.cachedDataRejected) {
    // After the run, so the cache also holds the functions this run compiled.
    process.once('exit', () => writeCache(entry, hash, script));
  }
  const module = { exports: {} };
  script.runInThisContext()(module.exports, requireFn, module, filename, path.dirname(filename));
  return module.exports;
}

/** One entry per bundle file, content, Node and architecture: `cli.cjs-<sha256>-v20.20.2-x64`. */
function cacheEntryFor(filename, hash) {
  const home = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  const prefix = `${path.basename(filename)}-`;
  const name = `${prefix}${hash.toString('hex')}-${process.version}-${process.arch}.v8cache`;
  const directory = path.join(home, 'retry-run');
  return { directory, prefix, file: path.join(directory, name) };
}

/** The cached data, when it was made for exactly these bytes and nobody else could plant it. */
function readCache(entry, hash) {
  let fd;
  try {
    if (!isPrivate(fs.lstatSync(entry.directory))) return undefined;
    fd = fs.openSync(entry.file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
    if (!isOwn(fs.fstatSync(fd))) return undefined;
    const data = fs.readFileSync(fd);
    const matches = data.length > HASH_BYTES && hash.equals(data.subarray(0, HASH_BYTES));
    return matches ? data.subarray(HASH_BYTES) : undefined;
  } catch {
    return undefined; // No cache yet (this run writes it), or one that cannot be read.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function writeCache(entry, hash, script) {
  try {
    fs.mkdirSync(entry.directory, { recursive: true, mode: 0o700 });
    const status = fs.lstatSync(entry.directory);
    if (!status.isDirectory() || !isOwn(status)) return; // A link, or someone else's.
    if (!isPrivate(status)) {
      // Made by an older version (0755), or opened since: anything in it may have been planted.
      fs.chmodSync(entry.directory, 0o700);
      removeEntries(entry.directory, () => true);
    }
    const temporary = `${entry.file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, Buffer.concat([hash, script.createCachedData()]), { mode: 0o600 });
    fs.renameSync(temporary, entry.file);
    // The entries of older versions of this file, and a killed writer's temporary files.
    const current = path.basename(entry.file);
    removeEntries(entry.directory, (name) => name.startsWith(entry.prefix) && name !== current);
  } catch {
    // A read-only home: run without a cache.
  }
}

function removeEntries(directory, shouldRemove) {
  for (const name of fs.readdirSync(directory)) {
    if (shouldRemove(name)) fs.rmSync(path.join(directory, name), { force: true });
  }
}

/** Ours, a real directory (not a link to one), and closed to everyone else. */
function isPrivate(status) {
  if (!status.isDirectory() || !isOwn(status)) return false;
  return process.getuid === undefined || (status.mode & 0o077) === 0; // Windows has no modes.
}

function isOwn(status) {
  return process.getuid === undefined || status.uid === process.getuid();
}

module.exports = { runWithCodeCache };
