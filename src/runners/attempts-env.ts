/** `RETRY_RUN_MAX_ATTEMPTS` as a shell reads it: a number, or `inf` for `--max inf`. */
export function maxAttemptsEnv(maxAttempts: number): string {
  return Number.isFinite(maxAttempts) ? String(maxAttempts) : 'inf';
}
