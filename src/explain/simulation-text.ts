import type { Style } from '../report/style.js';
import { formatDuration } from '../shared/duration.js';
import { blockFor, columnPeaks } from './load-chart.js';
import type { BudgetHerdResult, HerdOptions, HerdResult } from './simulate.js';

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
  budget?: BudgetHerdResult,
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
  const row = (name: string, r: HerdResult) => {
    const cells = [
      count(r.peakLoad),
      d(r.completionMs),
      count(r.totalCalls),
      (r.totalCalls / options.clients).toFixed(1),
    ];
    return `${style.cyan(name.padEnd(NAME_WIDTH))}${cells.map((c) => c.padStart(15)).join('')}`;
  };
  for (const r of results) lines.push(row(r.strategy, r));
  if (budget) lines.push(...budgetRows(budget, options, row));
  const charted: Array<[string, HerdResult]> = [
    ...results.map((r): [string, HerdResult] => [r.strategy, r]),
    ...(budget ? [[BUDGET_ROW, budget] as [string, HerdResult]] : []),
  ];
  const top = Math.max(...charted.map(([, r]) => r.peakLoad));
  lines.push(
    '',
    style.dim(
      `calls per ${d(options.sliceMs)} slice over time, each row from the failure to its last success`,
    ),
    style.dim(
      `(█ = ${count(top)} calls, the busiest slice of a column; capacity ${count(options.capacity)})`,
    ),
  );
  for (const [name, r] of charted) {
    const { peaks, slicesPerColumn } = columnPeaks(r.load, CHART_WIDTH);
    const chart = peaks
      .map((peak) => {
        const block = blockFor(peak, top);
        return peak > options.capacity ? style.red(block) : style.green(block);
      })
      .join('');
    const span = ' '.repeat(CHART_WIDTH - peaks.length);
    const column = style.dim(`${d(slicesPerColumn * options.sliceMs)}/col`);
    lines.push(`${style.cyan(name.padEnd(NAME_WIDTH))}${chart}${span} ${column}`);
  }
  return lines;
}

const BUDGET_ROW = 'with budget';

/**
 * The herd again under the policy's strategy, with a retry budget shared by the fleet: its
 * row in the table, and how many clients gave up because it refused their retry.
 */
function budgetRows(
  budget: BudgetHerdResult,
  options: HerdOptions,
  row: (name: string, r: HerdResult) => string,
): string[] {
  const { maxTokens, ratio } = budget.budget;
  const clients = options.clients.toLocaleString('en-US');
  const outcome =
    budget.gaveUp === 0
      ? 'it refused no retry: every client succeeded'
      : `${budget.gaveUp.toLocaleString('en-US')} of ${clients} clients gave up (budget-exhausted)`;
  return [
    '',
    `${budget.strategy} with a retry budget shared by the fleet (--budget-tokens ${maxTokens},`,
    `--budget-ratio ${ratio}): a refused retry ends that client's run`,
    row(BUDGET_ROW, budget),
    `${' '.repeat(NAME_WIDTH)}${outcome}`,
  ];
}
