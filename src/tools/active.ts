import { BUILTIN_TOOLS } from './builtin.js';
import { compileTable, type CompiledTable } from './compile.js';
import type { ToolTable } from './types.js';

let builtin: CompiledTable | undefined;

/** The table in force: the built-in one, with a `--tools-file`'s entries added or replacing. */
export function activeTools(extra?: Readonly<ToolTable>): CompiledTable {
  if (!extra) return (builtin ??= compileTable(BUILTIN_TOOLS));
  return compileTable({ ...BUILTIN_TOOLS, ...extra });
}
