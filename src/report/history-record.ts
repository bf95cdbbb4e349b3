import type { RetryEvent, RunOutcome } from '../engine/events.js';
import type { Mode } from '../engine/types.js';
import { sha256Hex } from '../shared/sha256.js';

/** The state store collection that holds one log of {@link HistoryRecord}s per name. */
export const HISTORY_COLLECTION = 'history';

/**
 * One run, as history keeps it (README, History): compact, and free of anything from the command
 * line — no argv, no URL, no output — so no secret can end up in it.
 */
export interface HistoryRecord {
  v: 1;
  name: string;
  /** When the run started (ISO 8601). */
  at: string;
  mode: Mode;
  outcome: RunOutcome;
  attempts: number;
  elapsedMs: number;
  waitedMs: number;
  exitCode: number;
  /** The failed attempts' reasons, counted: `{ "exit:1": 2 }`. */
  failures: Record<string, number>;
  /**
   * Which command ran, as a fingerprint (12 hex digits of the SHA-256 of its masked display):
   * tells `stats` that one name covers different commands, without keeping the command.
   */
  commandId?: string;
}

let last: { description: string; id: string } | undefined;

/**
 * The fingerprint of a command's display (see {@link HistoryRecord.commandId}). The last one
 * is kept: the history reporter works it out while the first attempt runs.
 */
export function commandIdOf(description: string): string {
  if (last?.description !== description) {
    last = { description, id: sha256Hex(description).slice(0, 12) };
  }
  return last.id;
}

/** The record of a finished run, from its events; undefined if the run never ended. */
export function historyRecordOf(
  events: readonly RetryEvent[],
  name: string,
  mode: Mode,
): HistoryRecord | undefined {
  let at: string | undefined;
  let commandId: string | undefined;
  const failures: Record<string, number> = {};
  for (const event of events) {
    if (event.event === 'start') {
      at = event.time;
      commandId = commandIdOf(event.description);
    }
    if (event.event === 'attempt' && !event.classification.success) {
      const reason = event.classification.reason;
      failures[reason] = (failures[reason] ?? 0) + 1;
    }
    if (event.event === 'summary') {
      return {
        v: 1,
        name,
        at: at ?? event.time,
        mode,
        outcome: event.outcome,
        attempts: event.attempts,
        elapsedMs: event.elapsedMs,
        waitedMs: event.waitedMs,
        exitCode: event.exitCode,
        failures,
        ...(commandId === undefined ? {} : { commandId }),
      };
    }
  }
  return undefined;
}

/** A record read back from a store: anything else (an old or hand-edited line) is skipped. */
export function isHistoryRecord(value: unknown): value is HistoryRecord {
  const r = value as Partial<HistoryRecord> | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    typeof r.name === 'string' &&
    typeof r.at === 'string' &&
    !Number.isNaN(Date.parse(r.at)) &&
    typeof r.outcome === 'string' &&
    Number.isFinite(r.attempts) &&
    Number.isFinite(r.waitedMs) &&
    typeof r.failures === 'object' &&
    r.failures !== null
  );
}
