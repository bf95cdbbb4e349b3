// Breaker updates per second under 8 concurrent processes, on the file store and on Redis.
// Usage: npm run build && node bench/breaker.js [--seconds 3] [--processes 8] [--json]
// Each process records failed attempts on one shared breaker (threshold high enough that it
// never opens), so every call is an atomic read-modify-write of the same document: the worst
// case of contention. At the end the breaker's count must equal the sum of updates (no lost
// update). Starts its own redis-server on a free loopback port (skipped if none is installed).
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createSharedBreaker, openStore, resolveStateLocation } from '../dist/index.js';

const SELF = fileURLToPath(import.meta.url);
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at === -1 ? fallback : Number(args[at + 1]);
};

if (args[0] === '--worker') {
  await worker(args[1], Number(args[2]));
} else {
  await main();
}

async function worker(state, ms) {
  const store = openStore(resolveStateLocation(state));
  const breaker = createSharedBreaker({
    name: 'bench',
    store,
    clock: { now: () => Date.now() },
    threshold: 1_000_000_000,
    cooldownMs: 30_000,
    strict: true,
    warn: (message) => process.stderr.write(`${message}\n`),
  });
  await breaker.admit(); // connect before the clock starts
  const latencies = [];
  const start = performance.now();
  while (performance.now() - start < ms) {
    const before = performance.now();
    await breaker.record(false, 'exit:1');
    latencies.push(performance.now() - before);
  }
  const elapsed = performance.now() - start;
  await breaker.close();
  await store.close();
  process.stdout.write(JSON.stringify({ updates: latencies.length, elapsed, latencies }));
}

function runWorker(state, ms) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SELF, '--worker', state, String(ms)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`worker exited ${code}`)),
    );
  });
}

async function measure(label, state, processes, ms) {
  const results = await Promise.all(Array.from({ length: processes }, () => runWorker(state, ms)));
  const total = results.reduce((sum, r) => sum + r.updates, 0);
  const perSecond = results.reduce((sum, r) => sum + (r.updates / r.elapsed) * 1000, 0);
  const store = openStore(resolveStateLocation(state));
  const stored = (await store.read('breaker', 'bench'))?.consecutiveFailures;
  await store.close();
  const latencies = results.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const percentile = (p) =>
    latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
  return {
    store: label,
    processes,
    updates: total,
    updatesPerSecond: Math.round(perSecond),
    medianUpdateMs: Math.round(percentile(0.5) * 100) / 100,
    p95UpdateMs: Math.round(percentile(0.95) * 100) / 100,
    lostUpdates: total - stored,
  };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function startRedis() {
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  await new Promise((resolve, reject) => {
    let output = '';
    child.on('error', reject);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (output.includes('Ready to accept connections')) resolve();
    });
  });
  child.stdout.resume();
  return { url: `redis://127.0.0.1:${port}`, stop: () => child.kill('SIGKILL') };
}

async function main() {
  const processes = option('--processes', 8);
  const ms = option('--seconds', 3) * 1000;
  const rows = [];
  const dir = await mkdtemp(join(tmpdir(), 'retry-run-bench-'));
  try {
    rows.push(await measure('file', dir, processes, ms));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  let redis;
  try {
    redis = await startRedis();
  } catch {
    process.stderr.write('redis-server not found: Redis skipped\n');
  }
  if (redis) {
    try {
      rows.push(await measure('redis', redis.url, processes, ms));
    } finally {
      redis.stop();
    }
  }
  if (args.includes('--json')) {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return;
  }
  process.stdout.write(
    `breaker updates per second, ${processes} concurrent processes, ${ms / 1000}s each\n`,
  );
  for (const r of rows) {
    process.stdout.write(
      `  ${r.store.padEnd(6)} ${String(r.updatesPerSecond).padStart(7)} updates/s  median ${r.medianUpdateMs} ms, p95 ${r.p95UpdateMs} ms per update  (${r.updates} updates, ${r.lostUpdates} lost)\n`,
    );
  }
}
