import { UsageError, invalidValue } from '../shared/errors.js';
import { checkBreakerName } from './breaker.js';
import { DEFAULTS } from '../shared/defaults.js';
import { parseInteger, parseNumberAbove } from './numbers.js';
import type { BudgetConfig } from '../budget/budget.js';

export type { BudgetConfig };

/** The budget flags as commander hands them over. */
export interface RawBudgetOptions {
  budget?: string;
  budgetTokens?: string;
  budgetRatio?: string;
}

/** `--budget` and its settings (README "Retry budget"); undefined when none is named. */
export function normalizeBudget(raw: RawBudgetOptions): BudgetConfig | undefined {
  if (raw.budget === undefined) {
    const orphan =
      raw.budgetTokens !== undefined
        ? '--budget-tokens'
        : raw.budgetRatio !== undefined
          ? '--budget-ratio'
          : undefined;
    if (orphan) throw new UsageError(`${orphan}: only applies with --budget <name>`);
    return undefined;
  }
  const ratio =
    raw.budgetRatio === undefined
      ? DEFAULTS.budgetRatio
      : parseNumberAbove(raw.budgetRatio, '--budget-ratio', 0);
  if (ratio > 1000) throw invalidValue('--budget-ratio', raw.budgetRatio, 'expected at most 1000');
  return Object.freeze({
    name: checkBreakerName(raw.budget, '--budget'),
    maxTokens:
      raw.budgetTokens === undefined
        ? DEFAULTS.budgetTokens
        : parseInteger(raw.budgetTokens, '--budget-tokens', 1, 1_000_000),
    ratio,
  });
}
