import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { blockFor, columnPeaks } from '../../src/explain/load-chart.js';
import { renderSchedule } from '../../src/explain/schedule-text.js';
import { renderSimulation } from '../../src/explain/simulation-text.js';
import { simulateBudget, simulateHerd } from '../../src/explain/simulate.js';
import { renderStrategyTable } from '../../src/explain/strategy-table.js';
import { planSchedule, type ScheduleShape } from '../../src/backoff/schedule.js';
import { herd } from '../helpers/herd.js';

const plain = new Chalk({ level: 0 });
const coloured = new Chalk({ level: 1 });
// eslint-disable-next-line no-control-regex
const visible = (line: string) => line.replace(/\x1b\[[0-9;]*m/g, '');

const shape = (extra: Partial<ScheduleShape>): ScheduleShape => ({
  strategy: 'jitter',
  maxAttempts: 5,
  baseMs: 1000,
  capMs: 60_000,
  factor: 2,
  ...extra,
});
const scheduleText = (s: ScheduleShape, style = plain) =>
  renderSchedule(s, planSchedule(s, { seed: 1 }), style);

describe('the load chart', () => {
  it('keeps the busiest slice of each column, so a spike stays a spike', () => {
    const load = [
      { slice: 0, calls: 3 },
      { slice: 1, calls: 9 },
      { slice: 5, calls: 2 },
    ];
    expect(columnPeaks(load, 10)).toEqual({ peaks: [3, 9, 0, 0, 0, 2], slicesPerColumn: 1 });
    expect(columnPeaks(load, 3)).toEqual({ peaks: [9, 0, 2], slicesPerColumn: 2 });
  });

  it('never draws more columns than asked', () => {
    const load = Array.from({ length: 1000 }, (_, slice) => ({ slice, calls: 1 }));
    expect(columnPeaks(load, 56).peaks.length).toBeLessThanOrEqual(56);
  });

  it('draws blank for no load, a full block for the top, and at least ▁ for any load', () => {
    expect([0, 1, 50, 99, 100].map((v) => blockFor(v, 100)).join('')).toBe(' ▁▄██');
  });
});

describe('the schedule as text', () => {
  it('shows min, median and max for the random kinds, one wait for the others', () => {
    const random = scheduleText(shape({}));
    expect(random[1]).toMatch(/retry\s+min\s+median\s+max\s+Σ median\s+Σ max/);
    expect(random[2]).toMatch(/^\s+1\s+0ms\s+500ms\s+1s\s+500ms\s+1s$/);
    const fixed = scheduleText(shape({ strategy: 'fixed' }));
    expect(fixed[1]).toMatch(/retry\s+wait\s+Σ waited$/);
    expect(fixed).toContain(
      'worst case: 4s (waits only: give --timeout to count the attempts too)',
    );
  });

  it('folds a capped tail into one line and names where the cap bites', () => {
    const lines = scheduleText(shape({ strategy: 'exponential', capMs: 4000, maxAttempts: 9 }));
    expect(lines).toContain('        3        4s        7s');
    expect(lines).toContain('      4-8        4s       27s  cap');
    expect(lines).toContain('cap: the cap (4s) clamps this wait');
  });

  it('says where the deadline bites and what the worst case counts', () => {
    const lines = scheduleText(
      shape({ strategy: 'exponential', maxAttempts: 10, deadlineMs: 20_000, timeoutMs: 2000 }),
    );
    expect(lines.filter((l) => l.endsWith('deadline?')).map((l) => l.trim()[0])).toEqual(['4']);
    expect(lines).toContain('the deadline (20s) always ends the run before retry 5');
    expect(lines).toContain(
      'worst case: 20s (5 attempts × 2s + 15s of waits; bounded by the deadline)',
    );
  });

  it('says that decorrelated medians are sampled, and from which seed', () => {
    const lines = scheduleText(shape({ strategy: 'decorrelated' }));
    expect(lines).toContain(
      'median: sampled from 1001 seeded runs (seed 1); min and max are exact',
    );
  });

  it('elides the middle of a very long schedule', () => {
    const lines = scheduleText(shape({ strategy: 'decorrelated', maxAttempts: 200 }));
    expect(lines.some((l) => /… \d+ more lines …/.test(l))).toBe(true);
    expect(lines.length).toBeLessThan(50);
  });

  it('fits 80 columns and is coloured only when asked', () => {
    for (const s of [
      shape({
        strategy: 'decorrelated',
        maxAttempts: 40,
        deadlineMs: 3_600_000,
        timeoutMs: 30_000,
      }),
      shape({ strategy: 'linear', maxAttempts: 100, capMs: 10_000, deadlineMs: 300_000 }),
    ]) {
      const text = scheduleText(s, coloured);
      for (const line of text) expect(visible(line).length).toBeLessThanOrEqual(80);
      expect(text.join('\n')).toContain('\x1b[');
      expect(scheduleText(s).join('\n')).not.toContain('\x1b[');
    }
  });
});

describe('the strategy table and the simulation as text', () => {
  it('fit 80 columns', () => {
    const options = herd({ clients: 1000 });
    const lines = [
      ...renderStrategyTable(coloured),
      ...renderSimulation(
        simulateHerd(options),
        options,
        coloured,
        simulateBudget('equal-jitter', options, { maxTokens: 1_000_000, ratio: 0.001 }),
      ),
    ];
    for (const line of lines) expect(visible(line).length).toBeLessThanOrEqual(80);
  });

  it('the simulation lists every strategy in the table and in the chart', () => {
    const options = herd({ clients: 100, seed: 3 });
    const lines = renderSimulation(simulateHerd(options), options, plain);
    expect(lines[0]).toBe('thundering herd: 100 clients fail at the same instant');
    expect(lines.filter((l) => l.startsWith('exponential '))).toHaveLength(2);
    expect(lines.find((l) => l.startsWith('fixed '))).toMatch(/^fixed\s+100\s+10s\s+650\s+6\.5$/);
    expect(lines.filter((l) => /^fixed\s+[▁▂▃▄▅▆▇█ ]+ \S+\/col$/.test(l))).toHaveLength(1);
    expect(lines.some((l) => l.startsWith('with budget'))).toBe(false);
  });

  it('the budget row: the strategy, the settings, its figures and who gave up', () => {
    const options = herd({ clients: 100, seed: 3 });
    const budget = simulateBudget('fixed', options, { maxTokens: 10, ratio: 0.1 });
    const lines = renderSimulation(simulateHerd(options), options, plain, budget);
    const at = lines.indexOf('fixed with a retry budget shared by the fleet (--budget-tokens 10,');
    expect(lines.slice(at, at + 4)).toEqual([
      'fixed with a retry budget shared by the fleet (--budget-tokens 10,',
      "--budget-ratio 0.1): a refused retry ends that client's run",
      `${'with budget'.padEnd(13)}${['4', '1s', '104', '1.0'].map((c) => c.padStart(15)).join('')}`,
      `${' '.repeat(13)}96 of 100 clients gave up (budget-exhausted)`,
    ]);
    expect(lines.filter((l) => /^with budget\s+[▁▂▃▄▅▆▇█ ]+ \S+\/col$/.test(l))).toHaveLength(1);
  });
});
