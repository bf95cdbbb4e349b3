import type { AttemptResult } from '../../engine/types.js';
import { findConnectionMessage } from './connection-messages.js';
import { recognizeToolFailure } from './known-tools.js';
import type { CompiledTable } from '../../tools/compile.js';
import { findRetryAfter } from './output-server-wait.js';

type Facts = Pick<
  AttemptResult,
  'failureClass' | 'errorCode' | 'reportedStatus' | 'failureEvidence' | 'serverWaitMs' | 'knownTool'
>;

/**
 * What a finished command's exit code and output tails say beyond the code itself: the
 * failure class (a known tool's exit code first, else a connection message in the output),
 * the HTTP status a known tool reported, and a server-directed wait (`Retry-After:` lines).
 */
export function commandFacts(
  file: string,
  result: AttemptResult,
  now: number,
  tools?: CompiledTable | (() => CompiledTable),
): Facts {
  const facts: Facts = {};
  const serverWaitMs = findRetryAfter(result, now);
  if (serverWaitMs !== undefined) facts.serverWaitMs = serverWaitMs;
  const exited = result.signal === undefined && result.timedOut === undefined;
  if (!exited || result.exitCode === 0 || result.errorCode !== undefined) return facts;
  const tool = recognizeToolFailure(
    file,
    result.exitCode,
    result.stderrTail,
    result.stdoutTail,
    typeof tools === 'function' ? tools() : tools,
  );
  if (tool) {
    if (tool.failureClass) facts.failureClass = tool.failureClass;
    const code = tool.failureClass === 'connection' ? findConnectionMessage(result) : undefined;
    if (code?.errorCode) facts.errorCode = code.errorCode;
    if (tool.reportedStatus !== undefined) facts.reportedStatus = tool.reportedStatus;
    facts.failureEvidence = tool.evidence;
    facts.knownTool = tool.knownTool;
    return facts;
  }
  const message = findConnectionMessage(result);
  if (message) {
    facts.failureClass = 'connection';
    if (message.errorCode) facts.errorCode = message.errorCode;
    facts.failureEvidence = message.evidence;
  }
  return facts;
}
