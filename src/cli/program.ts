import { Command } from 'commander';
import { DEFAULTS } from '../shared/defaults.js';
import { formatDuration } from '../shared/duration.js';
import { addOptions, commanderOption } from './options/commander-option.js';
import { EXPLAIN_OPTIONS } from './options/explain-options.js';
import { POLICY_OPTIONS } from './options/policy-options.js';
import { RUN_OPTION_GROUPS } from './options/run-options.js';
import { STATE_OPTIONS } from './options/state-options.js';
import {
  BREAKER_EXAMPLES,
  BUDGET_EXAMPLES,
  EXPLAIN_EXAMPLES,
  RUN_EXAMPLES,
  STATS_EXAMPLES,
} from './help.js';
import { VERSION } from './version.js';
import { runAction } from './run.js';
import type { RunTarget } from '../config/run-config.js';

/** What the chosen command resolved to: its exit code. */
export type ActionResult = Promise<number>;

/**
 * The commander program. The plain run is loaded with it; every other action is imported
 * when chosen, so a plain run loads nothing that only `explain` (or the breaker, stats) needs.
 */
export function buildProgram(
  afterDoubleDash: readonly string[] | undefined,
  setResult: (result: ActionResult) => void,
  withSubcommands = true,
): Command {
  const program = new Command('retry-run')
    .usage(
      '[options] -- <command> [args...]\n       retry-run [options] -S <script>\n       retry-run [options] <url>\n       retry-run explain [options]\n       retry-run breaker <list|status|reset|open> [name]\n       retry-run budget <list|status|reset> [name]\n       retry-run stats [--name n] [--since 7d] [--format table|json|openmetrics]',
    )
    .description('Run a command or an HTTP request, and retry it with smart, observable backoff.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .enablePositionalOptions()
    .argument('[url]', 'an http(s) URL to request (HTTP mode)')
    .allowExcessArguments(true)
    .showSuggestionAfterError(true)
    .addHelpText('after', RUN_EXAMPLES);
  // Grouped under headings; each option's RETRY_RUN_* variable is said once, below the list.
  program.configureHelp({ optionDescription: (option) => option.description });
  for (const { heading, specs } of RUN_OPTION_GROUPS) {
    addOptions(program.optionsGroup(heading), specs);
  }
  program.action((_url: string | undefined, options: Record<string, unknown>, command: Command) => {
    const target: RunTarget = {
      operands: command.args,
      ...(afterDoubleDash ? { afterDoubleDash } : {}),
    };
    setResult(runAction(options, target));
  });

  if (withSubcommands) addSubcommands(program, setResult);
  return program;
}

function addSubcommands(program: Command, setResult: (result: ActionResult) => void): void {
  const explain = new Command('explain')
    .description(
      'show the strategies, the schedule that the given policy options produce, and the thundering herd',
    )
    .addHelpText('after', EXPLAIN_EXAMPLES);
  addOptions(explain, [...POLICY_OPTIONS, ...EXPLAIN_OPTIONS]);
  explain.action((options: Record<string, unknown>) => {
    setResult(import('./explain.js').then(({ explainAction }) => explainAction(options)));
  });
  program.addCommand(explain);

  const stats = new Command('stats')
    .description(
      'show the run history per name: success rates, attempts, waits, failure reasons, trend',
    )
    .addOption(
      commanderOption({
        long: '--name',
        value: '<name>',
        description: 'only this name (default: every name)',
        scope: 'stats',
      }),
    )
    .addOption(
      commanderOption({
        long: '--since',
        value: '<duration|date>',
        description: 'how far back to look, e.g. 7d, 12h, 2026-11-01 (default: 7d)',
        scope: 'stats',
      }),
    )
    .addOption(
      commanderOption({
        long: '--format',
        value: '<format>',
        description: 'table, json or openmetrics (default: table)',
        scope: 'stats',
      }),
    )
    .addHelpText('after', STATS_EXAMPLES);
  addOptions(stats, STATE_OPTIONS);
  stats.action((options: Record<string, unknown>) => {
    setResult(import('./stats.js').then(({ statsAction }) => statsAction(options)));
  });
  program.addCommand(stats);
  const breaker = new Command('breaker')
    .description('show or change shared circuit breakers')
    .usage('<list|status|reset|open> [name] [options]')
    .argument('<action>', 'list, status, reset or open')
    .argument('[name]', 'the breaker (all but list)')
    .addOption(
      commanderOption({
        long: '--format',
        value: '<format>',
        description: 'list and status: text or json (default: text)',
        scope: 'breaker',
      }),
    )
    .addOption(
      commanderOption({
        long: '--for',
        value: '<duration>',
        description: `open: how long it stays open (default: ${formatDuration(DEFAULTS.breakerCooldownMs)})`,
        scope: 'breaker',
      }),
    )
    .addHelpText('after', BREAKER_EXAMPLES);
  addOptions(breaker, STATE_OPTIONS);
  breaker.action((action: string, name: string | undefined, options: Record<string, unknown>) => {
    setResult(
      import('./breaker-command.js').then(({ breakerAction }) =>
        breakerAction(action, name, options),
      ),
    );
  });
  program.addCommand(breaker);
  const budget = new Command('budget')
    .description('show or reset shared retry budgets')
    .usage('<list|status|reset> [name] [options]')
    .argument('<action>', 'list, status or reset')
    .argument('[name]', 'the budget (status and reset)')
    .addOption(
      commanderOption({
        long: '--format',
        value: '<format>',
        description: 'list and status: text or json (default: text)',
        scope: 'budget',
      }),
    )
    .addHelpText('after', BUDGET_EXAMPLES);
  addOptions(budget, STATE_OPTIONS);
  budget.action((action: string, name: string | undefined, options: Record<string, unknown>) => {
    setResult(
      import('./budget-command.js').then(({ budgetAction }) => budgetAction(action, name, options)),
    );
  });
  program.addCommand(budget);
  program.addCommand(
    new Command('completion')
      .description('print a shell completion script: bash, zsh or fish')
      .argument('<shell>', 'bash, zsh or fish')
      .action((shell: string) => {
        setResult(
          import('./completion-command.js').then(({ completionAction }) =>
            completionAction(program, shell),
          ),
        );
      }),
  );
}
