import { foundIn, lineAround } from '../../shared/evidence.js';

/**
 * Messages that say a connection failed, as curl, wget, ssh, git, Node, Python and the C
 * library print them, each with the system error code it stands for (README, What gets retried: `connection`).
 */
const CONNECTION_MESSAGES: ReadonlyArray<readonly [RegExp, string | undefined]> = [
  [/\bECONNREFUSED\b|Connection refused/i, 'ECONNREFUSED'],
  [/\bECONNRESET\b|Connection reset|socket hang up/i, 'ECONNRESET'],
  [/\bEAI_AGAIN\b|Temporary failure in name resolution/i, 'EAI_AGAIN'],
  [/\bENOTFOUND\b|Could not resolve host|Name or service not known|Unknown host/i, 'ENOTFOUND'],
  [/\bENETUNREACH\b|Network is unreachable/i, 'ENETUNREACH'],
  [/\bEHOSTUNREACH\b|No route to host/i, 'EHOSTUNREACH'],
  [/\bETIMEDOUT\b|Connection timed out/i, 'ETIMEDOUT'],
  [/Failed to connect to|Couldn't connect to server/i, undefined],
];

export interface ConnectionFinding {
  errorCode?: string;
  /** For the log: `in stderr: '<the line>'`. */
  evidence: string;
}

/**
 * The most recent connection-failure message in the tails (stderr first, where tools report
 * errors), or undefined.
 */
export function findConnectionMessage(tails: {
  stdoutTail?: string | undefined;
  stderrTail?: string | undefined;
}): ConnectionFinding | undefined {
  for (const [stream, text] of [
    ['stderr', tails.stderrTail],
    ['stdout', tails.stdoutTail],
  ] as const) {
    if (!text) continue;
    let best: { index: number; code: string | undefined } | undefined;
    for (const [pattern, code] of CONNECTION_MESSAGES) {
      const index = lastIndexOf(pattern, text);
      if (index !== undefined && (!best || index > best.index)) best = { index, code };
    }
    if (best) {
      return {
        ...(best.code ? { errorCode: best.code } : {}),
        evidence: foundIn(stream, lineAround(text, best.index)),
      };
    }
  }
  return undefined;
}

function lastIndexOf(pattern: RegExp, text: string): number | undefined {
  let last: number | undefined;
  for (const match of text.matchAll(new RegExp(pattern.source, `${pattern.flags}g`))) {
    last = match.index;
  }
  return last;
}
