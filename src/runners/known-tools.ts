import { basename } from 'node:path';
import { lineAround } from '../engine/evidence.js';

/** What a known tool's exit code says about a failure. */
export interface ToolExit {
  class: 'connection' | 'timeout' | 'status';
  /** The tool's own words for this exit code, for the log. */
  meaning: string;
}

export interface KnownTool {
  exits: Readonly<Record<number, ToolExit>>;
  /** The line the tool prints for a failure, naming its exit code (group 1). */
  errorLine?: RegExp;
  /** Where the tool prints the HTTP status of a failed response (group 1). */
  statusLine: RegExp;
  /**
   * Keep its output tail even when no condition reads output, so the `Retry-After:` it prints
   * (`curl -i`, `-D -`, `-v`) is honoured: piping its stderr changes nothing it shows.
   */
  readsRetryAfter?: true;
}

const connection = (meaning: string): ToolExit => ({ class: 'connection', meaning });

/**
 * Command-line HTTP clients whose exit codes name the failure class (README, What gets retried). To add a tool,
 * add an entry: its exit codes and the line it prints a failed status on.
 */
export const KNOWN_TOOLS: Readonly<Record<string, KnownTool>> = {
  curl: {
    exits: {
      6: connection('could not resolve host'),
      7: connection('failed to connect'),
      22: { class: 'status', meaning: 'HTTP error status' },
      28: { class: 'timeout', meaning: 'operation timed out' },
      35: connection('TLS handshake failed'),
      52: connection('empty reply from server'),
      55: connection('failed sending data'),
      56: connection('failed receiving data'),
    },
    errorLine: /^curl: \((\d+)\) .*$/gm,
    statusLine: /The requested URL returned error: (\d{3})\b/g,
    readsRetryAfter: true,
  },
  wget: {
    exits: {
      4: connection('network failure'),
      8: { class: 'status', meaning: 'server issued an error response' },
    },
    statusLine: /\bERROR (\d{3}): /g,
  },
};

/** The known tool a command names by its basename (`/usr/bin/curl` → curl), if any. */
export function toolNamed(file: string): KnownTool | undefined {
  const name = basename(file);
  return Object.hasOwn(KNOWN_TOOLS, name) ? KNOWN_TOOLS[name] : undefined;
}

/** What retry-run learnt from a known tool's exit code (and the line it printed). */
export interface ToolFinding {
  failureClass?: 'connection' | 'timeout';
  /** The HTTP status the tool reported, when it printed one. */
  reportedStatus?: number;
  /** For the log: what the finding rests on. */
  evidence: string;
}

/**
 * Reads a failed attempt through the known-tool table. The tool is the command's basename
 * (`curl`, `/usr/bin/wget`), or — for scripts and wrappers (`-S`, `env curl`, `./fetch.sh`) —
 * a tool whose own error line (`curl: (7) …`) names the very exit code the attempt ended with.
 */
export function recognizeToolFailure(
  file: string,
  exitCode: number,
  stderrTail: string | undefined,
): ToolFinding | undefined {
  const named = basename(file);
  const name = toolNamed(file) ? named : toolByErrorLine(exitCode, stderrTail);
  const tool = name === undefined ? undefined : KNOWN_TOOLS[name];
  const exit = tool?.exits[exitCode];
  if (!tool || !exit) return undefined;
  const line = tool.errorLine && stderrTail ? lastMatch(tool.errorLine, stderrTail) : undefined;
  const said = `${name} exit ${exitCode}`;
  if (exit.class === 'status') {
    const status = stderrTail ? lastMatch(tool.statusLine, stderrTail) : undefined;
    if (!status) return { evidence: `(${said}: ${exit.meaning})` };
    return {
      reportedStatus: Number(status[1]),
      evidence: `(${said}: '${lineAround(stderrTail!, status.index)}')`,
    };
  }
  const quoted = line ? `'${line[0].trim()}'` : exit.meaning;
  return { failureClass: exit.class, evidence: `(${said}: ${quoted})` };
}

function toolByErrorLine(exitCode: number, stderrTail: string | undefined): string | undefined {
  if (!stderrTail) return undefined;
  return Object.keys(KNOWN_TOOLS).find((name) => {
    const pattern = KNOWN_TOOLS[name]!.errorLine;
    return pattern && Number(lastMatch(pattern, stderrTail)?.[1]) === exitCode;
  });
}

function lastMatch(pattern: RegExp, text: string): RegExpExecArray | undefined {
  let last: RegExpExecArray | undefined;
  for (const match of text.matchAll(pattern)) last = match as RegExpExecArray;
  return last;
}
