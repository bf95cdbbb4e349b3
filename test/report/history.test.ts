import { mkdtemp, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RetryEvent } from '../../src/engine/events.js';
import { createHistoryReporter } from '../../src/report/history.js';
import {
  commandIdOf,
  HISTORY_COLLECTION,
  type HistoryRecord,
} from '../../src/report/history-record.js';
import { createFileStore } from '../../src/store/file-store.js';

const policy = {
  strategy: 'fixed' as const,
  maxAttempts: 3,
  baseMs: 10,
  capMs: 100,
  factor: 2,
  killAfterMs: 5000,
  serverWait: true,
  maxServerWaitMs: 1000,
};

/** The events of one run whose first attempt failed with `exit:1` and second succeeded. */
function runEvents(i: number): RetryEvent[] {
  const at = new Date(Date.UTC(2026, 10, 1) + i * 1000).toISOString();
  const attempt = (n: number, success: boolean): RetryEvent => ({
    event: 'attempt',
    time: at,
    startedAt: at,
    attempt: n,
    maxAttempts: 3,
    result: { ok: success, exitCode: success ? 0 : 1, durationMs: 5 },
    classification: {
      success,
      retryable: !success,
      reason: success ? 'success' : 'exit:1',
      explanation: '',
    },
  });
  return [
    { event: 'start', time: at, description: 'job --token=s3cret', maxAttempts: 3, policy },
    attempt(1, false),
    { event: 'wait', time: at, nextAttempt: 2, delayMs: 10, source: 'strategy' },
    attempt(2, true),
    {
      event: 'summary',
      time: at,
      outcome: 'success',
      attempts: 2,
      elapsedMs: 20,
      waitedMs: 10,
      exitCode: 0,
      message: 'succeeded on attempt 2',
    },
  ];
}

describe('the history reporter', () => {
  it('appends one compact record per run and keeps the log bounded', async () => {
    const store = createFileStore({ dir: await mkdtemp(join(tmpdir(), 'retry-run-hist-')) });
    const keep = 10;
    for (let i = 0; i < 40; i++) {
      const reporter = createHistoryReporter({
        name: 'job',
        mode: 'command',
        store: () => store,
        keep,
        warn: (message) => expect.fail(message),
      });
      runEvents(i).forEach((event) => reporter.onEvent(event));
      await reporter.close!();
    }
    const records = await store.readLog<HistoryRecord>(HISTORY_COLLECTION, 'job');
    expect(records.length).toBeGreaterThanOrEqual(keep);
    expect(records.length).toBeLessThanOrEqual(Math.ceil(keep * 1.25));
    expect(records.at(-1)).toEqual({
      v: 1,
      name: 'job',
      at: new Date(Date.UTC(2026, 10, 1) + 39_000).toISOString(),
      mode: 'command',
      outcome: 'success',
      attempts: 2,
      elapsedMs: 20,
      waitedMs: 10,
      exitCode: 0,
      failures: { 'exit:1': 1 },
      commandId: commandIdOf('job --token=s3cret'),
    });
    expect(JSON.stringify(records)).not.toContain('s3cret');
  });

  it('records nothing for a run that never ended', async () => {
    const store = createFileStore({ dir: await mkdtemp(join(tmpdir(), 'retry-run-hist-')) });
    const reporter = createHistoryReporter({
      name: 'job',
      mode: 'command',
      store: () => store,
      keep: 10,
      warn: (message) => expect.fail(message),
    });
    runEvents(0)
      .slice(0, 2)
      .forEach((event) => reporter.onEvent(event));
    await reporter.close!();
    expect(await store.listLogs(HISTORY_COLLECTION)).toEqual([]);
  });

  it('readies the history folder while the first attempt runs, and still records the run', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'retry-run-hist-')), 'state');
    const store = createFileStore({ dir });
    const prepared: string[] = [];
    const reporter = createHistoryReporter({
      name: 'job',
      mode: 'command',
      store: () => ({
        ...store,
        prepare: async (collection) => {
          prepared.push(collection);
          await store.prepare!(collection);
        },
      }),
      keep: 10,
      warn: (message) => expect.fail(message),
    });
    const [start, ...rest] = runEvents(0);
    reporter.onEvent(start!);
    expect(prepared).toEqual([]); // not before the attempt starts
    await new Promise((resolve) => setImmediate(resolve));
    expect(prepared).toEqual([HISTORY_COLLECTION]);
    expect((await stat(join(dir, HISTORY_COLLECTION))).isDirectory()).toBe(true);
    rest.forEach((event) => reporter.onEvent(event));
    await reporter.close!();
    const records = await store.readLog<HistoryRecord>(HISTORY_COLLECTION, 'job');
    expect(records.map((record) => record.commandId)).toEqual([commandIdOf('job --token=s3cret')]);
  });
});
