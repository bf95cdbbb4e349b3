import { OWN_NAME } from './own-name.js';
import { signalExitCode } from '../shared/exit-codes.js';
import type { InterruptReason } from '../engine/types.js';
import { formatDuration } from '../shared/duration.js';

const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Turns SIGINT, SIGTERM and SIGHUP into an abort of the run (README, Signals): the engine starts no
 * further attempt or wait, the runner passes the signal on to the attempt's process group,
 * and retry-run exits 128+signal. A second signal (Ctrl-C again) aborts the reason's
 * `escalate`: the runner then sends SIGKILL without waiting for --kill-after.
 * Returns the controller and a function that removes the handlers.
 */
export function handleInterrupts(attempt: {
  /** Whether an attempt is running now (and text is logged): only then is it announced. */
  running: () => boolean;
  killAfterMs: number;
}): { controller: AbortController; dispose: () => void } {
  const controller = new AbortController();
  const escalation = new AbortController();
  const handlers = FORWARDED.map((signal) => {
    const handler = () => {
      if (!controller.signal.aborted) {
        const reason: InterruptReason = {
          signal,
          exitCode: signalExitCode(signal),
          escalate: escalation.signal,
        };
        controller.abort(reason);
        // A command may ignore the signal: say at once how it ends (README "Signals").
        if (attempt.running()) {
          const again = signal === 'SIGINT' ? 'Ctrl-C' : signal;
          process.stderr.write(
            `${OWN_NAME}: stopping the attempt: SIGKILL in ${formatDuration(attempt.killAfterMs)}, ${again} again to kill now\n`,
          );
        }
      } else if (!escalation.signal.aborted) {
        process.stderr.write(`${OWN_NAME}: ${signal} again: killing the attempt (SIGKILL)\n`);
        escalation.abort();
      }
    };
    process.on(signal, handler);
    return () => process.off(signal, handler);
  });
  return { controller, dispose: () => handlers.forEach((remove) => remove()) };
}
