import type { SummaryEvent } from '../engine/events.js';
import { writeOutputFile } from '../store/output-target.js';
import type { Reporter } from './reporter.js';

/**
 * `$GITHUB_OUTPUT` (README "In CI"): `attempts=`, `exit-code=` and `outcome=` appended after
 * the run, so a plain `run:` step and the Action both expose them as step outputs.
 */
export function createGitHubOutputReporter(options: {
  path: string;
  warn: (message: string) => void;
}): Reporter {
  let summary: SummaryEvent | undefined;
  return {
    onEvent(event) {
      if (event.event === 'summary') summary = event;
    },
    async close() {
      if (!summary) return;
      const lines = `attempts=${summary.attempts}\nexit-code=${summary.exitCode}\noutcome=${summary.outcome}\n`;
      try {
        await writeOutputFile(options.path, lines, { append: true });
      } catch (error) {
        options.warn(
          `could not append to GITHUB_OUTPUT (${options.path}): ${(error as Error).message}`,
        );
      }
    },
  };
}
