import { STRATEGY_TABLE } from '../explain/strategy-table.js';
import { invalidValue } from '../errors.js';
import { stdoutStyle } from '../report/style.js';

/** `retry-run explain`: the strategy table on stdout (the schedule and simulation come later). */
export async function explainAction(options: { format?: string }): Promise<number> {
  const format = options.format ?? 'text';
  if (format !== 'text' && format !== 'json')
    throw invalidValue('--format', format, 'expected text or json');
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify({ strategies: STRATEGY_TABLE }, null, 2)}\n`);
    return 0;
  }
  const style = stdoutStyle();
  const widths = [12, 31, 0];
  const header = ['strategy', 'delay for retry n', 'behaviour / when to use'];
  const lines = [
    style.bold(
      header
        .map((h, i) => h.padEnd(widths[i]!))
        .join(' ')
        .trimEnd(),
    ),
  ];
  for (const s of STRATEGY_TABLE) {
    lines.push(
      `${style.cyan(s.name.padEnd(widths[0]!))} ${s.formula.padEnd(widths[1]!)} ${s.behaviour}`,
    );
    lines.push(`${''.padEnd(widths[0]! + widths[1]! + 1)} ${style.dim(s.whenToUse)}`);
  }
  lines.push(
    '',
    style.dim(
      'e = min(cap, base*factor^(n-1)); defaults: base 1s, cap 60s, factor 2, strategy jitter',
    ),
  );
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
