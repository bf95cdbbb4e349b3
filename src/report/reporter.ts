import type { RetryEvent } from '../engine/events.js';

/** Turns engine events into output. Reporters decide nothing; they only show. */
export interface Reporter {
  onEvent(event: RetryEvent): void;
  /** Called once after the run, before exit: flush, stop timers. */
  close?(): void | Promise<void>;
  /** Called just before an attempt starts: a live line is ended before the command prints. */
  beforeAttempt?(): void;
}

/** One writable line sink, so reporters can be tested without a real stderr. */
export interface LineSink {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** `-q`: only a final failure is shown, whatever the format. */
export function shownWhenQuiet(event: RetryEvent): boolean {
  return event.event === 'summary' && event.outcome !== 'success';
}

export function fanOut(reporters: readonly Reporter[]): Reporter {
  return {
    onEvent: (event) => reporters.forEach((reporter) => reporter.onEvent(event)),
    beforeAttempt: () => reporters.forEach((reporter) => reporter.beforeAttempt?.()),
    close: async () => {
      for (const reporter of reporters) await reporter.close?.();
    },
  };
}
