import type { RunConfig } from '../policy/config.js';
import { formatDuration } from '../policy/duration.js';
import { schedule } from '../policy/schedule.js';
import { describePolicy } from '../report/text.js';
import { describeHeaders } from '../policy/http-config.js';

/** `--dry-run`: the resolved policy and its schedule, on stderr; nothing runs. */
export function renderDryRun(config: RunConfig): string {
  const target = config.command?.display ?? config.http?.description ?? '';
  const lines = [
    `would run: ${target} (${config.mode} mode)`,
    ...(config.http ? describeHeaders(config.http).map((header) => `  ${header}`) : []),
    `policy: ${describePolicy(config.policy)}`,
    `retry on: ${config.conditions.retryOn.map((c) => c.token).join(',') || '(nothing)'}`,
    `stop on: ${config.conditions.stopOn.map((c) => c.token).join(',') || '(nothing)'}`,
  ];
  if (config.conditions.until.length > 0) {
    lines.push(`until: ${config.conditions.until.map((c) => c.token).join(',')}`);
  }
  const rows = schedule(
    config.policy,
    config.policy.seed === undefined ? {} : { seed: config.policy.seed },
  );
  lines.push(
    rows.length === 0
      ? 'schedule: a single attempt, no waits'
      : 'schedule (wait before each retry):',
  );
  for (const row of rows) {
    const range =
      row.minMs === row.maxMs
        ? formatDuration(row.minMs)
        : `${formatDuration(row.minMs)}–${formatDuration(row.maxMs)} (median ${formatDuration(row.medianMs)})`;
    lines.push(`  retry ${row.retry}: ${range}${row.capped ? ' [cap]' : ''}`);
  }
  const worst = rows.at(-1)?.cumulativeMaxMs ?? 0;
  lines.push(
    `worst-case total wait: ${formatDuration(worst)}${config.policy.deadlineMs ? ` (deadline ${formatDuration(config.policy.deadlineMs)})` : ''}`,
  );
  return `${lines.join('\n')}\n`;
}
