import type { Command } from 'commander';
import { DEFAULTS } from '../../shared/defaults.js';
import { envOption, listOption } from './option.js';

/** README, Monitoring: the report file, run history, metrics file and GitHub Actions annotations. */
export function addObservabilityOptions(command: Command): Command {
  return command
    .addOption(
      envOption('--report <file>', "write a JSON report of the run to <file> ('-': stdout)"),
    )
    .addOption(
      envOption(
        '--name <name>',
        'name for history, metrics and annotations (default: breaker name, command basename or URL host)',
      ),
    )
    .addOption(envOption('--no-record', 'do not record this run in the history'))
    .addOption(
      envOption(
        '--metrics-file <path>',
        "rewrite a Prometheus textfile-collector file after the run ('-': stdout)",
      ),
    )
    .addOption(
      listOption('--redact <text>', 'also mask this text in what retry-run prints (repeatable)'),
    )
    .addOption(
      envOption(
        '--warn-after <attempts>',
        `GitHub Actions: warn when a run needs this many attempts (default: ${DEFAULTS.warnAfter})`,
      ),
    )
    .addOption(
      envOption('--pushgateway <url>', "push the run's metrics to a Prometheus Pushgateway"),
    )
    .addOption(
      envOption(
        '--step-summary <when>',
        `GitHub Actions step summary: always, retries, never (default: ${DEFAULTS.stepSummary})`,
      ),
    );
}
