import { stdout } from './streams.js';
import { OWN_NAME } from './own-name.js';
import { parseChoice } from '../config/numbers.js';
import { DEFAULTS } from '../shared/defaults.js';
import { checkBreakerName } from '../config/breaker.js';
import { stdoutStyle } from '../report/style.js';
import {
  HISTORY_COLLECTION,
  isHistoryRecord,
  type HistoryRecord,
} from '../report/history-record.js';
import { renderStats, STATS_FORMATS } from '../stats/render.js';
import { parseSince } from '../stats/since.js';
import { computeStats } from '../stats/stats.js';
import { openStore, resolveStateLocation } from '../store/open-store.js';
import { inContext, StoreError, type StateStore } from '../store/store.js';

export interface RawStatsOptions {
  name?: string;
  since?: string;
  format?: string;
  state?: string;
}

/** `retry-run stats`: the run history per name, on stdout (README, History). */
export async function statsAction(raw: RawStatsOptions): Promise<number> {
  const now = Date.now();
  const format = parseChoice(raw.format ?? 'table', '--format', STATS_FORMATS);
  if (raw.name !== undefined) checkBreakerName(raw.name, '--name');
  const since = raw.since === undefined ? now - DEFAULTS.statsSinceMs : parseSince(raw.since, now);
  const store = openStore(resolveStateLocation(raw.state));
  let records: HistoryRecord[];
  try {
    records = await readHistory(store, raw.name);
  } catch (error) {
    throw error instanceof StoreError
      ? inContext(error, `cannot read the history in ${store.location}`)
      : error;
  } finally {
    await store.close();
  }
  const stats = computeStats(records, since);
  const mixed = namesOfSeveralCommands(records, since);
  if (mixed.length > 0) {
    process.stderr.write(
      `${OWN_NAME}: hint: ${mixed.map((n) => `'${n}'`).join(', ')} ${mixed.length === 1 ? 'covers' : 'cover'} several different commands: give each its own --name to tell them apart\n`,
    );
  }
  if (stats.length === 0 && format === 'table') {
    process.stderr.write(
      `retry-run: no runs recorded since ${new Date(since).toISOString()} in ${store.location}\n`,
    );
    return 0;
  }
  // The table fits the terminal, or 80 columns when stdout is not one.
  const width = (process.stdout.isTTY && process.stdout.columns) || 80;
  stdout().write(renderStats(stats, format, await stdoutStyle(), width));
  return 0;
}

async function readHistory(store: StateStore, name?: string): Promise<HistoryRecord[]> {
  const names = name === undefined ? await store.listLogs(HISTORY_COLLECTION) : [name];
  const logs = await Promise.all(names.map((n) => store.readLog<unknown>(HISTORY_COLLECTION, n)));
  return logs.flat().filter(isHistoryRecord);
}

/** Names whose runs in the window ran different commands (their fingerprints differ). */
function namesOfSeveralCommands(records: readonly HistoryRecord[], since: number): string[] {
  const commands = new Map<string, Set<string>>();
  for (const record of records) {
    if (typeof record.commandId !== 'string' || Date.parse(record.at) < since) continue;
    const seen = commands.get(record.name) ?? new Set();
    commands.set(record.name, seen.add(record.commandId));
  }
  return [...commands].filter(([, ids]) => ids.size > 1).map(([name]) => name);
}
