import { RETRIED_STATUSES } from '../engine/tool-defaults.js';
import {
  PERMANENT_CLASSES,
  type PermanentClass,
  type ToolClass,
  type ToolEntry,
  type ToolTable,
} from '../tools/types.js';

/** Whether the status-aware default retries a kind of evidence: `by status` when it depends. */
export type Retried = boolean | 'by status';

/** The kinds of evidence `explain --tools` shows, in its column order. */
export const EVIDENCE_KINDS = [
  'status',
  'connection',
  'timeout',
  'rate-limit',
  'permanent',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export interface EvidenceRow {
  /** `exit 7`, or the message's pattern. */
  exit?: number;
  match?: string;
  class: ToolClass;
  status?: number;
  /** The tool's words for it (an exit code's meaning, a message's `says`). */
  says?: string;
  retried: Retried;
  source?: string;
}

export interface ToolDescription {
  name: string;
  commands: string[];
  scriptPrefixes: string[];
  /** Per kind of evidence the tool gives: whether it is retried. Kinds it never gives are absent. */
  retries: Partial<Record<EvidenceKind, Retried>>;
  /** The permanent classes it names (auth, not-found, usage). */
  permanent: PermanentClass[];
  evidence: EvidenceRow[];
}

/**
 * What the status-aware default (README "What gets retried") does with one piece of evidence:
 * a printed status decides by HTTP mode's statuses, a rate limit is a 429 unless it names
 * another, connection failures and timeouts are retried, named permanent errors are not.
 */
export function retriedByDefault(cls: ToolClass, status?: number): Retried {
  if (cls === 'connection' || cls === 'timeout') return true;
  if (cls === 'status') return status === undefined ? 'by status' : RETRIED_STATUSES.has(status);
  if (cls === 'rate-limit') return RETRIED_STATUSES.has(status ?? 429);
  return false;
}

function kindOf(cls: ToolClass): EvidenceKind {
  return (PERMANENT_CLASSES as readonly ToolClass[]).includes(cls)
    ? 'permanent'
    : (cls as EvidenceKind);
}

/** The table (built-in, plus a --tools-file's entries) as `explain --tools` shows it. */
export function describeTools(table: Readonly<ToolTable>): ToolDescription[] {
  return Object.entries(table).map(([name, entry]) => describeTool(name, entry));
}

function describeTool(name: string, entry: ToolEntry): ToolDescription {
  const evidence: EvidenceRow[] = [
    ...Object.entries(entry.exits ?? {}).map(([code, exit]) => ({
      exit: Number(code),
      class: exit.class,
      says: exit.meaning,
      retried: retriedByDefault(exit.class),
      ...(exit.source ? { source: exit.source } : {}),
    })),
    ...(entry.messages ?? []).map((message) => ({
      match: message.match,
      class: message.class,
      ...(message.status === undefined ? {} : { status: message.status }),
      ...(message.says === undefined ? {} : { says: message.says }),
      retried: retriedByDefault(message.class, message.status),
      source: message.source,
    })),
  ];
  const retries: Partial<Record<EvidenceKind, Retried>> = {};
  for (const row of evidence) {
    const kind = kindOf(row.class);
    const before = retries[kind];
    // One kind that is retried for some evidence and not for other depends on the status.
    retries[kind] = before === undefined || before === row.retried ? row.retried : 'by status';
  }
  const permanent = PERMANENT_CLASSES.filter((cls) => evidence.some((row) => row.class === cls));
  return {
    name,
    commands: entry.commands,
    scriptPrefixes: entry.scriptPrefixes ?? [],
    retries,
    permanent,
    evidence,
  };
}
