import { basename } from 'node:path';
import { lineAround } from '../shared/evidence.js';
import type { CompiledMessage, CompiledTable, CompiledTool } from './compile.js';
import type { ToolClass } from './types.js';

/** What a known tool said about a failed attempt. */
export interface ToolVerdict {
  tool: string;
  class: ToolClass;
  /** The HTTP status the tool reported (printed, or named in words). */
  status?: number;
  /** The tool's words for a status or a permanent error, for the log: `Forbidden`. */
  says?: string;
  /** For the log: `(curl exit 22: 'curl: (22) The requested URL returned error: 404')`. */
  evidence: string;
}

export interface Tails {
  stdoutTail?: string | undefined;
  stderrTail?: string | undefined;
}

/** The tool argv[0] names by its basename (`/usr/bin/curl` → curl), if any. */
export function toolByCommand(table: CompiledTable, file: string): CompiledTool | undefined {
  const name = basename(file);
  return table.find((tool) => tool.commands.has(name));
}

/**
 * Reads a failed attempt through the table. The tool is argv[0]'s basename, or — inside a `-S`
 * script or a wrapper (`env curl`, `./fetch.sh`) — the tool whose own line (`curl: (7) …`,
 * `Error from server (…`) comes last in stderr; a tool that names its exit code on that line
 * is taken only when it is the attempt's own (`…; exit 3` after a failed curl stays exit 3).
 * Its exit code decides first, then the last of its messages in stderr, then in stdout.
 */
export function recognizeTool(
  table: CompiledTable,
  file: string,
  exitCode: number,
  tails: Tails,
): ToolVerdict | undefined {
  const tool = toolByCommand(table, file) ?? toolInScript(table, exitCode, tails.stderrTail);
  if (!tool) return undefined;
  const said = `${tool.name} exit ${exitCode}`;
  const exit = tool.exits.get(exitCode);
  const found = lastMessage(tool, tails);
  if (exit && exit.class !== 'status') {
    const line =
      tool.exitLine && tails.stderrTail ? lastMatch(tool.exitLine, tails.stderrTail) : undefined;
    const quoted = line ? `'${lineAround(tails.stderrTail!, line.index)}'` : exit.meaning;
    return {
      tool: tool.name,
      class: exit.class,
      says: exit.meaning,
      evidence: `(${said}: ${quoted})`,
    };
  }
  if (found) {
    const status = found.message.status ?? statusIn(found.match);
    return {
      tool: tool.name,
      class: found.message.class,
      ...(status === undefined ? {} : { status }),
      ...(found.message.says ? { says: found.message.says } : {}),
      evidence: `(${said}: '${found.line}')`,
    };
  }
  if (exit) return { tool: tool.name, class: 'status', evidence: `(${said}: ${exit.meaning})` };
  return undefined;
}

function statusIn(match: RegExpExecArray): number | undefined {
  const status = Number(match[1]);
  return Number.isInteger(status) && status >= 100 && status <= 599 ? status : undefined;
}

function toolInScript(
  table: CompiledTable,
  exitCode: number,
  stderr: string | undefined,
): CompiledTool | undefined {
  if (!stderr) return undefined;
  let best: { tool: CompiledTool; index: number } | undefined;
  for (const tool of table) {
    for (const prefix of tool.scriptPrefixes) {
      const index = lastLineStartingWith(stderr, prefix);
      if (index !== undefined && (!best || index > best.index)) best = { tool, index };
    }
  }
  if (!best?.tool.exitLine) return best?.tool;
  const line = lastMatch(best.tool.exitLine, stderr);
  return Number(line?.[1]) === exitCode ? best.tool : undefined;
}

function lastLineStartingWith(text: string, prefix: string): number | undefined {
  let index = text.lastIndexOf(prefix);
  while (index > 0 && text[index - 1] !== '\n') index = text.lastIndexOf(prefix, index - 1);
  return index === -1 ? undefined : index;
}

/** The last match of any of the tool's messages: stderr first, where tools report errors. */
function lastMessage(
  tool: CompiledTool,
  tails: Tails,
): { message: CompiledMessage; match: RegExpExecArray; line: string } | undefined {
  for (const text of [tails.stderrTail, tails.stdoutTail]) {
    if (!text) continue;
    let best: { message: CompiledMessage; match: RegExpExecArray } | undefined;
    for (const message of tool.messages) {
      const match = lastMatch(message.pattern, text);
      if (match && (!best || match.index > best.match.index)) best = { message, match };
    }
    if (best) return { ...best, line: lineAround(text, best.match.index) };
  }
  return undefined;
}

function lastMatch(pattern: RegExp, text: string): RegExpExecArray | undefined {
  let last: RegExpExecArray | undefined;
  for (const match of text.matchAll(pattern)) last = match as RegExpExecArray;
  return last;
}
