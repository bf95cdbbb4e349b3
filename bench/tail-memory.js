#!/usr/bin/env node
// Peak memory of retry-run while a command streams a lot of output through an output condition
// (issue 4: the tail keeps 64 KiB per stream, so memory must stay flat however much is printed).
// Measures "Maximum resident set size" with GNU time (/usr/bin/time -v).
// Usage: node bench/tail-memory.js [--json] [--gib N]   (run `npm run build` first)
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/retry-run.js', import.meta.url));
const TIME = '/usr/bin/time';
const args = process.argv.slice(2);
const json = args.includes('--json');
const gib = args.includes('--gib') ? Number(args[args.indexOf('--gib') + 1]) || 1 : 1;
const GIB = 1024 ** 3;

if (!existsSync(TIME)) {
  console.error(`tail-memory: ${TIME} (GNU time) is needed to measure peak RSS; skipped`);
  process.exit(json ? 0 : 1);
}

/** Peak RSS (KiB) of `retry-run <options> -n 1 -- sh -c 'head -c BYTES /dev/zero' > /dev/null`. */
function peakKiB(options, bytes) {
  const argv = [...options, '-n', '1', '--', 'sh', '-c', `head -c ${bytes} /dev/zero`];
  const result = spawnSync(TIME, ['-v', process.execPath, BIN, ...argv], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr);
  if (result.status !== 0 || !match) {
    throw new Error(`retry-run ${argv.join(' ')} failed:\n${result.stderr.slice(-2000)}`);
  }
  const shown = options.length > 0 ? `${options.join(' ')} ` : '';
  return {
    command: `retry-run ${shown}-n 1 -- sh -c 'head -c ${bytes} /dev/zero' > /dev/null`,
    bytes,
    maxRssKiB: Number(match[1]),
  };
}

const tail = ['--retry-on', 'output:/never/'];
const cases = [
  ['output condition, 1 MiB', tail, 1024 ** 2],
  [`output condition, ${gib} GiB`, tail, gib * GIB],
  [`--stdout final and an output condition, ${gib} GiB`, ['--stdout', 'final', ...tail], gib * GIB],
  [`no condition reads output (inherited), ${gib} GiB`, [], gib * GIB],
];
const results = cases.map(([name, options, bytes]) => ({ name, ...peakKiB(options, bytes) }));

if (json) {
  console.log(JSON.stringify({ benchmark: 'tail-memory', results }, null, 2));
} else {
  for (const r of results) {
    console.log(`${(r.maxRssKiB / 1024).toFixed(1).padStart(7)} MiB peak RSS  ${r.name}`);
    console.log(`        ${r.command}`);
  }
}
