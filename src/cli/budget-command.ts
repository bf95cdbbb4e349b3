import { parseChoice } from '../config/numbers.js';
import { stdout } from './streams.js';
import { plainTable } from './plain-table.js';
import { BUDGET_COLLECTION } from '../budget/budget.js';
import { checkBreakerName } from '../config/breaker.js';
import { budgetView, describeBudget, type BudgetView } from '../budget/describe.js';
import { isBudgetData } from '../budget/state.js';
import { UsageError } from '../shared/errors.js';
import { stdoutStyle, type Style } from '../report/style.js';
import { openStore, resolveStateLocation } from '../store/open-store.js';
import { inContext, StoreError, type StateStore } from '../store/store.js';

export interface BudgetCommandOptions {
  format?: string;
  state?: string;
}

const ACTIONS = ['list', 'status', 'reset'] as const;

/** `retry-run budget list|status <name>|reset <name>` (README "retry-run budget"). */
export async function budgetAction(
  rawAction: string,
  name: string | undefined,
  options: BudgetCommandOptions,
): Promise<number> {
  const action = parseChoice(rawAction, 'budget', ACTIONS);
  const format = parseChoice(options.format ?? 'text', '--format', ['text', 'json']);
  if (action === 'list' && name !== undefined)
    throw new UsageError(`budget list: takes no name (got '${name}')`);
  if (action !== 'list' && name === undefined)
    throw new UsageError(`budget ${action}: needs the budget's name`);
  if (name !== undefined) checkBreakerName(name, 'budget name');

  const store = openStore(resolveStateLocation(options.state));
  try {
    const print = (text: string) => stdout().write(`${text}\n`);
    switch (action) {
      case 'list': {
        const views = await listBudgets(store);
        if (format === 'json') print(JSON.stringify(views, null, 2));
        else
          print(
            views.length === 0
              ? `no budgets in ${store.location}`
              : table(views, await stdoutStyle()),
          );
        return 0;
      }
      case 'status': {
        // Exit 1, as `breaker status`: a full budget would hide a misspelt name.
        const view = await readView(store, name!);
        if (view === undefined) {
          process.stderr.write(
            `retry-run: no budget '${name}' in ${store.location}: no run has counted an attempt under that name since it was last reset (a run naming it starts full)\n`,
          );
          return 1;
        }
        print(format === 'json' ? JSON.stringify(view, null, 2) : describeBudget(view));
        return 0;
      }
      default:
        // Removed, not rewritten: the next run starts full under its own --budget-tokens.
        await store.delete(BUDGET_COLLECTION, name!);
        print(`budget '${name}' reset: full, retries allowed again`);
        return 0;
    }
  } catch (error) {
    throw error instanceof StoreError ? inContext(error, `budget ${action}`) : error;
  } finally {
    await store.close();
  }
}

/** A budget as stored, or undefined if there is none; a value that is not one is corrupt. */
async function readView(store: StateStore, name: string): Promise<BudgetView | undefined> {
  const stored = await store.read(BUDGET_COLLECTION, name);
  if (stored === undefined) return undefined;
  if (!isBudgetData(stored)) {
    throw new StoreError(
      'corrupt',
      `budget '${name}' in ${store.location} is corrupt ('retry-run budget reset ${name}' repairs it)`,
    );
  }
  return budgetView(name, stored);
}

/** A budget whose stored document cannot be used: listed, so that it can be reset. */
type CorruptBudgetView = { name: string; state: 'corrupt' } & {
  [K in Exclude<keyof BudgetView, 'name' | 'state'>]: null;
};
type ListedBudget = BudgetView | CorruptBudgetView;

async function listBudgets(store: StateStore): Promise<ListedBudget[]> {
  const views: ListedBudget[] = [];
  for (const name of await store.list(BUDGET_COLLECTION)) {
    try {
      const view = await readView(store, name);
      if (view) views.push(view);
    } catch (error) {
      if (!(error instanceof StoreError && error.kind === 'corrupt')) throw error;
      views.push({
        name,
        state: 'corrupt',
        tokens: null,
        maxTokens: null,
        ratio: null,
        retriesAllowed: null,
        updatedAt: null,
      });
    }
  }
  return views;
}

function table(views: readonly ListedBudget[], style: Style): string {
  const cell = (value: number | string | null) => (value === null ? '-' : String(value));
  return plainTable(
    [
      ['NAME', 'STATE', 'TOKENS', 'MAX', 'RATIO', 'UPDATED AT'],
      ...views.map((v) => [
        v.name,
        v.state,
        cell(v.tokens),
        cell(v.maxTokens),
        cell(v.ratio),
        cell(v.updatedAt),
      ]),
    ],
    style,
  );
}
