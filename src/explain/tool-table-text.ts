import { RETRIED_STATUSES } from '../engine/tool-defaults.js';
import type { Style } from '../report/style.js';
import { EVIDENCE_KINDS, type Retried, type ToolDescription } from './tool-table.js';

const WIDTH = 80;
const NAME_WIDTH = 11;
const CELL_WIDTH = 11;

/** `retry-run explain --tools` as text, within 80 columns: whether retried, then recognition. */
export function renderToolTable(tools: readonly ToolDescription[], style: Style): string[] {
  const statuses = [...RETRIED_STATUSES].join(', ');
  const header = ['tool', 'status', 'connection', 'timeout', 'rate limit', 'permanent'];
  const lines = [
    'Known tools: whether the default (no --retry-on or --stop-on) retries what',
    'each tool reports. README "Known tools".',
    style.dim(`  by status: ${statuses} retried, any other status not;`),
    style.dim('  permanent: the auth, not-found or usage errors it names: never retried;'),
    style.dim('  -: the tool gives no such evidence (then any failure is retried).'),
    '',
    style.bold(row(header)),
  ];
  for (const tool of tools) {
    const cells = EVIDENCE_KINDS.map((kind) =>
      kind === 'permanent' && tool.permanent.length > 0
        ? tool.permanent.join(', ')
        : cell(tool.retries[kind]),
    );
    lines.push(`${style.cyan(tool.name.padEnd(NAME_WIDTH))}${row(cells)}`.trimEnd());
  }
  lines.push(
    '',
    'Recognised by argv[0] (its basename), or inside a -S script or a wrapper by a',
    'line of its own starting with:',
    '',
  );
  for (const tool of tools) {
    const quoted = tool.scriptPrefixes.map((prefix) => `'${prefix}'`);
    const pieces = [`argv[0] ${tool.commands.join(', ')}`, ...quoted].map((piece, index, all) =>
      index === all.length - 1 ? piece : index === 0 ? `${piece}; lines` : `${piece},`,
    );
    wrap(pieces, WIDTH - NAME_WIDTH).forEach((text, index) =>
      lines.push(
        `${index === 0 ? style.cyan(tool.name.padEnd(NAME_WIDTH)) : ' '.repeat(NAME_WIDTH)}${text}`,
      ),
    );
  }
  return lines;
}

function row(cells: readonly string[]): string {
  return cells
    .map((text, index) => (index < cells.length - 1 ? text.padEnd(CELL_WIDTH) : text))
    .join('');
}

function cell(retried: Retried | undefined): string {
  if (retried === undefined) return '-';
  if (retried === 'by status') return 'by status';
  return retried ? 'yes' : 'no';
}

/** Joins pieces with spaces, starting a new line before a piece that would pass `width`. */
function wrap(pieces: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const piece of pieces) {
    if (line && line.length + 1 + piece.length > width) {
      lines.push(line);
      line = piece;
    } else line = line ? `${line} ${piece}` : piece;
  }
  return [...lines, line];
}
