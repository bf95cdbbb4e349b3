import type { RunConfig } from '../policy/config.js';
import { createJsonLinesReporter } from '../report/json-lines.js';
import { fanOut, type Reporter } from '../report/reporter.js';
import { stderrStyle } from '../report/style.js';
import { createTextReporter } from '../report/text.js';

/** Every reporter a run's config asks for, joined into one. */
export function createReporters(config: RunConfig): Reporter {
  const reporters: Reporter[] = [
    config.report.logFormat === 'json'
      ? createJsonLinesReporter(process.stderr)
      : createTextReporter({
          sink: process.stderr,
          style: stderrStyle(),
          quiet: config.report.quiet,
          verbose: config.report.verbose,
        }),
  ];
  return reporters.length === 1 ? reporters[0]! : fanOut(reporters);
}
