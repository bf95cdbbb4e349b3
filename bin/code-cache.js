// Runs the bundled CLI with a V8 code cache, so that later starts skip parsing and compiling
// it: retry-run wraps every CI step, and compiling the bundle is a fifth of its start-up.
// Node >= 22.1 has this built in (module.enableCompileCache); on older Node the cache is kept
// by hand, as v8-compile-cache did: the bundle is compiled with vm.Script and the cached data
// that V8 produces after the run is written once, atomically, to a per-user cache directory.
// Any problem with the cache only costs the time it was meant to save.
const fs = require('node:fs');
const path = require('node:path');
const { Script } = require('node:vm');
const nodeModule = require('node:module');

function runWithCodeCache(filename) {
  if (nodeModule.enableCompileCache) {
    nodeModule.enableCompileCache();
    require(filename);
    return;
  }
  const source = fs.readFileSync(filename, 'utf8');
  const cacheFile = cacheFileFor(filename, source);
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    // No cache yet: this run writes it.
  }
  const wrapper = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new Script(wrapper, { filename, ...(cachedData ? { cachedData } : {}) });
  if (!cachedData || script.cachedDataRejected) {
    // After the run, so the cache also holds the functions this run compiled.
    process.once('exit', () => writeCache(cacheFile, script));
  }
  const module = { exports: {} };
  const run = script.runInThisContext();
  run(module.exports, nodeModule.createRequire(filename), module, filename, path.dirname(filename));
}

/** One file per bundle, Node and architecture: V8 rejects a cache from anything else. */
function cacheFileFor(filename, source) {
  const home = process.env.XDG_CACHE_HOME || path.join(require('node:os').homedir(), '.cache');
  const tag = `${path.basename(filename)}-${source.length}-${process.version}-${process.arch}`;
  return path.join(home, 'retry-run', `${tag}.v8cache`);
}

function writeCache(cacheFile, script) {
  try {
    fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
    const temporary = `${cacheFile}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, script.createCachedData());
    fs.renameSync(temporary, cacheFile);
  } catch {
    // A read-only home: run without a cache.
  }
}

module.exports = { runWithCodeCache };
