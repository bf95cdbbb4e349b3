import { activeTools } from '../../tools/active.js';
import type { CompiledTable } from '../../tools/compile.js';
import { recognizeTool, toolByCommand } from '../../tools/recognize.js';
import type { PermanentClass } from '../../tools/types.js';
import { PERMANENT_CLASSES } from '../../tools/types.js';
export type { ToolEntry as KnownTool, ToolExit } from '../../tools/types.js';

/** The known tool argv[0] names (`/usr/bin/curl` → curl), if any. */
export function toolNamed(file: string, table: CompiledTable = activeTools()) {
  return toolByCommand(table, file);
}

/** What retry-run learnt from a known tool's exit code and the lines it printed. */
export interface ToolFinding {
  failureClass?: 'connection' | 'timeout';
  /** The HTTP status the tool reported, when it printed or named one. */
  reportedStatus?: number;
  /** For the log: what the finding rests on. */
  evidence: string;
  /** Which tool, its words, and a permanent error it named (auth, not found, usage). */
  knownTool: { name: string; says?: string; permanent?: PermanentClass };
}

/** Reads a failed attempt through the known-tool table (src/tools/recognize.ts). */
export function recognizeToolFailure(
  file: string,
  exitCode: number,
  stderrTail: string | undefined,
  stdoutTail?: string,
  table: CompiledTable = activeTools(),
): ToolFinding | undefined {
  const verdict = recognizeTool(table, file, exitCode, { stderrTail, stdoutTail });
  if (!verdict) return undefined;
  const finding: ToolFinding = { evidence: verdict.evidence, knownTool: { name: verdict.tool } };
  if (verdict.says && verdict.class !== 'connection' && verdict.class !== 'timeout')
    finding.knownTool.says = verdict.says;
  if (verdict.class === 'connection' || verdict.class === 'timeout')
    finding.failureClass = verdict.class;
  const status = verdict.status ?? (verdict.class === 'rate-limit' ? 429 : undefined);
  if (status !== undefined) finding.reportedStatus = status;
  if ((PERMANENT_CLASSES as readonly string[]).includes(verdict.class))
    finding.knownTool.permanent = verdict.class as PermanentClass;
  return finding;
}
