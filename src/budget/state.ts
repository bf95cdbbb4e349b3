/**
 * A retry budget as plain data (gRPC retry throttling, proposal A6): a token count that
 * failed attempts drain and successful ones refill slowly. Retries are allowed only while
 * more than half the tokens are left, so when most calls fail, a fleet stops multiplying its
 * load with retries while first attempts still go through.
 */
export interface BudgetSettings {
  /** `--budget-tokens`: the count starts here and never exceeds it. */
  maxTokens: number;
  /** `--budget-ratio`: what one successful attempt adds back. */
  ratio: number;
}

export interface BudgetData {
  tokens: number;
  /**
   * The settings of the last run that counted an attempt, and when (ms since the epoch):
   * what `retry-run budget status` shows. Absent in a budget no run has stamped.
   */
  maxTokens?: number;
  ratio?: number;
  updatedAt?: number;
}

/** A budget no run has touched yet: full. */
export function fullBudget(settings: BudgetSettings): BudgetData {
  return { tokens: settings.maxTokens };
}

/** Each failed attempt takes one token (not below 0); each success adds `ratio` (up to max). */
export function recordAttempt(
  data: BudgetData,
  success: boolean,
  settings: BudgetSettings,
): BudgetData {
  // A budget stored under a larger --budget-tokens is held to this run's maximum.
  const tokens = Math.min(data.tokens, settings.maxTokens);
  const next = success ? Math.min(settings.maxTokens, tokens + settings.ratio) : tokens - 1;
  // Rounded to a thousandth: adding 0.1 ten times gives 1, not 0.9999999999999999.
  return { tokens: Math.max(0, Math.round(next * 1000) / 1000) };
}

/** A retry is allowed only while the count is above half the maximum; first attempts always. */
export function allowsRetry(data: BudgetData, settings: BudgetSettings): boolean {
  return data.tokens > settings.maxTokens / 2;
}

export function isBudgetData(value: unknown): value is BudgetData {
  const data = value as BudgetData | null;
  const finite = (n: unknown) => typeof n === 'number' && Number.isFinite(n) && n >= 0;
  const optional = (n: unknown) => n === undefined || finite(n);
  return (
    finite(data?.tokens) &&
    optional(data?.maxTokens) &&
    optional(data?.ratio) &&
    optional(data?.updatedAt)
  );
}
