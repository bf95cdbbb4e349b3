import { isoSecond } from '../breaker/describe.js';
import { DEFAULTS } from '../shared/defaults.js';
import { allowsRetry, type BudgetData } from './state.js';

/**
 * `retrying`: a retry is allowed (more than half the tokens left); `throttled`: retries are
 * refused until successes refill it. First attempts run in both.
 */
export type BudgetState = 'retrying' | 'throttled';

/** One budget as `budget list|status --format json` shows it (README "retry-run budget"). */
export interface BudgetView {
  name: string;
  state: BudgetState;
  tokens: number;
  maxTokens: number;
  ratio: number;
  retriesAllowed: boolean;
  updatedAt: string | null;
}

/**
 * The budget as the last run that counted an attempt left it, under that run's settings (a
 * budget stored before runs stamped their settings is read with the defaults).
 */
export function budgetView(name: string, data: BudgetData): BudgetView {
  const maxTokens = data.maxTokens ?? DEFAULTS.budgetTokens;
  const ratio = data.ratio ?? DEFAULTS.budgetRatio;
  const retriesAllowed = allowsRetry(data, { maxTokens, ratio });
  return {
    name,
    state: retriesAllowed ? 'retrying' : 'throttled',
    tokens: Math.min(data.tokens, maxTokens),
    maxTokens,
    ratio,
    retriesAllowed,
    updatedAt: data.updatedAt === undefined ? null : isoSecond(data.updatedAt),
  };
}

/** `budget status <name>` for a person: the count, the threshold, and what refills it. */
export function describeBudget(view: BudgetView): string {
  const count = `${view.tokens} of ${view.maxTokens} tokens, a retry needs more than ${view.maxTokens / 2}`;
  const verdict =
    view.state === 'retrying' ? 'allows retries' : 'is throttled: retries are refused';
  const updated = view.updatedAt === null ? '' : `; last attempt counted at ${view.updatedAt}`;
  return `budget '${view.name}' ${verdict} (${count}); each successful attempt gives back ${view.ratio}${updated}`;
}
