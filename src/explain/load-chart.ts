const BLOCKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;

/**
 * The load of a run of slices squeezed into at most `width` columns, each column the busiest
 * slice it covers (a spike stays a spike). `slicesPerColumn` is a whole number, so every
 * column spans the same time.
 */
export function columnPeaks(
  load: ReadonlyArray<{ slice: number; calls: number }>,
  width: number,
): { peaks: number[]; slicesPerColumn: number } {
  const slices = (load.at(-1)?.slice ?? -1) + 1;
  const slicesPerColumn = Math.max(1, Math.ceil(slices / width));
  const peaks = new Array<number>(Math.ceil(slices / slicesPerColumn)).fill(0);
  for (const { slice, calls } of load) {
    const column = Math.floor(slice / slicesPerColumn);
    peaks[column] = Math.max(peaks[column]!, calls);
  }
  return { peaks, slicesPerColumn };
}

/** One block character per value, its height proportional to `max`; no load is a blank. */
export function blockFor(value: number, max: number): string {
  if (value <= 0 || max <= 0) return ' ';
  const level = Math.min(BLOCKS.length, Math.ceil((value / max) * BLOCKS.length));
  return BLOCKS[level - 1]!;
}
