import type { Condition } from '../policy/conditions.js';
import type { AttemptResult, Classification, Conditions } from './types.js';

/** What made a condition match, for the log: the token and the text it matched on. */
interface Match {
  condition: Condition;
  evidence?: string;
}

/**
 * Decides what one attempt means: success, a failure worth retrying, or a permanent one.
 * `--until` (when given) alone decides success; `--stop-on` wins over `--retry-on`.
 */
export function classifyAttempt(result: AttemptResult, conditions: Conditions): Classification {
  const until = firstMatch(conditions.until, result, true);
  const success = conditions.until.length > 0 ? until !== undefined : result.ok;
  if (success) {
    const why = until ? `matched --until ${describe(until)}` : 'succeeded';
    return { success, retryable: false, reason: 'success', explanation: why };
  }
  const baseReason = failureReason(result, conditions);
  const stop = firstMatch(conditions.stopOn, result, false);
  if (stop) {
    return {
      success,
      retryable: false,
      reason: reasonFor(stop, baseReason),
      explanation: `not retried: matches --stop-on ${describe(stop)}`,
    };
  }
  const retry = firstMatch(conditions.retryOn, result, false);
  // The runner's veto (a POST) matters only for a failure that would otherwise be retried.
  if (retry && result.notRetryableBecause) {
    return {
      success,
      retryable: false,
      reason: reasonFor(retry, baseReason),
      explanation: `not retried: ${result.notRetryableBecause}`,
    };
  }
  if (retry) {
    return {
      success,
      retryable: true,
      reason: reasonFor(retry, baseReason),
      explanation: `retryable: matches --retry-on ${describe(retry)}`,
    };
  }
  return {
    success,
    retryable: false,
    reason: baseReason,
    explanation: `not retried: ${baseReason} is not in --retry-on ${conditions.retryOn.map((c) => c.token).join(',')}`,
  };
}

/** The stable reason token of a failure (SPEC §9): the most specific fact about it. */
function failureReason(result: AttemptResult, conditions: Conditions): string {
  if (result.timedOut) return 'timeout';
  if (result.failureClass === 'timeout') return 'timeout';
  if (result.signal) return `signal:${result.signal}`;
  if (result.failureClass === 'connection') {
    return result.errorCode ? `connection:${result.errorCode}` : 'connection';
  }
  if (result.failureClass === 'body') return 'body';
  if (result.status !== undefined) return `status:${result.status}`;
  if (result.ok && conditions.until.length > 0) return 'until';
  return `exit:${result.exitCode}`;
}

/** An output pattern names the failure better than the exit code it came with. */
function reasonFor(match: Match, baseReason: string): string {
  return match.condition.kind === 'output' ? match.condition.token : baseReason;
}

function describe(match: Match): string {
  const where = match.evidence ? ` (${match.evidence})` : '';
  return `${match.condition.token}${where}`;
}

function firstMatch(
  conditions: readonly Condition[],
  result: AttemptResult,
  forSuccess: boolean,
): Match | undefined {
  for (const condition of conditions) {
    const match = matchCondition(condition, result, forSuccess);
    if (match) return match;
  }
  return undefined;
}

const STATUS_WORD = /\b[1-5]\d\d\b/g;
const BODY_MISMATCH_STATUS = 503;

function matchCondition(
  condition: Condition,
  result: AttemptResult,
  forSuccess: boolean,
): Match | undefined {
  const exited = !result.signal && !result.timedOut && result.status === undefined;
  switch (condition.kind) {
    case 'any':
      return forSuccess ? undefined : { condition };
    case 'exit':
      return exited && result.exitCode >= condition.min && result.exitCode <= condition.max
        ? { condition }
        : undefined;
    case 'signal':
      return result.signal &&
        !result.timedOut &&
        (!condition.signal || condition.signal === result.signal)
        ? { condition }
        : undefined;
    case 'timeout':
      return result.timedOut || result.failureClass === 'timeout' ? { condition } : undefined;
    case 'connection':
      return result.failureClass === 'connection' ? { condition } : undefined;
    case 'status':
      // SPEC §5: an --expect-body mismatch is retried like a 503 (the readiness-poll case).
      if (result.failureClass === 'body') {
        return condition.min <= BODY_MISMATCH_STATUS && BODY_MISMATCH_STATUS <= condition.max
          ? { condition, evidence: 'body mismatch counts as 503' }
          : undefined;
      }
      if (result.status !== undefined) {
        return result.status >= condition.min && result.status <= condition.max
          ? { condition }
          : undefined;
      }
      return searchTails(
        result,
        'output',
        (text) => findStatusWord(text, condition.min, condition.max),
        condition,
      );
    case 'output':
      return searchTails(
        result,
        condition.stream,
        (text) => findRegex(text, condition.regex),
        condition,
      );
  }
}

function searchTails(
  result: AttemptResult,
  stream: 'output' | 'stdout' | 'stderr',
  find: (text: string) => string | undefined,
  condition: Condition,
): Match | undefined {
  const streams = stream === 'output' ? (['stdout', 'stderr'] as const) : ([stream] as const);
  for (const name of streams) {
    const text = name === 'stdout' ? result.stdoutTail : result.stderrTail;
    const found = text ? find(text) : undefined;
    if (found !== undefined) return { condition, evidence: `in ${name}: '${found}'` };
  }
  return undefined;
}

function findStatusWord(text: string, min: number, max: number): string | undefined {
  for (const match of text.matchAll(STATUS_WORD)) {
    const status = Number(match[0]);
    if (status >= min && status <= max) return lineAround(text, match.index);
  }
  return undefined;
}

function findRegex(text: string, regex: RegExp): string | undefined {
  const match = regex.exec(text);
  return match ? lineAround(text, match.index) : undefined;
}

/** The line holding a match, trimmed to something a log line can carry. */
function lineAround(text: string, index: number): string {
  const start = text.lastIndexOf('\n', index - 1) + 1;
  const newline = text.indexOf('\n', index);
  const line = text.slice(start, newline === -1 ? undefined : newline).trim();
  return line.length > 120 ? `${line.slice(0, 117)}...` : line;
}
