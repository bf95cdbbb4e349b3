#!/usr/bin/env node
// retry-run's entry: loads the CLI bundle (dist/cli.cjs, scripts/build.js) and runs it. This one
// file is the whole loader: a second module for it cost every start a resolution, a read and a
// compile, about 0.4 ms (README "Performance"). Required rather than run (the build, the tests
// of the cache format), it only exports; it runs the CLI as the main module, which is how a
// shell, npm's link or `node bin/retry-run.js` starts it. CommonJS on purpose
// (bin/package.json): an ESM entry would start Node's ESM loader, about a tenth of Node's own
// start-up, for nothing.
//
// Runs the bundled CLI with a V8 code cache, so that later starts skip parsing and compiling
// it: retry-run wraps every CI step, and compiling the bundle is a fifth of its start-up (and
// compiling undici, in HTTP mode, more than Node's whole start). The cache is kept by hand, as
// v8-compile-cache did: each bundle file is compiled with vm.Script, and the cached data V8
// produces after the run is written once, atomically, to a per-user cache directory. Any
// problem with the cache only costs the time it was meant to save.
//
// On every Node, Node >= 22.1 too: its own compile cache (module.enableCompileCache) is made
// as a file is compiled, before any of its functions has run, so it holds the top level and
// little else (11 KB of the bundle's 360) and each start compiles the rest anew. Measured on
// Node 22.23 and 24.22, start-up was 1.60 and 1.79 times the spawn baseline with it, 1.26 and
// 1.41 with this one (README "Performance").
//
// V8 checks only the source's *length* before it runs cached code, so an entry is used only
// for the exact bytes it was made from, and only from a directory nobody else can write into
// (whoever can plant a cache file there runs code as the user). "The exact bytes" is proven
// without hashing them on every run: loading node:crypto would cost a fifth of what the cache
// saves. An entry records the SHA-256 of the bytes it was made for, and the bundle file's
// identity then (device, inode, size, mtime and ctime, in ns). Every change of a file's
// contents sets its ctime to the time of the change, and nobody can set it back; so when the
// file still has that identity, and its ctime was already 2 s old when the entry's bytes were
// read (a later change cannot share its clock tick), the bytes are the same. Otherwise (a
// bundle written just before it ran, or a clock set back) the bytes are hashed and compared,
// as git does with "racily clean" files.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { Script } = require('node:vm');

const MAGIC = Buffer.from('retry-run code cache 2\n');

/**
 * scripts/bundle-options.js puts each bundle file (dist/cli.cjs, dist/vendor/*.cjs) inside a
 * function that takes what Node's module wrapper gives: run with require() it calls it with
 * those, and as a script it is that function, which this file calls. So the source is compiled
 * as read: wrapping it here would copy the whole bundle into another string of V8's young
 * generation (hundreds of kilobytes, and a scavenge the sooner). Which of the two it is, `this`
 * tells: a module's is its exports, a script's the global object. (Globals named `module` and
 * `require` prove nothing: `node -e` and the REPL make them.)
 */
const PARAMETERS = 'exports, require, module, __filename, __dirname';
const BUNDLE_HEAD = `(function (run, self) { return self === globalThis ? run : run.call(exports, ${PARAMETERS}); })(function (${PARAMETERS}) {`;
const BUNDLE_TAIL = '\n}, this);\n';
const HEAD_BYTES = Buffer.from(BUNDLE_HEAD);
const HASH_BYTES = 32;
/** How old a ctime must be, when read, to be sure no later change shares its clock tick. */
const SETTLED_NS = 2_000_000_000n;

function runWithCodeCache(filename) {
  const loaded = new Map();
  const load = (file) => {
    if (!loaded.has(file)) loaded.set(file, compileAndRun(file, requireFor(file)));
    return loaded.get(file);
  };
  // The bundle's own files (dist/vendor/*.cjs) go through the cache too; all else is Node's.
  // `node:` modules are asked of this file's own require: node:module, for a require of the
  // bundle's place, costs half a millisecond that a plain run never needs.
  const requireFor = (file) => {
    let plain;
    return (id) => {
      if (id.endsWith('.cjs') && id.startsWith('.'))
        return load(path.resolve(path.dirname(file), id));
      if (id.startsWith('node:')) return require(id);
      plain ??= require('node:module').createRequire(file);
      return plain(id);
    };
  };
  load(filename);
}

function compileAndRun(filename, requireFn) {
  const { bytes, memory, identity, readAtNs } = readBundle(filename);
  // A built file is ASCII (scripts/build.js checks it): latin1 reads it without decoding.
  const built = bytes.subarray(0, HEAD_BYTES.length).equals(HEAD_BYTES);
  const source = built
    ? bytes.toString('latin1')
    : `(function (${PARAMETERS}) {${bytes.toString('utf8')}\n})`;
  // Once a built file is its source string, its bytes are that string's (latin1 maps each byte
  // to one character and back), and its memory can take the cache entry: pages already
  // touched, where memory of its own cost the entry's read about 60 page faults, each of them
  // 3-12 microseconds on the machines measured (README "Performance").
  const bundleBytes = built ? () => Buffer.from(source, 'latin1') : () => bytes;
  const entry = cacheEntryFor(filename, identity);
  const found = identity && readCache(entry, identity, built ? memory : undefined);
  const cachedData =
    found && (found.settled || found.hash.equals(sha256(bundleBytes()))) ? found.data : undefined;
  const script = new Script(source, { filename, ...(cachedData ? { cachedData } : {}) });
  // A racily made entry that proved right is made again, settled, so later runs skip the hash.
  if (identity && (!cachedData || script.cachedDataRejected || !found.settled)) {
    // After the run, so the cache also holds the functions this run compiled.
    process.once('exit', () =>
      writeCache(entry, { bytes: bundleBytes(), identity, readAtNs }, script),
    );
  }
  const module = { exports: {} };
  const run = script.runInThisContext();
  run.call(module.exports, module.exports, requireFn, module, filename, path.dirname(filename));
  return module.exports;
}

/**
 * The bundle's bytes, and its identity when it stayed the same while they were read
 * (undefined otherwise: then no cache is used or written). `bytes` starts `memory`, which has
 * room for a cache entry after them: room left untouched costs nothing until it is used.
 */
function readBundle(filename) {
  const readAtNs = BigInt(Date.now()) * 1_000_000n;
  const fd = fs.openSync(filename, 'r');
  try {
    const stats = fs.fstatSync(fd, { bigint: true });
    const before = identityOf(stats);
    const size = Number(stats.size);
    // An entry holds about as much as the bundle (275 KB for 247); twice is room to spare.
    const memory = Buffer.allocUnsafeSlow(Math.max(2 * size, 64 * 1024));
    const bytes = memory.subarray(0, readInto(fd, memory, memory.length));
    const after = fs.fstatSync(fd, { bigint: true });
    const steady = identityOf(after) === before && BigInt(bytes.length) === after.size;
    return { bytes, memory, identity: steady ? before : undefined, readAtNs };
  } finally {
    fs.closeSync(fd);
  }
}

/** Reads from the start of `fd` into `memory` until the end of the file or `limit` bytes. */
function readInto(fd, memory, limit) {
  let read = 0;
  for (let n; read < limit && (n = fs.readSync(fd, memory, read, limit - read, read)) > 0;) {
    read += n;
  }
  return read;
}

function identityOf(stats) {
  return [stats.dev, stats.ino, stats.size, stats.mtimeNs, stats.ctimeNs].join(':');
}

const sha256 = (bytes) => require('node:crypto').createHash('sha256').update(bytes).digest();

/**
 * One entry per bundle file, kind of run, Node and architecture:
 * `cli.cjs-<dev>.<ino>-command-v20.20.2-x64.v8cache`. `own` starts the names of this file's
 * entries; `prefix`, those of any version of it.
 */
function cacheEntryFor(filename, identity) {
  const home = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  const prefix = `${path.basename(filename)}-`;
  const [dev, ino] = (identity ?? '').split(':');
  const own = `${prefix}${dev}.${ino}-`;
  const name = `${own}${runKind(process.argv.slice(2))}-${process.version}-${process.arch}.v8cache`;
  const directory = path.join(home, 'retry-run');
  return { directory, prefix, own, file: path.join(directory, name) };
}

/** retry-run's subcommands (src/cli/program.ts); a name missing here only costs cache hits. */
const SUBCOMMANDS = new Set(['explain', 'stats', 'breaker', 'budget', 'completion']);

/**
 * The kind of run, roughly, from the command line: `command`, `http`, a subcommand, or
 * `other` (help, the version, a usage error). Each kind keeps its own cache entry: an entry
 * holds the code of the run that wrote it (V8 caches the functions that run compiled), so one
 * written by `retry-run --version` would leave every later command run compiling its code
 * anew, run after run. A wrong guess only costs that.
 */
function runKind(args) {
  const split = args.indexOf('--');
  if (split !== -1) return 'command';
  const subcommand = args.find((arg) => SUBCOMMANDS.has(arg));
  if (subcommand) return subcommand;
  if (args.some((arg) => /^https?:\/\//i.test(arg))) return 'http';
  return args.includes('-S') || args.includes('--script') ? 'command' : 'other';
}

/**
 * The entry made for a file of this identity, from a directory nobody else could plant it in:
 * its V8 data, the hash of the bytes it was made for, and whether the identity alone proves
 * them the same (see the top of this file).
 */
function readCache(entry, identity, memory) {
  let fd;
  try {
    if (!isPrivate(fs.lstatSync(entry.directory))) return undefined;
    fd = fs.openSync(entry.file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
    const status = fs.fstatSync(fd);
    if (!isOwn(status)) return undefined;
    const header = decodeHeader(
      memory && status.size <= memory.length
        ? memory.subarray(0, readInto(fd, memory, status.size))
        : fs.readFileSync(fd),
    );
    if (!header || header.identity !== identity) return undefined;
    const ctimeNs = BigInt(identity.split(':')[4]);
    return { ...header, settled: ctimeNs + SETTLED_NS <= header.readAtNs };
  } catch {
    return undefined; // No cache yet (this run writes it), or one that cannot be read.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** magic, SHA-256 of the bytes, when they were read (ns), identity length, identity, V8 data. */
function encodeHeader({ bytes, identity, readAtNs }) {
  const fixed = Buffer.alloc(HASH_BYTES + 8 + 2);
  sha256(bytes).copy(fixed);
  fixed.writeBigUInt64BE(readAtNs, HASH_BYTES);
  fixed.writeUInt16BE(Buffer.byteLength(identity), HASH_BYTES + 8);
  return Buffer.concat([MAGIC, fixed, Buffer.from(identity)]);
}

function decodeHeader(data) {
  if (!data.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  let at = MAGIC.length;
  const hash = data.subarray(at, (at += HASH_BYTES));
  const readAtNs = data.readBigUInt64BE(at);
  const identityLength = data.readUInt16BE((at += 8));
  const identity = data.subarray((at += 2), (at += identityLength)).toString();
  const v8Data = data.subarray(at);
  return v8Data.length > 0 ? { hash, readAtNs, identity, data: v8Data } : undefined;
}

function writeCache(entry, read, script) {
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
    const data = Buffer.concat([encodeHeader(read), script.createCachedData()]);
    fs.writeFileSync(temporary, data, { mode: 0o600 });
    fs.renameSync(temporary, entry.file);
    // The entries of older versions of this file (other kinds of run of this one stay), and
    // a killed writer's temporary files.
    const current = path.basename(entry.file);
    removeEntries(
      entry.directory,
      (name) =>
        name.startsWith(entry.prefix) &&
        name !== current &&
        (!name.startsWith(entry.own) || name.endsWith('.tmp')),
    );
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

// For the build (the wrapper) and the tests of the cache format (test/e2e/code-cache.test.ts).
module.exports = {
  runWithCodeCache,
  BUNDLE_HEAD,
  BUNDLE_TAIL,
  readBundle,
  encodeHeader,
  decodeHeader,
};

// Joined, not require.resolve'd: __dirname is already the real one (Node resolves the link npm
// makes for the bin), and resolving would look up every folder on the way for links again.
if (require.main === module) runWithCodeCache(path.join(__dirname, '..', 'dist', 'cli.cjs'));
