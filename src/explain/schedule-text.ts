import type { Style } from '../report/style.js';
import { formatDuration } from '../shared/duration.js';
import type { SchedulePlan, ScheduleRow, ScheduleShape } from '../backoff/schedule.js';
import { strategyNamed } from '../backoff/strategies.js';

/** Above this many lines, the middle of a long schedule is elided. */
const MAX_LINES = 40;
const HEAD_LINES = 30;
const TAIL_LINES = 5;

/**
 * A schedule as text, within 80 columns: one line per retry (identical runs of capped
 * retries folded into one), then the deadline, the cap and the worst case in words. Shared by
 * `retry-run explain` and `--dry-run`.
 */
export function renderSchedule(policy: ScheduleShape, plan: SchedulePlan, style: Style): string[] {
  // The kinds whose delay is drawn from a range get min, median and max columns.
  const { formula, random } = strategyNamed(policy.strategy);
  const lines = [`${style.bold(`strategy ${policy.strategy}`)}: ${formula}`];
  if (plan.rows.length === 0 && !plan.cutByDeadline) {
    lines.push('a single attempt (--max 1): no waits');
  } else {
    const rows = foldRuns(plan.rows).map((run) => rowLine(run, random, style));
    lines.push(style.dim(header(random)), ...elide(rows));
  }
  lines.push(...footnotes(policy, plan, style));
  return lines;
}

interface RowRun {
  first: ScheduleRow;
  last: ScheduleRow;
}

/** Consecutive retries with the same delays and notes (a capped tail) read as one line. */
function foldRuns(rows: readonly ScheduleRow[]): RowRun[] {
  const runs: RowRun[] = [];
  for (const row of rows) {
    const run = runs.at(-1);
    if (run && run.last.capped && sameDelays(run.last, row)) run.last = row;
    else runs.push({ first: row, last: row });
  }
  return runs;
}

function sameDelays(a: ScheduleRow, b: ScheduleRow): boolean {
  return (
    a.minMs === b.minMs &&
    a.medianMs === b.medianMs &&
    a.maxMs === b.maxMs &&
    a.capped === b.capped &&
    a.deadlineMayEnd === b.deadlineMayEnd
  );
}

function header(random: boolean): string {
  const names = random ? ['min', 'median', 'max', 'Σ median', 'Σ max'] : ['wait', 'Σ waited'];
  return `${'retry'.padStart(RETRY_WIDTH)} ${cols(names)}`;
}

function rowLine({ first, last }: RowRun, random: boolean, style: Style): string {
  const label = first === last ? `${first.retry}` : `${first.retry}-${last.retry}`;
  const d = formatDuration;
  const cells = random
    ? [first.minMs, first.medianMs, first.maxMs, last.cumulativeMedianMs, last.cumulativeMaxMs]
    : [first.minMs, last.cumulativeMaxMs];
  const notes = [
    first.capped ? style.yellow('cap') : '',
    first.deadlineMayEnd ? style.red('deadline?') : '',
  ].filter(Boolean);
  return `${label.padStart(RETRY_WIDTH)} ${cols(cells.map(d))}  ${notes.join(' ')}`.trimEnd();
}

const RETRY_WIDTH = 9;

function cols(values: readonly string[]): string {
  return values.map((v) => v.padStart(COLUMN_WIDTH)).join(' ');
}

const COLUMN_WIDTH = 9;

function elide(lines: string[]): string[] {
  if (lines.length <= MAX_LINES) return lines;
  const hidden = lines.length - HEAD_LINES - TAIL_LINES;
  return [
    ...lines.slice(0, HEAD_LINES),
    `      … ${hidden} more lines …`,
    ...lines.slice(-TAIL_LINES),
  ];
}

function footnotes(policy: ScheduleShape, plan: SchedulePlan, style: Style): string[] {
  const d = formatDuration;
  const notes: string[] = [];
  if (plan.rows.length > 0) {
    const what = strategyNamed(policy.strategy).random ? 'the medians and the maxima' : 'the waits';
    notes.push(style.dim(`Σ: ${what} added up so far (attempts' own time not counted)`));
  }
  if (plan.sampled) {
    notes.push(
      style.dim(
        `median: sampled from ${plan.sampled.samples} seeded runs (seed ${plan.sampled.seed}); min and max are exact`,
      ),
    );
  }
  if (plan.rows.some((row) => row.capped)) {
    notes.push(style.dim(`cap: the cap (${d(policy.capMs)}) clamps this wait`));
  }
  if (plan.rows.some((row) => row.deadlineMayEnd)) {
    notes.push(
      style.dim(
        `deadline?: at worst the deadline (${d(policy.deadlineMs ?? 0)}) ends the run before this wait`,
      ),
    );
  }
  if (plan.cutByDeadline) {
    const { retry, earliestEndMs } = plan.cutByDeadline;
    notes.push(
      `the deadline (${d(policy.deadlineMs ?? 0)}) always ends the run before retry ${retry}`,
      `  (that wait would end at ${d(earliestEndMs)} at the earliest): at most ${retry} attempts run`,
    );
  }
  if (plan.unbounded) {
    notes.push(`--max inf: attempts go on without limit; every later wait is like the last row`);
  }
  if (plan.worstCaseMs === Infinity) {
    notes.push(
      `worst case: ${style.bold('∞')} (--max inf without --deadline: only success, a stop condition or a signal ends the run)`,
    );
  } else {
    notes.push(`worst case: ${style.bold(d(plan.worstCaseMs))} ${worstCaseDetail(policy, plan)}`);
  }
  return notes;
}

function worstCaseDetail(policy: ScheduleShape, plan: SchedulePlan): string {
  if (plan.unbounded) return `(∞ attempts: the deadline is the bound)`;
  const attempts = plan.rows.length + 1;
  const waits = formatDuration(plan.rows.at(-1)?.cumulativeMaxMs ?? 0);
  const what = plan.worstCaseIncludesAttempts
    ? `(${attempts} attempts × ${formatDuration(policy.timeoutMs ?? 0)} + ${waits} of waits`
    : `(waits only: give --timeout to count the attempts too`;
  return plan.worstCaseBoundedByDeadline ? `${what}; bounded by the deadline)` : `${what})`;
}
