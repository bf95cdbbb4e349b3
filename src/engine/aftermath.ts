import type { AttemptAftermath, AttemptResult, Classification } from './types.js';

/**
 * Folds what happened after an attempt's verdict into its record. Output that could not be
 * written is lost: however the attempt went, it failed, and repeating it cannot bring the
 * output back (README, Exit codes: 23).
 */
export function applyAftermath(
  result: AttemptResult,
  classification: Classification,
  aftermath: AttemptAftermath | void,
): { result: AttemptResult; classification: Classification } {
  if (!aftermath) return { result, classification };
  const ended = aftermath.endedLeftovers ? { endedLeftovers: aftermath.endedLeftovers } : {};
  const failure = aftermath.writeFailure;
  if (!failure) return { result: { ...result, ...ended }, classification };
  // A signal the attempt died of is the consequence (the tee stopped it), not the cause.
  const { signal: _consequence, ...rest } = result;
  return {
    result: { ...rest, ...ended, ...failure, ok: false },
    classification: {
      success: false,
      retryable: false,
      reason: 'write',
      explanation: 'not retried: its output is lost',
    },
  };
}
