/** A budget's word after one attempt: whether a retry may follow it. */
export type BudgetVerdict = { retryAllowed: true } | { retryAllowed: false; message: string };

/**
 * Something that counts every attempt and may refuse retries (a retry budget shared by a
 * fleet). It never refuses a first attempt: the engine asks only before a retry.
 */
export interface RetryBudgetGate {
  record(success: boolean): Promise<BudgetVerdict>;
}
