import type { RetryEvent } from '../engine/events.js';
import type { Mode } from '../engine/types.js';
import { commandIdOf, HISTORY_COLLECTION, historyRecordOf } from './history-record.js';
import type { StateStore } from '../store/store.js';
import type { Reporter } from './reporter.js';

export interface HistoryReporterOptions {
  name: string;
  mode: Mode;
  /** Opens (once) the state store the run shares with the breaker. */
  store: () => StateStore;
  /** Newest records kept per name. */
  keep: number;
  warn: (message: string) => void;
}

/**
 * Appends the run's {@link HistoryRecord} to the state store under its name (README, History). A
 * store that cannot be written costs one warning line, never the run.
 */
export function createHistoryReporter(options: HistoryReporterOptions): Reporter {
  const events: RetryEvent[] = [];
  // What the record will need is readied while the first attempt runs, when retry-run waits:
  // the command's fingerprint (a SHA-256 in the interpreter) and the history folder, checked
  // or made. About 0.8 ms off the end of every run (README "Performance").
  let ready: NodeJS.Immediate | undefined;
  return {
    onEvent: (event) => {
      events.push(event);
      if (event.event !== 'start') return;
      ready = setImmediate(() => {
        commandIdOf(event.description);
        void options.store().prepare?.(HISTORY_COLLECTION);
      });
    },
    async close() {
      clearImmediate(ready);
      const record = historyRecordOf(events, options.name, options.mode);
      if (!record) return;
      try {
        await options
          .store()
          .append(HISTORY_COLLECTION, options.name, record, { keep: options.keep });
      } catch (error) {
        options.warn(`run not recorded in the history: ${(error as Error).message}`);
      }
    },
  };
}
