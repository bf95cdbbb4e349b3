import { DEFAULTS } from '../shared/defaults.js';
import { formatDuration } from '../shared/duration.js';
import type { Style } from '../report/style.js';
import { STRATEGIES, type StrategyName } from '../backoff/strategies.js';

export interface StrategyDescription {
  name: StrategyName;
  formula: string;
  behaviour: string;
  whenToUse: string;
}

/** What each strategy does and when to pick it, from the strategies themselves. */
export const STRATEGY_TABLE: readonly StrategyDescription[] = STRATEGIES.map(
  ({ name, formula, behaviour, whenToUse }) => ({ name, formula, behaviour, whenToUse }),
);

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
    style.dim(
      `defaults: strategy ${DEFAULTS.strategy}, base ${formatDuration(DEFAULTS.baseMs)}, cap ${formatDuration(DEFAULTS.capMs)}, factor ${DEFAULTS.factor}`,
    ),
  );
  return lines;
}
