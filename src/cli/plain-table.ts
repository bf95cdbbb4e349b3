import type { Style } from '../report/style.js';

/** Left-aligned columns two spaces apart, the header in bold: `breaker list`, `budget list`. */
export function plainTable(rows: readonly (readonly string[])[], style: Style): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows
    .map((row, index) => {
      const text = row
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join('  ')
        .trimEnd();
      return index === 0 ? style.bold(text) : text;
    })
    .join('\n');
}
