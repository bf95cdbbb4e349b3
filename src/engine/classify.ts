import type { Condition } from '../conditions/conditions.js';
import { foundIn, lineAround } from '../shared/evidence.js';
import { classifyByToolDefault } from './tool-defaults.js';
import type { AttemptResult, Classification, Conditions } from './types.js';

/** What made a condition match, for the log: the token and the text it matched on. */
interface Match {
  condition: Condition;
  evidence?: string;
  /** A reason more specific than the failure's own, e.g. `status:503` found in the output. */
  reason?: string;
}

/**
 * Decides what one attempt means: success, a failure worth retrying, or a permanent one.
 * `--until` (when given) alone decides success; `--stop-on` wins over `--retry-on`.
 *
 * @example
 * ```ts
 * import { classifyAttempt, parseConditions } from 'retry-run';
 *
 * const verdict = classifyAttempt(
 *   { ok: false, exitCode: 3, durationMs: 40 },
 *   { retryOn: parseConditions('exit:1-3', '--retry-on'), stopOn: [], until: [] },
 * );
 * console.log(verdict.retryable, verdict.reason); // true exit:3
 * ```
 */
export function classifyAttempt(result: AttemptResult, conditions: Conditions): Classification {
  const until = firstMatch(conditions.until, result, true);
  const success = conditions.until.length > 0 ? until !== undefined : result.ok;
  if (success) {
    const why = until ? `matches --until ${describe(until)}` : 'succeeded';
    return { success, retryable: false, reason: 'success', explanation: why, ...evidenceOf(until) };
  }
  const byTool = conditions.statusAware ? classifyByToolDefault(result) : undefined;
  if (byTool) return byTool;
  const baseReason = failureReason(result, conditions);
  const stop = firstMatch(conditions.stopOn, result, false);
  if (stop) {
    return {
      success,
      retryable: false,
      reason: reasonFor(stop, baseReason),
      explanation: `not retried: matches --stop-on ${describe(stop)}`,
      ...evidenceOf(stop),
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
      ...evidenceOf(retry),
    };
  }
  return {
    success,
    retryable: false,
    reason: baseReason,
    explanation: `not retried: ${baseReason}${parenthesized(result.failureEvidence)} is not in --retry-on ${conditions.retryOn.map((c) => c.token).join(',')}`,
  };
}

/** The stable reason token of a failure (README, Output): the most specific fact about it. */
function failureReason(result: AttemptResult, conditions: Conditions): string {
  if (result.timedOut) return 'timeout';
  if (result.failureClass === 'timeout') return 'timeout';
  if (result.signal) return `signal:${result.signal}`;
  if (result.failureClass === 'connection') {
    return result.errorCode ? `connection:${result.errorCode}` : 'connection';
  }
  if (result.failureClass === 'body') return 'body';
  if (result.status !== undefined) return `status:${result.status}`;
  if (result.reportedStatus !== undefined) return `status:${result.reportedStatus}`;
  if (result.ok && conditions.until.length > 0) return 'until';
  return `exit:${result.exitCode}`;
}

/** An output pattern names the failure better than the exit code it came with. */
function reasonFor(match: Match, baseReason: string): string {
  if (match.condition.kind === 'output') return match.condition.token;
  return baseReason.startsWith('exit:') ? (match.reason ?? baseReason) : baseReason;
}

function describe(match: Match): string {
  return match.evidence ? `${match.condition.token} ${match.evidence}` : match.condition.token;
}

function parenthesized(evidence: string | undefined): string {
  if (!evidence) return '';
  return evidence.startsWith('(') ? ` ${evidence}` : ` (${evidence})`;
}

function evidenceOf(match: Match | undefined): { evidence?: string } {
  return match?.evidence ? { evidence: match.evidence } : {};
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

/**
 * An HTTP status as a whole word: not part of a longer word or number, so `15030ms`, `v503`,
 * `1.503` and `503,000` are not statuses, while `error: 503` and `HTTP/1.1 503 ` are.
 */
const STATUS_WORD = /(?<!\w|\d[.,:])[1-5]\d\d(?!\w|[.,:]\d)/g;
/** README, HTTP mode: an --expect-body mismatch is retried like a 503 (the readiness-poll case). */
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
      if (result.timedOut) return { condition };
      return result.failureClass === 'timeout' ? runnerFinding(condition, result) : undefined;
    case 'connection':
      return result.failureClass === 'connection' ? runnerFinding(condition, result) : undefined;
    case 'status': {
      if (result.failureClass === 'body') {
        return condition.min <= BODY_MISMATCH_STATUS && BODY_MISMATCH_STATUS <= condition.max
          ? { condition, evidence: '(body mismatch counts as 503)' }
          : undefined;
      }
      const status = result.status ?? result.reportedStatus;
      if (status !== undefined) {
        return status >= condition.min && status <= condition.max
          ? runnerFinding(condition, result)
          : undefined;
      }
      return searchTails(result, 'output', condition, (text) => {
        const word = findStatusWord(text, condition.min, condition.max);
        return word && { line: word.line, reason: `status:${word.status}` };
      });
    }
    case 'output':
      return searchTails(result, condition.stream, condition, (text) => {
        const index = condition.regex.firstIndex(text);
        return index === undefined ? undefined : { line: lineAround(text, index) };
      });
  }
}

/** A match on what the runner itself recognised, with what it rests on. */
function runnerFinding(condition: Condition, result: AttemptResult): Match {
  return result.failureEvidence ? { condition, evidence: result.failureEvidence } : { condition };
}

/** Searches stderr first: tools report errors there. */
function searchTails(
  result: AttemptResult,
  stream: 'output' | 'stdout' | 'stderr',
  condition: Condition,
  find: (text: string) => { line: string; reason?: string } | undefined,
): Match | undefined {
  const streams = stream === 'output' ? (['stderr', 'stdout'] as const) : ([stream] as const);
  for (const name of streams) {
    const text = name === 'stdout' ? result.stdoutTail : result.stderrTail;
    const found = text ? find(text) : undefined;
    if (found) return { condition, evidence: foundIn(name, found.line), reason: found.reason };
  }
  return undefined;
}

/** The first HTTP status within min–max written as a whole word in `text`, with its line. */
export function findStatusWord(
  text: string,
  min: number,
  max: number,
): { status: number; line: string } | undefined {
  for (const match of text.matchAll(STATUS_WORD)) {
    const status = Number(match[0]);
    if (status >= min && status <= max) return { status, line: lineAround(text, match.index) };
  }
  return undefined;
}
