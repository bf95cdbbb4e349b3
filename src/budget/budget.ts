import type { Clock } from '../shared/clock.js';
import type { BudgetVerdict, RetryBudgetGate } from '../engine/retry-budget.js';
import { StoreError, type StateStore } from '../store/store.js';
import {
  allowsRetry,
  fullBudget,
  isBudgetData,
  recordAttempt,
  type BudgetData,
  type BudgetSettings,
} from './state.js';

/** A named budget and its settings, as `--budget` and its options give them. */
export interface BudgetConfig extends BudgetSettings {
  name: string;
}

/** The store collection that holds retry budgets. */
export const BUDGET_COLLECTION = 'budget';

/** Reads a budget from the store; a missing one is full, a value that is not one is corrupt. */
export async function readBudget(
  store: StateStore,
  name: string,
  maxTokens: number,
): Promise<BudgetData> {
  return checkedBudget(await store.read(BUDGET_COLLECTION, name), store, name, maxTokens);
}

function checkedBudget(
  value: unknown,
  store: StateStore,
  name: string,
  maxTokens: number,
): BudgetData {
  if (value === undefined) return fullBudget({ maxTokens, ratio: 0 });
  if (!isBudgetData(value)) {
    throw new StoreError('corrupt', `budget '${name}' in ${store.location} is corrupt`);
  }
  return value;
}

/**
 * The `--budget` of a run, shared through the state store by every process that names it.
 * One atomic update per attempt records it and reads the count the retry decision rests on,
 * so no concurrent update is lost. A store that fails gives one warning, and from then on
 * the budget allows every retry (a broken store never blocks the command).
 */
export function createSharedBudget(
  config: BudgetConfig,
  store: StateStore,
  warn: (message: string) => void,
  clock: Clock,
): RetryBudgetGate {
  let broken = false;
  return {
    async record(success): Promise<BudgetVerdict> {
      if (broken) return { retryAllowed: true };
      let data: BudgetData;
      try {
        data = await store.update<BudgetData>(BUDGET_COLLECTION, config.name, (current) => ({
          ...recordAttempt(
            checkedBudget(current, store, config.name, config.maxTokens),
            success,
            config,
          ),
          maxTokens: config.maxTokens,
          ratio: config.ratio,
          updatedAt: clock.now(),
        }));
      } catch (error) {
        if (!(error instanceof StoreError)) throw error;
        broken = true;
        const repair =
          error.kind === 'corrupt' ? ` ('retry-run budget reset ${config.name}' repairs it)` : '';
        warn(`budget '${config.name}': ${error.message}${repair}; allowing every retry`);
        return { retryAllowed: true };
      }
      if (allowsRetry(data, config)) return { retryAllowed: true };
      return {
        retryAllowed: false,
        message: `retry budget '${config.name}' has ${data.tokens} of ${config.maxTokens} tokens (a retry needs more than ${config.maxTokens / 2}): not retried`,
      };
    },
  };
}
