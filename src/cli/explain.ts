import { stdout } from './streams.js';
import { renderSchedule } from '../explain/schedule-text.js';
import { renderSimulation } from '../explain/simulation-text.js';
import {
  simulateBudget,
  simulateHerd,
  type HerdOptions,
  type HerdResult,
} from '../explain/simulate.js';
import type { StrategyName } from '../backoff/strategies.js';
import { normalizeBudget } from '../config/budget.js';
import type { BudgetSettings } from '../budget/state.js';
import { renderStrategyTable, STRATEGY_TABLE } from '../explain/strategy-table.js';
import { explainTools } from '../explain/explain-tools.js';
import { SimulationLimitError, UsageError } from '../shared/errors.js';
import { DEFAULTS } from '../shared/defaults.js';
import { normalizePolicy, type RawPolicyOptions } from '../config/normalize.js';
import { parseChoice, parseInteger } from '../config/numbers.js';
import type { Policy } from '../engine/policy.js';
import { planSchedule } from '../backoff/schedule.js';
import { plainStyle, stdoutStyle, type Style } from '../report/style.js';

export interface RawExplainOptions extends RawPolicyOptions {
  format?: string;
  simulate?: string;
  capacity?: string;
  budgetTokens?: string;
  budgetRatio?: string;
  tools?: boolean;
  toolsFile?: string;
}

/** The flags that shape a schedule: with any of them, `explain` prints that schedule. */
const SCHEDULE_FLAGS = ['strategy', 'max', 'base', 'cap', 'factor', 'deadline', 'timeout'] as const;
const MAX_CLIENTS = 100_000;

/** What one form of `explain` prints: a JSON document, or lines of text. */
type Explanation = (json: boolean, style: Style) => unknown;

/** `retry-run explain` (README, explain): the table, a schedule, or the thundering herd, on stdout. */
export async function explainAction(raw: RawExplainOptions): Promise<number> {
  const format = parseChoice(raw.format ?? 'text', '--format', ['text', 'json']);
  if (raw.capacity !== undefined && raw.simulate === undefined)
    throw new UsageError('--capacity: applies only with --simulate <clients>');
  for (const [value, flag] of [
    [raw.budgetTokens, '--budget-tokens'],
    [raw.budgetRatio, '--budget-ratio'],
  ] as const) {
    if (value !== undefined && raw.simulate === undefined)
      throw new UsageError(`${flag}: applies only with --simulate <clients>`);
  }
  const policy = normalizePolicy(raw);
  const explain: Explanation = raw.tools
    ? explainTools(raw.toolsFile)
    : raw.simulate !== undefined
      ? explainHerd(herdOptions(raw, policy), policy.strategy, herdBudget(raw))
      : SCHEDULE_FLAGS.some((flag) => raw[flag] !== undefined)
        ? explainSchedule(policy)
        : (json, style) => (json ? { strategies: STRATEGY_TABLE } : renderStrategyTable(style));
  const json = format === 'json';
  const output = explain(json, json ? plainStyle : await stdoutStyle());
  stdout().write(
    format === 'json'
      ? `${JSON.stringify(output, null, 2)}\n`
      : `${(output as string[]).join('\n')}\n`,
  );
  return 0;
}

function explainSchedule(policy: Policy): Explanation {
  const plan = planSchedule(policy, policy.seed === undefined ? {} : { seed: policy.seed });
  return (json, style) =>
    json
      ? {
          strategy: policy.strategy,
          schedule: plan.rows.map(({ retry, minMs, medianMs, maxMs }) => ({
            retry,
            minMs,
            medianMs,
            maxMs,
          })),
          worstCaseMs: plan.worstCaseMs,
        }
      : renderSchedule(policy, plan, style);
}

function explainHerd(
  options: HerdOptions,
  strategy: StrategyName,
  budgetSettings: BudgetSettings,
): Explanation {
  const results = runHerd(() => simulateHerd(options), options);
  const budget = runHerd(() => simulateBudget(strategy, options, budgetSettings), options);
  const figures = ({ strategy, peakLoad, completionMs, totalCalls }: HerdResult) => ({
    strategy,
    peakLoad,
    completionMs,
    totalCalls,
  });
  return (json, style) =>
    json
      ? {
          simulation: results.map(figures),
          budget: {
            ...figures(budget),
            budgetTokens: budget.budget.maxTokens,
            budgetRatio: budget.budget.ratio,
            gaveUp: budget.gaveUp,
          },
        }
      : renderSimulation(results, options, style, budget);
}

/** The budget the simulated fleet shares: --budget-tokens and --budget-ratio, as a run reads them. */
function herdBudget(raw: RawExplainOptions): BudgetSettings {
  const { maxTokens, ratio } = normalizeBudget({
    budget: 'simulated',
    ...(raw.budgetTokens === undefined ? {} : { budgetTokens: raw.budgetTokens }),
    ...(raw.budgetRatio === undefined ? {} : { budgetRatio: raw.budgetRatio }),
  })!;
  return { maxTokens, ratio };
}

function herdOptions(raw: RawExplainOptions, policy: Policy): HerdOptions {
  const clients = parseInteger(raw.simulate!, '--simulate', 1, MAX_CLIENTS);
  const capacity =
    raw.capacity === undefined
      ? DEFAULTS.simulateCapacity
      : parseInteger(raw.capacity, '--capacity', 1, 1_000_000);
  if (policy.baseMs === 0 || policy.capMs === 0) {
    throw new UsageError(
      '--simulate: needs --base and --cap greater than 0 (with no wait, clients would retry forever in the same instant)',
    );
  }
  return {
    clients,
    capacity,
    sliceMs: DEFAULTS.simulateSliceMs,
    // No --seed: a fresh one, printed with the result so that the run can be repeated.
    seed: policy.seed ?? Math.floor(Math.random() * 2 ** 32),
    baseMs: policy.baseMs,
    capMs: policy.capMs,
    factor: policy.factor,
  };
}

function runHerd<T>(simulate: () => T, options: HerdOptions): T {
  try {
    return simulate();
  } catch (error) {
    if (!(error instanceof SimulationLimitError)) throw error;
    throw new SimulationLimitError(
      error.strategy,
      error.maxSteps,
      `--simulate: ${error.message} to finish ${options.clients} clients at --capacity ${options.capacity}; simulate fewer clients, or give a larger --capacity or --base`,
    );
  }
}
