import { allowsRetry, fullBudget, recordAttempt, type BudgetSettings } from '../budget/state.js';

/**
 * The fleet's retry budget in the thundering-herd simulation: the run's own state machine
 * (README "Retry budget"), shared by every simulated client. A client whose retry it refuses
 * gives up, as a run ends `budget-exhausted`; the one-shot herd has no later runs to refill it.
 */
export interface HerdBudget {
  /**
   * Counts calls answered at one instant (successes first, then failures, in call order)
   * and returns how many of the failed callers may retry; the others give up.
   */
  afterCalls(succeeded: number, failed: number): number;
  /** Clients that gave up so far. */
  readonly gaveUp: number;
}

export function createHerdBudget(settings: BudgetSettings): HerdBudget {
  let data = fullBudget(settings);
  let gaveUp = 0;
  return {
    afterCalls(succeeded, failed) {
      for (let i = 0; i < succeeded; i++) data = recordAttempt(data, true, settings);
      let retrying = 0;
      for (let i = 0; i < failed; i++) {
        data = recordAttempt(data, false, settings);
        if (allowsRetry(data, settings)) retrying++;
        else gaveUp++;
      }
      return retrying;
    },
    get gaveUp() {
      return gaveUp;
    },
  };
}
