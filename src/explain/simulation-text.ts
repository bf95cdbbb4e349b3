import type { Style } from '../report/style.js';
import { formatDuration } from '../shared/duration.js';
import { blockFor, columnPeaks } from './load-chart.js';
import type { HerdOptions, HerdResult } from './simulate.js';

const NAME_WIDTH = 13;
const CHART_WIDTH = 56;

/**
 * The thundering herd as text within 80 columns: what was simulated, a table per strategy,
 * then each strategy's load over time as a row of block characters (red where the server was
 * over capacity, on a terminal).
 */
export function renderSimulation(
  results: readonly HerdResult[],
  options: HerdOptions,
  style: Style,
): string[] {
  const d = formatDuration;
  const count = (n: number) => n.toLocaleString('en-US');
  const lines = [
    style.bold(`thundering herd: ${count(options.clients)} clients fail at the same instant`),
    `the server answers ${count(options.capacity)} calls per ${d(options.sliceMs)} slice and fails the rest;`,
    `each client retries until it succeeds (base ${d(options.baseMs)}, cap ${d(options.capMs)}, factor ${options.factor}, seed ${options.seed})`,
    '',
    style.dim(
      `${'strategy'.padEnd(NAME_WIDTH)}${['peak load', 'all done after', 'total calls', 'calls/client'].map((h) => h.padStart(15)).join('')}`,
    ),
  ];
  for (const r of results) {
    const cells = [
      count(r.peakLoad),
      d(r.completionMs),
      count(r.totalCalls),
      (r.totalCalls / options.clients).toFixed(1),
    ];
    lines.push(
      `${style.cyan(r.strategy.padEnd(NAME_WIDTH))}${cells.map((c) => c.padStart(15)).join('')}`,
    );
  }
  const top = Math.max(...results.map((r) => r.peakLoad));
  lines.push(
    '',
    style.dim(
      `calls per ${d(options.sliceMs)} slice over time, each row from the failure to its last success`,
    ),
    style.dim(
      `(█ = ${count(top)} calls, the busiest slice of a column; capacity ${count(options.capacity)})`,
    ),
  );
  for (const r of results) {
    const { peaks, slicesPerColumn } = columnPeaks(r.load, CHART_WIDTH);
    const chart = peaks
      .map((peak) => {
        const block = blockFor(peak, top);
        return peak > options.capacity ? style.red(block) : style.green(block);
      })
      .join('');
    const span = ' '.repeat(CHART_WIDTH - peaks.length);
    const column = style.dim(`${d(slicesPerColumn * options.sliceMs)}/col`);
    lines.push(`${style.cyan(r.strategy.padEnd(NAME_WIDTH))}${chart}${span} ${column}`);
  }
  return lines;
}
