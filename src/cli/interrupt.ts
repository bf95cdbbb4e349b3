import { constants } from 'node:os';

const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Why the run was aborted: the signal retry-run received and the exit code it implies. */
export interface InterruptReason {
  signal: NodeJS.Signals;
  exitCode: number;
}

/**
 * Turns SIGINT, SIGTERM and SIGHUP into an abort of the run (SPEC §6): the engine starts no
 * further attempt or wait, the runner passes the signal on to the attempt, and retry-run
 * exits 128+signal. Returns the controller and a function that removes the handlers.
 */
export function handleInterrupts(): { controller: AbortController; dispose: () => void } {
  const controller = new AbortController();
  const handlers = FORWARDED.map((signal) => {
    const handler = () => {
      if (controller.signal.aborted) return;
      const reason: InterruptReason = { signal, exitCode: 128 + constants.signals[signal] };
      controller.abort(reason);
    };
    process.on(signal, handler);
    return () => process.off(signal, handler);
  });
  return { controller, dispose: () => handlers.forEach((remove) => remove()) };
}
