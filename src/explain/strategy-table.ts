import type { Style } from '../report/style.js';
import type { StrategyName } from '../backoff/strategies.js';

export interface StrategyDescription {
  name: StrategyName;
  formula: string;
  behaviour: string;
  whenToUse: string;
}

/** What each strategy does and when to pick it: the table `retry-run explain` prints. */
export const STRATEGY_TABLE: readonly StrategyDescription[] = [
  {
    name: 'fixed',
    formula: 'min(cap, base)',
    behaviour: 'the same wait every time',
    whenToUse: 'polling for readiness at a steady pace',
  },
  {
    name: 'linear',
    formula: 'min(cap, base*n)',
    behaviour: 'grows by one base per retry',
    whenToUse: 'gentle back-off for a local resource',
  },
  {
    name: 'exponential',
    formula: 'min(cap, base*factor^(n-1))',
    behaviour: 'doubles (by factor) each retry',
    whenToUse: 'one client against an overloaded service',
  },
  {
    name: 'jitter',
    formula: 'uniform(0, e)',
    behaviour: 'full jitter over the exponential e',
    whenToUse: 'many clients at once (the default): spreads load best',
  },
  {
    name: 'equal-jitter',
    formula: 'e/2 + uniform(0, e/2)',
    behaviour: 'half fixed, half random',
    whenToUse: 'spread, but never retry too soon',
  },
  {
    name: 'decorrelated',
    formula: 'min(cap, uniform(base, 3*prev))',
    behaviour: 'random walk from the last wait',
    whenToUse: 'many clients, fewer calls than full jitter',
  },
];

/** The table as text: two lines per strategy, within 80 columns. */
export function renderStrategyTable(style: Style): string[] {
  const [nameWidth, formulaWidth] = [13, 32];
  const lines = [
    style.bold(
      `${'strategy'.padEnd(nameWidth)}${'delay for retry n'.padEnd(formulaWidth)}behaviour`,
    ),
  ];
  for (const s of STRATEGY_TABLE) {
    lines.push(
      `${style.cyan(s.name.padEnd(nameWidth))}${s.formula.padEnd(formulaWidth)}${s.behaviour}`,
      `${' '.repeat(nameWidth)}${style.dim(`when: ${s.whenToUse}`)}`,
    );
  }
  lines.push(
    '',
    style.dim('e = min(cap, base*factor^(n-1)), n = 1, 2, ... (the wait before attempt n+1)'),
    style.dim('defaults: strategy jitter, base 1s, cap 60s, factor 2'),
  );
  return lines;
}
