import { parseConditions } from '../conditions/conditions.js';
import { DEFAULTS } from '../shared/defaults.js';
import type { AttemptResult, Classification } from './types.js';

/** The statuses HTTP mode retries by default (408, 429, 500, 502, 503, 504): one source. */
export const RETRIED_STATUSES: ReadonlySet<number> = new Set(
  parseConditions(DEFAULTS.httpRetryOn, '--retry-on').flatMap((condition) =>
    condition.kind === 'status' && condition.min === condition.max ? [condition.min] : [],
  ),
);
const HINT = '(--retry-on any retries it)';

/**
 * The status-aware default of command mode (README "What gets retried"): when the user gave
 * neither --retry-on nor --stop-on and a known tool reported an HTTP status, HTTP mode's
 * default decides; a permanent error the tool named (auth, not found, usage) is not retried.
 * Undefined when the attempt has neither: today's default (`any`) decides.
 */
export function classifyByToolDefault(result: AttemptResult): Classification | undefined {
  const tool = result.knownTool;
  if (!tool) return undefined;
  const status = result.reportedStatus;
  const reason = status === undefined ? `exit:${result.exitCode}` : `status:${status}`;
  const evidence = result.failureEvidence ? { evidence: result.failureEvidence } : {};
  if (status !== undefined) {
    const what = tool.says
      ? `${tool.name} says ${tool.says} (${status})`
      : `HTTP ${status} from ${tool.name}`;
    return RETRIED_STATUSES.has(status)
      ? {
          success: false,
          retryable: true,
          reason,
          explanation: `retryable: ${what} is retried by default`,
          ...evidence,
        }
      : {
          success: false,
          retryable: false,
          reason,
          explanation: `not retried: ${what} is permanent ${HINT}`,
          ...evidence,
        };
  }
  if (!tool.permanent) return undefined;
  const words = tool.says ?? tool.permanent;
  return {
    success: false,
    retryable: false,
    reason,
    explanation: `not retried: ${tool.name} says ${words}: permanent (${tool.permanent}) ${HINT}`,
    ...evidence,
  };
}
