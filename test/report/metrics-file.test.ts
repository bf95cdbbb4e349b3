import { describe, expect, it } from 'vitest';
import type { SummaryEvent } from '../../src/engine/events.js';
import { parseSamples, renderSamples, updateSamples } from '../../src/report/metrics-file.js';
import { parseExposition } from '../helpers/exposition-parser.js';

const summary = (over: Partial<SummaryEvent> = {}): SummaryEvent => ({
  event: 'summary',
  time: '2026-11-28T12:00:00.000Z',
  outcome: 'success',
  attempts: 3,
  elapsedMs: 2500,
  waitedMs: 2000,
  exitCode: 0,
  message: 'succeeded on attempt 3',
  ...over,
});

const series = (text: string) =>
  Object.fromEntries(
    parseExposition(text, 'prometheus').flatMap((f) =>
      f.samples.map((s) => [`${s.name}${JSON.stringify(s.labels)}`, s.value]),
    ),
  );

describe('the --metrics-file textfile', () => {
  it('adds counters across runs and replaces the last-run gauges, per name', () => {
    let samples = updateSamples(new Map(), 'api', summary());
    samples = parseSamples(renderSamples(samples));
    samples = updateSamples(
      samples,
      'api',
      summary({ outcome: 'exhausted', attempts: 5, exitCode: 7, waitedMs: 500 }),
    );
    samples = updateSamples(
      parseSamples(renderSamples(samples)),
      'lint',
      summary({ attempts: 1, waitedMs: 0 }),
    );
    const values = series(renderSamples(samples));
    expect(values['retry_run_runs_total{"name":"api","outcome":"success"}']).toBe(1);
    expect(values['retry_run_runs_total{"name":"api","outcome":"exhausted"}']).toBe(1);
    expect(values['retry_run_attempts_total{"name":"api"}']).toBe(8);
    expect(values['retry_run_waited_seconds_total{"name":"api"}']).toBe(2.5);
    expect(values['retry_run_last_run_success{"name":"api"}']).toBe(0);
    expect(values['retry_run_last_run_exit_code{"name":"api"}']).toBe(7);
    expect(values['retry_run_last_run_timestamp_seconds{"name":"api"}']).toBe(
      Date.parse('2026-11-28T12:00:00.000Z') / 1000,
    );
    expect(values['retry_run_runs_total{"name":"lint","outcome":"success"}']).toBe(1);
    expect(values['retry_run_last_run_attempts{"name":"lint"}']).toBe(1);
  });

  it('counts the retries a budget refused, per name and budget, from 0 for a run naming one', () => {
    let samples = updateSamples(new Map(), 'job', summary(), undefined, 'api');
    samples = parseSamples(renderSamples(samples));
    const refused = summary({ outcome: 'budget-exhausted', attempts: 2, exitCode: 1 });
    samples = updateSamples(samples, 'job', refused, undefined, 'api');
    samples = updateSamples(parseSamples(renderSamples(samples)), 'job', refused, undefined, 'api');
    samples = updateSamples(samples, 'lint', summary());
    const text = renderSamples(samples);
    const values = series(text);
    expect(values['retry_run_budget_refused_total{"name":"job","budget":"api"}']).toBe(2);
    expect(values['retry_run_runs_total{"name":"job","outcome":"budget-exhausted"}']).toBe(2);
    expect(text).not.toMatch(/retry_run_budget_refused_total\{name="lint"/);
    const family = parseExposition(text, 'prometheus').find(
      (f) => f.name === 'retry_run_budget_refused_total',
    )!;
    expect(family.type).toBe('counter');
  });

  it('is valid Prometheus text with a HELP and TYPE for every family', () => {
    const text = renderSamples(
      updateSamples(new Map(), 'api', summary(), { name: 'api-breaker', state: 'open' }),
    );
    const families = parseExposition(text, 'prometheus');
    expect(families.every((f) => f.help && f.type !== 'unknown')).toBe(true);
    expect(families.filter((f) => f.type === 'counter').map((f) => f.name)).toEqual([
      'retry_run_runs_total',
      'retry_run_attempts_total',
      'retry_run_waited_seconds_total',
    ]);
    const breaker = families.find((f) => f.name === 'retry_run_breaker_state')!;
    expect(breaker.samples.map((s) => [s.labels.state, s.value])).toEqual([
      ['closed', 0],
      ['half-open', 0],
      ['open', 1],
    ]);
  });

  it('ignores lines it did not write', () => {
    const samples = parseSamples(
      '# a comment\nsomething_else 4\nretry_run_attempts_total{name="x"} 2\n',
    );
    expect(renderSamples(samples)).toContain('retry_run_attempts_total{name="x"} 2\n');
    expect(renderSamples(samples)).not.toContain('something_else');
  });
});
