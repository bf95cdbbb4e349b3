import { basename } from 'node:path';
import { BUILTIN_COMMANDS, builtinTools } from './builtin.js';
import { compileTable, type CompiledTable, type CompiledTool } from './compile.js';
import { toolByCommand } from './recognize.js';
import type { ToolTable } from './types.js';

let builtin: CompiledTable | undefined;

/** The table in force: the built-in one, with a `--tools-file`'s entries added or replacing. */
export function activeTools(extra?: Readonly<ToolTable>): CompiledTable {
  if (!extra) return (builtin ??= compileTable(builtinTools()));
  return compileTable({ ...builtinTools(), ...extra });
}

/**
 * The known tool argv[0] names (`/usr/bin/curl` → curl), if any. Without a --tools-file, a
 * command no built-in tool is known by is told apart without building the table.
 */
export function toolForCommand(
  file: string,
  extra?: Readonly<ToolTable>,
): CompiledTool | undefined {
  if (!extra && !BUILTIN_COMMANDS.has(basename(file))) return undefined;
  return toolByCommand(activeTools(extra), file);
}
