import { parseChoice } from '../config/numbers.js';
import { stdout } from './streams.js';
import { plainTable } from './plain-table.js';
import { BREAKER_COLLECTION, checked, readBreaker } from '../breaker/breaker.js';
import { checkBreakerName } from '../config/breaker.js';
import {
  breakerView,
  describeRefusal,
  isoSecond,
  whyOpen,
  type BreakerView,
} from '../breaker/describe.js';
import { forceOpen, type BreakerData } from '../breaker/state.js';
import { UsageError } from '../shared/errors.js';
import { DEFAULTS } from '../shared/defaults.js';
import { formatDuration, parseDuration } from '../shared/duration.js';
import { stdoutStyle, type Style } from '../report/style.js';
import { openStore, resolveStateLocation } from '../store/open-store.js';
import { inContext, StoreError, type StateStore } from '../store/store.js';

export interface BreakerCommandOptions {
  format?: string;
  for?: string;
  state?: string;
}

const ACTIONS = ['list', 'status', 'reset', 'open'] as const;

/** `retry-run breaker list|status <name>|reset <name>|open <name> [--for d]` (README, Circuit breaker). */
export async function breakerAction(
  rawAction: string,
  name: string | undefined,
  options: BreakerCommandOptions,
): Promise<number> {
  const action = parseChoice(rawAction, 'breaker', ACTIONS);
  const format = parseChoice(options.format ?? 'text', '--format', ['text', 'json']);
  if (action === 'list' && name !== undefined)
    throw new UsageError(`breaker list: takes no name (got '${name}')`);
  if (action !== 'list' && name === undefined)
    throw new UsageError(`breaker ${action}: needs the breaker's name`);
  if (options.for !== undefined && action !== 'open')
    throw new UsageError(`--for: only applies to 'breaker open'`);
  const forMs =
    options.for === undefined ? DEFAULTS.breakerCooldownMs : parseDuration(options.for, '--for');
  if (name !== undefined) checkBreakerName(name, 'breaker name');

  const store = openStore(resolveStateLocation(options.state));
  try {
    const now = Date.now();
    const print = (text: string) => stdout().write(`${text}\n`);
    switch (action) {
      case 'list': {
        const views = await listBreakers(store, now);
        if (format === 'json') print(JSON.stringify(views, null, 2));
        else
          print(
            views.length === 0
              ? `no breakers in ${store.location}`
              : table(views, await stdoutStyle()),
          );
        return 0;
      }
      case 'status': {
        // Exit 1 (README "retry-run breaker"): `closed` would hide a misspelt name.
        const stored = await store.read(BREAKER_COLLECTION, name!);
        if (stored === undefined) {
          process.stderr.write(
            `retry-run: no breaker '${name}' in ${store.location}: no run has counted a failure under that name since it was last reset (a run naming it starts closed)\n`,
          );
          return 1;
        }
        const data = checked(stored, store, name!);
        if (format === 'json') print(JSON.stringify(breakerView(name!, data, now), null, 2));
        else print(describeStatus(name!, data, now));
        return 0;
      }
      case 'reset':
        await store.delete(BREAKER_COLLECTION, name!);
        print(`breaker '${name}' reset: closed, no failures counted`);
        return 0;
      default: {
        const data = await store.update<BreakerData>(BREAKER_COLLECTION, name!, (current) =>
          forceOpen(checked(current, store, name!), now, forMs),
        );
        print(
          `breaker '${name}' opened by hand for ${formatDuration(forMs)}, until ${isoSecond(data.closesAt!)}`,
        );
        return 0;
      }
    }
  } catch (error) {
    throw error instanceof StoreError ? inContext(error, `breaker ${action}`) : error;
  } finally {
    await store.close();
  }
}

/** A breaker whose stored document cannot be used: listed, so that it can be reset. */
interface CorruptBreakerView extends Omit<
  BreakerView,
  'state' | 'consecutiveFailures' | 'lastFailure'
> {
  state: 'corrupt';
  consecutiveFailures: null;
  lastFailure: null;
}
type ListedBreaker = BreakerView | CorruptBreakerView;

async function listBreakers(store: StateStore, now: number): Promise<ListedBreaker[]> {
  const names = await store.list(BREAKER_COLLECTION);
  const views: ListedBreaker[] = [];
  for (const name of names) {
    try {
      views.push(breakerView(name, await readBreaker(store, name), now));
    } catch (error) {
      if (!(error instanceof StoreError && error.kind === 'corrupt')) throw error;
      views.push({
        name,
        state: 'corrupt',
        consecutiveFailures: null,
        openedAt: null,
        closesAt: null,
        lastFailure: null,
      });
    }
  }
  return views;
}

function describeStatus(name: string, data: BreakerData, now: number): string {
  const view = breakerView(name, data, now);
  if (view.state === 'closed') {
    const failures = data.consecutiveFailures;
    return `breaker '${name}' is closed (${failures} consecutive failure${failures === 1 ? '' : 's'})`;
  }
  if (data.state === 'open' && view.state === 'open')
    return `breaker '${name}' is ${describeRefusal(data, now).replace('; nothing run', '')}`;
  const probing = data.state === 'half-open' && data.probeStartedAt !== null;
  return probing
    ? `breaker '${name}' is half-open (${whyOpen(data)}): the last probe started at ${isoSecond(data.probeStartedAt!)}; the next run probes unless that one is still running`
    : `breaker '${name}' is half-open (${whyOpen(data)}): the next run probes`;
}

function table(views: readonly ListedBreaker[], style: Style): string {
  return plainTable(
    [
      ['NAME', 'STATE', 'FAILURES', 'OPENED AT', 'PROBE AT'],
      ...views.map((v) => [
        v.name,
        v.state,
        String(v.consecutiveFailures ?? '-'),
        v.openedAt ?? '-',
        v.closesAt ?? '-',
      ]),
    ],
    style,
  );
}
