/**
 * Shared pieces of the Prometheus text format (the textfile collector's) and OpenMetrics
 * (`stats --format openmetrics`): label escaping and sample lines.
 */
export type Labels = Record<string, string>;

/** `\`, `"` and line feeds are escaped in label values, in both formats. */
export function escapeLabelValue(value: string): string {
  return value.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n');
}

/** `{name="x",outcome="success"}` (labels in the order given), or '' for none. */
export function renderLabels(labels: Labels): string {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${escapeLabelValue(v)}"`);
  return parts.length === 0 ? '' : `{${parts.join(',')}}`;
}

/** A number as both formats write it: integers plainly, others with up to 6 decimals. */
export function renderValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf';
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(6)));
}

export function sampleLine(metric: string, labels: Labels, value: number): string {
  return `${metric}${renderLabels(labels)} ${renderValue(value)}`;
}
