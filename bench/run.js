// `npm run bench`: measures retry-run's own cost against baselines taken in the same run, and
// prints a table of medians and ratios (also written to bench/results.json). The machines are
// shared and noisy, so every figure is a ratio or a difference against a baseline measured
// alongside it, never an absolute threshold in the test suite.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const node = process.execPath;
const bin = join(root, 'bin/retry-run.js');
const baseline = join(root, 'bench/baseline.js');
const quick = process.argv.includes('--quick');
const work = mkdtempSync(join(tmpdir(), 'retry-run-bench-'));
const figures = [];

/**
 * Runs each command `runs` times, interleaved in a fresh random order every round, and returns
 * the median wall time of each in ms. Interleaving spreads the noise of a shared machine over
 * all commands alike, where back-to-back batches (hyperfine's way) let a burst of load land on
 * one command only.
 */
function interleaved(commands, runs) {
  const rounds = quick ? Math.max(5, Math.ceil(runs / 5)) : runs;
  const argvs = commands.map((command) => command.split(' '));
  const times = argvs.map(() => []);
  const once = (argv) => {
    const started = process.hrtime.bigint();
    const result = spawnSync(argv[0], argv.slice(1), { stdio: 'ignore' });
    if (result.error) throw result.error;
    return Number(process.hrtime.bigint() - started) / 1e6;
  };
  for (const argv of argvs) once(argv); // warm the file cache and the code cache
  for (let round = 0; round < rounds; round++) {
    const order = argvs.map((_, index) => index).sort(() => Math.random() - 0.5);
    for (const index of order) times[index].push(once(argvs[index]));
  }
  return times.map((list) => {
    const sorted = [...list].sort((a, b) => a - b);
    return { median: sorted[Math.floor(sorted.length / 2)] };
  });
}

/** hyperfine for long commands that need a shell (pipes): median wall time in ms. */
function hyperfine(commands, { runs, warmup }) {
  const out = join(work, 'hyperfine.json');
  const args = ['--export-json', out, '--style', 'none', '-w', String(warmup), '-r', String(runs)];
  execFileSync('hyperfine', [...args, ...commands], { stdio: ['ignore', 'ignore', 'inherit'] });
  return JSON.parse(readFileSync(out, 'utf8')).results.map((r) => ({ median: r.median * 1000 }));
}

const q = (s) => `'${s}'`;
const cli = (args) => `${node} ${bin} ${args}`;

function record(name, value, unit, baselineValue, target, pass) {
  figures.push({
    name,
    value: round(value),
    unit,
    baseline: baselineValue === undefined ? null : round(baselineValue),
    target,
    pass,
  });
}
const round = (x) => Math.round(x * 100) / 100;

function startupFigures() {
  const [base, run] = interleaved([`${node} ${baseline} true`, cli('-q -- true')], 60);
  record(
    'start-up: retry-run -- true (median)',
    run.median / base.median,
    '× baseline',
    base.median,
    '≤ 1.25×',
    run.median / base.median <= 1.25,
  );
  return base;
}

async function httpFigures() {
  const server = spawn(
    node,
    [
      '-e',
      `
    const s = require('node:http').createServer((q, r) => r.end('ok'));
    s.listen(0, '127.0.0.1', () => console.log(s.address().port));`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const port = await new Promise((resolve) =>
    server.stdout.once('data', (d) => resolve(String(d).trim())),
  );
  try {
    const [base, run] = interleaved(
      [`${node} ${baseline} true`, cli(`-q http://127.0.0.1:${port}/`)],
      40,
    );
    record(
      'HTTP: one request to a loopback server (median)',
      run.median / base.median,
      '× baseline',
      base.median,
      '≤ 1.5×',
      run.median / base.median <= 1.5,
    );
  } finally {
    server.kill();
  }
}

function attemptFigures() {
  const [one, eleven, waited] = interleaved(
    [
      cli('-q -n 1 -b 0 -- false'),
      cli('-q -n 11 -b 0 -- false'),
      cli('-q -n 11 -s fixed -b 100ms -- false'),
    ],
    20,
  );
  const perAttempt = (eleven.median - one.median) / 10;
  record(
    'each extra attempt (--base 0, spawning false)',
    perAttempt,
    'ms',
    undefined,
    '≤ 5 ms',
    perAttempt <= 5,
  );
  const overshoot = waited.median - eleven.median - 1000;
  record(
    'ten 100 ms waits: time beyond 1 s',
    overshoot,
    'ms',
    undefined,
    '≤ 30 ms',
    overshoot <= 30,
  );
}

function throughputFigures() {
  const bytes = quick ? 256 * 2 ** 20 : 2 * 2 ** 30;
  const producer = `head -c ${bytes} /dev/zero`;
  const teed = cli(`-q -n 1 --retry-on ${q('output:/never/')} -- ${producer}`);
  // Our stdout a file, then a pipe (as in CI logs): each against `cat` in the same place.
  const [cat, tee, catPiped, teePiped] = hyperfine(
    [
      `${producer} | cat > /dev/null`,
      `${teed} > /dev/null`,
      `${producer} | cat | cat > /dev/null`,
      `${teed} | cat > /dev/null`,
    ],
    { runs: 3, warmup: 1 },
  );
  for (const [where, base, run] of [
    ['', cat, tee],
    [', piped on', catPiped, teePiped],
  ]) {
    record(
      `output condition: ${bytes / 2 ** 30} GiB through tee + tail${where}`,
      run.median / base.median,
      '× cat',
      base.median,
      '≤ 1.5×',
      run.median / base.median <= 1.5,
    );
  }
  for (const size of quick ? [64 * 2 ** 20, bytes] : [64 * 2 ** 20, 2 ** 30, bytes]) {
    const rss = peakRssMb(
      `${cli(`-q -n 1 --retry-on ${q('output:/never/')} -- head -c ${size} /dev/zero`)} > /dev/null`,
    );
    record(
      `peak RSS, ${size / 2 ** 20} MiB through an output condition`,
      rss,
      'MB',
      undefined,
      '≤ 100 MB',
      rss <= 100,
    );
  }
}

/** Peak RSS of retry-run itself: `exec` makes it the process GNU time measures. */
function peakRssMb(command) {
  const { stderr } = spawnSync('/usr/bin/time', ['-v', 'sh', '-c', `exec ${command}`], {
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)[1]) / 1024;
}

function storeFigures() {
  const rows = JSON.parse(
    execFileSync(node, [join(root, 'bench/breaker.js'), '--json', '--seconds', quick ? '1' : '3'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  );
  for (const row of rows) {
    const target = row.store === 'file' ? '≤ 10 ms' : '—';
    const pass = row.store === 'file' ? row.medianUpdateMs <= 10 : null;
    record(
      `breaker update, 8 processes, ${row.store} store (median)`,
      row.medianUpdateMs,
      'ms',
      undefined,
      target,
      pass,
    );
    record(
      `breaker updates per second, 8 processes, ${row.store} store`,
      row.updatesPerSecond,
      '/s',
      undefined,
      '—',
      null,
    );
  }
}

try {
  const base = startupFigures();
  await httpFigures();
  attemptFigures();
  throughputFigures();
  storeFigures();
  const rows = figures.map((f) => [
    f.name,
    `${f.value} ${f.unit}`,
    f.baseline === null ? '' : `${f.baseline} ms`,
    f.target,
    f.pass === null ? '' : f.pass ? 'ok' : 'MISS',
  ]);
  const header = ['figure', 'value', 'baseline', 'target', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  rows.forEach((r) => console.log(line(r)));
  const results = {
    date: new Date().toISOString(),
    node: process.version,
    quick,
    baselineStartupMs: round(base.median),
    figures,
  };
  writeFileSync(join(root, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log('\nwritten to bench/results.json');
} finally {
  rmSync(work, { recursive: true, force: true });
}
