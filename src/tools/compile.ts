import type { ToolClass, ToolEntry, ToolExit, ToolTable } from './types.js';

export interface CompiledMessage {
  pattern: RegExp;
  class: ToolClass;
  status?: number;
  says?: string;
}

export interface CompiledTool {
  name: string;
  commands: ReadonlySet<string>;
  scriptPrefixes: readonly string[];
  exitLine?: RegExp;
  exits: ReadonlyMap<number, ToolExit>;
  messages: readonly CompiledMessage[];
  readsRetryAfter: boolean;
}

export type CompiledTable = readonly CompiledTool[];

/**
 * A pattern the table may hold: short, no backreference, and no quantified group that itself
 * holds a quantifier (`(a+)+`), so matching a 64 KiB tail stays linear. Returns what is wrong.
 */
export function unsafePattern(source: string): string | undefined {
  if (source.length > 300) return 'longer than 300 characters';
  if (/\\[1-9]|\\k</.test(source)) return 'uses a backreference';
  if (/\([^()]*(?:[*+]|\{\d)[^()]*\)[*+?{]/.test(source)) return 'has a nested quantifier';
  try {
    new RegExp(source, 'm');
  } catch (error) {
    return (error as Error).message;
  }
  return undefined;
}

/** Compiles a table (already validated) into the form the matcher reads. */
export function compileTable(table: Readonly<ToolTable>): CompiledTable {
  return Object.entries(table).map(([name, entry]) => compileTool(name, entry));
}

function compileTool(name: string, entry: ToolEntry): CompiledTool {
  // Patterns are compiled when first matched: a run reads only its own tool's, and compiling
  // the whole table took a millisecond of every run's start (README "Performance").
  let exitLine: RegExp | undefined;
  let messages: CompiledMessage[] | undefined;
  return {
    name,
    commands: new Set(entry.commands),
    scriptPrefixes: entry.scriptPrefixes ?? [],
    get exitLine() {
      if (entry.exitLine === undefined) return undefined;
      return (exitLine ??= new RegExp(entry.exitLine, 'gm'));
    },
    exits: new Map(Object.entries(entry.exits ?? {}).map(([code, exit]) => [Number(code), exit])),
    get messages() {
      return (messages ??= (entry.messages ?? []).map((message) => ({
        pattern: new RegExp(message.match, 'gm'),
        class: message.class,
        ...(message.status === undefined ? {} : { status: message.status }),
        ...(message.says === undefined ? {} : { says: message.says }),
      })));
    },
    readsRetryAfter: entry.readsRetryAfter === true,
  };
}
