import { RETRIED_STATUSES } from '../engine/tool-defaults.js';
import type { Style } from '../report/style.js';
import { builtinTools } from '../tools/builtin.js';
import { loadToolsFile } from '../tools/tools-file.js';
import { renderToolTable } from './tool-table-text.js';
import { describeTools } from './tool-table.js';

/**
 * `retry-run explain --tools [--tools-file f]`: the table in force, so that users can check
 * their file (a bad one is the same usage error as in a run) before a CI step relies on it.
 */
export function explainTools(toolsFile?: string): (json: boolean, style: Style) => unknown {
  const table = toolsFile ? { ...builtinTools(), ...loadToolsFile(toolsFile) } : builtinTools();
  const tools = describeTools(table);
  return (json, style) =>
    json ? { retriedStatuses: [...RETRIED_STATUSES], tools } : renderToolTable(tools, style);
}
