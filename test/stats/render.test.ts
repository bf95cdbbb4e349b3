import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { renderJson, renderOpenMetrics, renderTable, sparkline } from '../../src/stats/render.js';
import type { NameStats } from '../../src/stats/stats.js';
import { parseExposition } from '../helpers/exposition-parser.js';

const stats: NameStats[] = [
  {
    name: 'api',
    runs: 20,
    successRate: 0.95,
    firstAttemptSuccessRate: 0.6,
    meanAttempts: 1.65,
    p95Attempts: 4,
    waitedMs: 13_000,
    topReasons: [
      { reason: 'exit:1', count: 12 },
      { reason: 'output:/say "no"\\/', count: 2 },
    ],
    budgetRefused: 0,
    lastRunAt: '2026-11-28T10:00:00.000Z',
    trend: [0, 0, 0.5, 1],
  },
  {
    name: 'lint',
    runs: 5,
    successRate: 1,
    firstAttemptSuccessRate: 1,
    meanAttempts: 1,
    p95Attempts: 1,
    waitedMs: 0,
    topReasons: [],
    budgetRefused: 0,
    lastRunAt: '2026-11-28T11:00:00.000Z',
    trend: [0, 0, 0, 0, 0],
  },
];

describe('stats --format openmetrics', () => {
  it('is valid OpenMetrics, ending with # EOF, with every figure per name', () => {
    const families = parseExposition(renderOpenMetrics(stats));
    const value = (family: string, labels: Record<string, string>) =>
      families
        .find((f) => f.name === family)!
        .samples.find((s) => Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;
    expect(families.every((f) => f.type === 'gauge' && f.help)).toBe(true);
    expect(value('retry_run_history_runs', { name: 'api' })).toBe(20);
    expect(value('retry_run_history_success_ratio', { name: 'api' })).toBe(0.95);
    expect(value('retry_run_history_first_attempt_success_ratio', { name: 'lint' })).toBe(1);
    expect(value('retry_run_history_attempts_p95', { name: 'api' })).toBe(4);
    expect(value('retry_run_history_waited_seconds', { name: 'api' })).toBe(13);
    expect(
      value('retry_run_history_failures', { name: 'api', reason: 'output:/say "no"\\/' }),
    ).toBe(2);
    expect(value('retry_run_history_budget_refused', { name: 'api' })).toBe(0);
    expect(value('retry_run_history_last_run_timestamp_seconds', { name: 'lint' })).toBe(
      Date.parse('2026-11-28T11:00:00.000Z') / 1000,
    );
  });

  it('is still valid with no history', () => {
    expect(parseExposition(renderOpenMetrics([])).every((f) => f.samples.length === 0)).toBe(true);
  });
});

describe('the strict parser', () => {
  it.each([
    ['no # EOF', '# TYPE a gauge\na 1\n'],
    ['interleaved families', '# TYPE a gauge\na 1\n# TYPE b gauge\nb 1\na{x="1"} 2\n# EOF\n'],
    ['a bad escape', '# TYPE a gauge\na{x="\\t"} 1\n# EOF\n'],
    ['a counter sample without _total', '# TYPE a counter\na 1\n# EOF\n'],
    ['a duplicate series', '# TYPE a gauge\na{x="1"} 1\na{x="1"} 2\n# EOF\n'],
    ['a comment', '# hello\n# EOF\n'],
    ['a unit the name does not end with', '# TYPE a gauge\n# UNIT a seconds\n# EOF\n'],
    ['text after # EOF', '# EOF\na 1\n'],
  ])('rejects %s', (_what, text) => {
    expect(() => parseExposition(text)).toThrow();
  });
});

describe('stats --format json and table', () => {
  it('json is an array of objects with the fields in the README (History)', () => {
    const parsed = JSON.parse(renderJson(stats)) as Array<Record<string, unknown>>;
    expect(parsed).toHaveLength(2);
    for (const key of [
      'name',
      'runs',
      'successRate',
      'firstAttemptSuccessRate',
      'meanAttempts',
      'p95Attempts',
      'waitedMs',
      'topReasons',
    ]) {
      expect(parsed[0]).toHaveProperty(key);
    }
    expect(parsed[0]).toMatchObject({
      name: 'api',
      successRate: 0.95,
      p95Attempts: 4,
      waitedMs: 13_000,
    });
  });

  it('the table has one aligned row per name with a trend chart', () => {
    const table = renderTable(stats, new Chalk({ level: 0 }), 200);
    const lines = table.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^name\s+runs\s+success\s+first try/);
    expect(lines[1]).toContain('95.0%');
    expect(lines[1]).toContain('1.65 / 4');
    expect(lines[1]).toContain(sparkline([0, 0, 0.5, 1]));
    expect(lines[2]).toMatch(/lint\s+5\s+100\.0%\s+100\.0%/);
    expect(lines[1]!.indexOf('95.0%') + 5).toBe(lines[0]!.indexOf('success') + 'success'.length);
  });

  it('drops the trend, then cuts the failure reasons short, to fit the width', () => {
    const lines = renderTable(stats, new Chalk({ level: 0 }), 72)
      .trimEnd()
      .split('\n');
    expect(lines[0]).not.toContain('trend');
    expect(lines[1]).not.toContain(sparkline([0, 0, 0.5, 1]));
    for (const line of lines) expect(Array.from(line).length).toBeLessThanOrEqual(72);
    expect(lines[1]).toMatch(/^api .* exit:1 ×12.*…$/);
  });

  it('shows a refused column only when a retry budget refused a retry, and keeps it in json', () => {
    expect(renderTable(stats, new Chalk({ level: 0 }), 200)).not.toContain('refused');
    const throttled: NameStats[] = [{ ...stats[0]!, name: 'fleet', budgetRefused: 3 }, stats[1]!];
    const lines = renderTable(throttled, new Chalk({ level: 0 }), 200)
      .trimEnd()
      .split('\n');
    expect(lines[0]).toMatch(
      /^name\s+runs\s+success\s+first try\s+attempts mean\/p95\s+waited\s+refused\s+trend\s+top failures$/,
    );
    expect(lines[1]).toMatch(/^fleet\s.*\s13s\s+3\s+▁▁▅█\s+exit:1 ×12/);
    expect(lines[2]).toMatch(/^lint\s.*\s0ms\s+0\s+▁▁▁▁▁\s+-$/);
    const narrow = renderTable(throttled, new Chalk({ level: 0 }), 72)
      .trimEnd()
      .split('\n');
    for (const line of narrow) expect(Array.from(line).length).toBeLessThanOrEqual(72);
    expect(narrow[0]).toMatch(/ waited {2}refused {2}to/);
    expect(JSON.parse(renderJson(throttled))[0]).toMatchObject({ name: 'fleet', budgetRefused: 3 });
    const families = parseExposition(renderOpenMetrics(throttled));
    expect(
      families
        .find((f) => f.name === 'retry_run_history_budget_refused')!
        .samples.map((s) => [s.labels.name, s.value]),
    ).toEqual([
      ['fleet', 3],
      ['lint', 0],
    ]);
  });

  it('sparkline runs from ▁ (no run needed a retry) to █ (every run did)', () => {
    expect(sparkline([0, 0.25, 0.5, 0.75, 1])).toBe('▁▃▅▆█');
  });
});
