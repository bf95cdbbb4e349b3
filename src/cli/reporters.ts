import { OWN_NAME } from './own-name.js';
import type { RunConfig } from '../config/run-config.js';
import { DEFAULTS } from '../shared/defaults.js';
import type { StateStore } from '../store/store.js';
import { createHistoryReporter } from '../report/history.js';
import { createJsonLinesReporter } from '../report/json-lines.js';
import { redactingReporter } from '../report/redact-events.js';
import { fanOut, type LineSink, type Reporter } from '../report/reporter.js';
import { logStyle } from '../report/style.js';
import { createTextReporter } from '../report/text.js';
import { ownStderr } from './own-lines.js';
import { VERSION } from './version.js';

/** A one-line warning of retry-run's own on stderr: it never changes the exit code. */
export function warn(message: string): void {
  ownStderr.write(`${OWN_NAME}: warning: ${message}\n`);
}

export interface ReporterDependencies {
  /** Opens (once) the state store the run shares with the breaker. */
  store: () => StateStore;
  /** How a store that cannot be used is told (the breaker shares it): once at most. */
  warnStore: (message: string) => void;
  /** Where the attempt log goes: stderr, or `--log-file`. */
  log: LineSink;
  env?: NodeJS.ProcessEnv;
}

/**
 * Every reporter a run's config asks for, joined into one. The report file, GitHub and
 * metrics reporters are loaded only by the runs that ask for them.
 */
export async function createReporters(
  config: RunConfig,
  dependencies: ReporterDependencies,
): Promise<Reporter> {
  const { observability, breaker, budget, redact } = config;
  const env = dependencies.env ?? process.env;
  // A warning may quote a path or a server's message: it is masked like the rest.
  const warnRedacted = (message: string) => warn(redact(message));
  const reporters: Reporter[] = [
    config.report.logFormat === 'json'
      ? createJsonLinesReporter(dependencies.log, { quiet: config.report.quiet })
      : createTextReporter({
          sink: dependencies.log,
          name: OWN_NAME,
          style: await logStyle(dependencies.log, env),
          quiet: config.report.quiet,
          verbose: config.report.verbose,
        }),
  ];
  if (observability.reportFile) {
    const tokens = (list: readonly { token: string }[]) => list.map((c) => c.token);
    const { createReportFileReporter } = await import('../report/report-file.js');
    reporters.push(
      createReportFileReporter({
        path: observability.reportFile,
        name: observability.name,
        mode: config.mode,
        version: VERSION,
        conditions: {
          retryOn: tokens(config.conditions.retryOn),
          stopOn: tokens(config.conditions.stopOn),
          until: tokens(config.conditions.until),
        },
        ...(config.http
          ? {
              request: {
                method: config.http.method,
                url: redact.url(config.http.url),
                headers: config.http.headers.map(([name, value]) => redact.header(name, value)),
                retryable: config.http.retryable,
              },
            }
          : {}),
        warn: warnRedacted,
      }),
    );
  }
  if (env.GITHUB_ACTIONS === 'true') {
    const { createGitHubReporter } = await import('../report/github.js');
    reporters.push(
      createGitHubReporter({
        sink: ownStderr,
        name: observability.name,
        warnAfter: observability.warnAfter,
        ...(env.GITHUB_STEP_SUMMARY ? { stepSummaryPath: env.GITHUB_STEP_SUMMARY } : {}),
        stepSummary: observability.stepSummary,
        warn: warnRedacted,
      }),
    );
  }
  if (env.GITHUB_OUTPUT) {
    const { createGitHubOutputReporter } = await import('../report/github-output.js');
    reporters.push(createGitHubOutputReporter({ path: env.GITHUB_OUTPUT, warn: warnRedacted }));
  }
  if (observability.record) {
    reporters.push(
      createHistoryReporter({
        name: observability.name,
        mode: config.mode,
        store: dependencies.store,
        keep: DEFAULTS.historyKeep,
        warn: dependencies.warnStore,
      }),
    );
  }
  if (observability.metricsFile) {
    const { createMetricsFileReporter } = await import('../report/metrics-file.js');
    reporters.push(
      createMetricsFileReporter({
        path: observability.metricsFile,
        name: observability.name,
        ...(breaker
          ? { breakerState: () => breakerState(breaker.name, dependencies.store()) }
          : {}),
        ...(budget ? { budget: budget.name } : {}),
        warn: warnRedacted,
      }),
    );
  }
  if (observability.pushgateway) {
    const { createPushgatewayReporter } = await import('../report/pushgateway.js');
    reporters.push(
      createPushgatewayReporter({
        url: observability.pushgateway,
        name: observability.name,
        timeoutMs: DEFAULTS.pushgatewayTimeoutMs,
        ...(budget ? { budget: budget.name } : {}),
        warn: warnRedacted,
      }),
    );
  }
  // Every sink sees the events through the run's one redaction (README "What is masked").
  return redactingReporter(reporters.length === 1 ? reporters[0]! : fanOut(reporters), redact);
}

/** A breaker's state as `breaker status` shows it; the breaker code loads only when asked. */
async function breakerState(name: string, store: StateStore) {
  const [{ readBreaker }, { visibleState }] = await Promise.all([
    import('../breaker/breaker.js'),
    import('../breaker/state.js'),
  ]);
  return { name, state: visibleState(await readBreaker(store, name), Date.now()) };
}
