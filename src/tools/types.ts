/**
 * The shape of the known-tool table (README "Known tools"): plain JSON, the same for the
 * built-in table and a `--tools-file`. Patterns are JavaScript regular expressions kept simple
 * (no nested quantifiers, no backreferences) so that matching stays linear in the output.
 */

/** What a failure class means for the status-aware default: transient ones are retried. */
export const TRANSIENT_CLASSES = ['connection', 'timeout', 'status', 'rate-limit'] as const;
/** Permanent failures a tool names in words: retrying cannot fix them. */
export const PERMANENT_CLASSES = ['auth', 'not-found', 'usage'] as const;
export const TOOL_CLASSES = [...TRANSIENT_CLASSES, ...PERMANENT_CLASSES] as const;

export type ToolClass = (typeof TOOL_CLASSES)[number];
export type PermanentClass = (typeof PERMANENT_CLASSES)[number];

/** A line the tool prints, and what it says about the failure. */
export interface ToolMessage {
  /** A regular expression over one line (`^` and `$` are line ends). For `status`, group 1 is the status unless `status` is given. */
  match: string;
  class: ToolClass;
  /** The HTTP status the message stands for when it names it in words (kubectl's `Forbidden`). */
  status?: number;
  /** The tool's words, for the log: `kubectl says Forbidden (403)`. */
  says?: string;
  /** Where the pattern comes from: a transcript under test/fixtures/tools/transcripts/, or the tool's source or docs. */
  source: string;
}

/** What one of the tool's exit codes means on its own. */
/** What one exit code of a known tool means. */
export interface ToolExit {
  /** `status`: the tool printed an HTTP status (a `status` message gives it). */
  class: ToolClass;
  /** The tool's own words for this code, for the log. */
  meaning: string;
  source?: string;
}

/** One known tool: how to recognise it, and what its exit codes and messages mean. */
export interface ToolEntry {
  /** Basenames of argv[0] that are this tool (`curl`, `/usr/bin/curl`). */
  commands: string[];
  /** Line starts that name the tool inside a `-S` script or a wrapper (`curl: (`). */
  scriptPrefixes?: string[];
  /** A line naming the tool's exit code (group 1): inside a script it must be the attempt's own. */
  exitLine?: string;
  exits?: Record<string, ToolExit>;
  messages?: ToolMessage[];
  /** Prints `Retry-After:` lines (`curl -i`): its tail is kept while server waits are on. */
  readsRetryAfter?: boolean;
}

/** Tool name → entry. */
export type ToolTable = Record<string, ToolEntry>;
