import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Clock, Sleep } from '../../src/shared/clock.js';
import type { RetryEvent } from '../../src/engine/events.js';
import { retry } from '../../src/engine/retry.js';
import type { AttemptResult, Runner } from '../../src/engine/types.js';
import { normalizeConditions, normalizePolicy } from '../../src/config/normalize.js';
import {
  buildReport,
  createReportFileReporter,
  REPORT_SCHEMA_VERSION,
  type RunReport,
} from '../../src/report/report-file.js';
import { createRedactor } from '../../src/shared/redact.js';
import { redactEvent, redactingReporter } from '../../src/report/redact-events.js';

const SECRET = 's3cr3t-token';

/** A real engine run over a fake clock; the runner replays scripted results. */
async function scriptedRun(results: Array<Partial<AttemptResult>>) {
  let now = Date.UTC(2026, 0, 1);
  const clock: Clock = { now: () => now };
  const sleep: Sleep = async (ms) => void (now += ms);
  let calls = 0;
  const runner: Runner = {
    description: `curl -H 'Authorization: Bearer ${SECRET}' https://user:${SECRET}@example.test/`,
    async run() {
      const result: AttemptResult = { ok: false, exitCode: 1, durationMs: 25, ...results[calls++] };
      now += result.durationMs;
      return result;
    },
  };
  const events: RetryEvent[] = [];
  const result = await retry({
    runner,
    policy: normalizePolicy({ strategy: 'fixed', base: '2s', max: '4', seed: '7' }),
    conditions: normalizeConditions({ stopOn: ['exit:3'] }, 'command'),
    clock,
    sleep,
    onEvent: (event) => events.push(event),
  });
  return { events, result };
}

const context = {
  name: 'deploy',
  mode: 'command' as const,
  version: '1.2.3',
  conditions: { retryOn: ['any'], stopOn: ['exit:3'], until: [] },
};

/** Checks every field of the schema for its type: what a consumer of the file relies on. */
function assertReportShape(report: RunReport) {
  const isIso = (v: unknown) => typeof v === 'string' && !Number.isNaN(Date.parse(v));
  expect(report.schemaVersion).toBe(REPORT_SCHEMA_VERSION);
  expect(report.tool).toEqual({ name: 'retry-run', version: expect.any(String) });
  expect(isIso(report.startedAt) && isIso(report.endedAt)).toBe(true);
  expect(Object.keys(report.policy).sort()).toEqual(
    [
      'baseMs',
      'capMs',
      'deadlineMs',
      'factor',
      'killAfterMs',
      'maxAttempts',
      'maxServerWaitMs',
      'retryOn',
      'seed',
      'serverWait',
      'stopOn',
      'strategy',
      'timeoutMs',
      'until',
    ].sort(),
  );
  for (const attempt of report.attempts) {
    expect(isIso(attempt.startedAt) && isIso(attempt.endedAt)).toBe(true);
    expect(Date.parse(attempt.endedAt) - Date.parse(attempt.startedAt)).toBe(attempt.durationMs);
    expect(['success', 'failure']).toContain(attempt.outcome);
    expect(typeof attempt.reason).toBe('string');
    expect(typeof attempt.classification).toBe('string');
  }
  expect(report.summary.attempts).toBe(report.attempts.length);
}

describe('the --report document', () => {
  it('holds the policy, every attempt with its timings, reason and classification, and the summary', async () => {
    const { events, result } = await scriptedRun([{}, { exitCode: 2 }, { ok: true, exitCode: 0 }]);
    const report = buildReport(events, context)!;
    assertReportShape(report);
    expect(report.policy).toMatchObject({
      strategy: 'fixed',
      maxAttempts: 4,
      baseMs: 2000,
      seed: 7,
    });
    expect(report.policy.timeoutMs).toBeNull();
    expect(report.request).toBeNull();
    expect(report.attempts.map((a) => [a.outcome, a.reason, a.waitAfter?.delayMs ?? null])).toEqual(
      [
        ['failure', 'exit:1', 2000],
        ['failure', 'exit:2', 2000],
        ['success', 'success', null],
      ],
    );
    expect(report.attempts[1]!.startedAt).toBe('2026-01-01T00:00:02.025Z');
    expect(report.summary).toEqual({
      outcome: 'success',
      attempts: 3,
      elapsedMs: result.elapsedMs,
      waitedMs: 4000,
      exitCode: 0,
      reason: null,
      message: 'succeeded on attempt 3',
    });
  });

  it('says why a permanent failure stopped the run', async () => {
    const { events } = await scriptedRun([{}, { exitCode: 3 }]);
    const report = buildReport(events, context)!;
    expect(report.summary).toMatchObject({ outcome: 'stopped', exitCode: 3, reason: 'exit:3' });
    expect(report.attempts[1]).toMatchObject({ retryable: false, waitAfter: null });
    expect(report.attempts[1]!.classification).toContain('--stop-on');
  });

  it('round-trips through the file written atomically, without secrets and temp files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'retry-run-report-'));
    const path = join(dir, 'report.json');
    const { events } = await scriptedRun([{}, { ok: true, exitCode: 0 }]);
    const warnings: string[] = [];
    // The CLI hands every reporter the events through the run's redaction.
    const redact = createRedactor();
    const reporter = redactingReporter(
      createReportFileReporter({ ...context, path, warn: (m) => warnings.push(m) }),
      redact,
    );
    events.forEach((event) => reporter.onEvent(event));
    await reporter.close!();

    const text = await readFile(path, 'utf8');
    const parsed = JSON.parse(text) as RunReport;
    expect(parsed).toEqual(
      buildReport(
        events.map((event) => redactEvent(event, redact)),
        context,
      ),
    );
    assertReportShape(parsed);
    expect(text).not.toContain(SECRET);
    expect(parsed.target).toBe(
      "curl -H 'Authorization: Bearer ***' https://user:***@example.test/",
    );
    expect(await readdir(dir)).toEqual(['report.json']);
    expect(warnings).toEqual([]);
  });

  it('warns, and does not throw, when the report cannot be written', async () => {
    const { events } = await scriptedRun([{ ok: true, exitCode: 0 }]);
    const warnings: string[] = [];
    const path = join(tmpdir(), 'retry-run-no-such-dir', 'x', 'report.json');
    const reporter = createReportFileReporter({ ...context, path, warn: (m) => warnings.push(m) });
    events.forEach((event) => reporter.onEvent(event));
    await reporter.close!();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(path);
  });
});
