import type { RetryEvent } from '../engine/events.js';
import type { Mode } from '../engine/types.js';
import { HISTORY_COLLECTION, historyRecordOf } from './history-record.js';
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
  return {
    onEvent: (event) => void events.push(event),
    async close() {
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
