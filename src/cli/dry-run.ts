import type { Style } from '../report/style.js';
import { renderSchedule } from '../explain/schedule-text.js';
import type { RunConfig } from '../config/run-config.js';
import { planSchedule } from '../backoff/schedule.js';
import { describePolicy } from '../report/text.js';
import { describeHeaders } from '../config/http.js';

/** `--dry-run`: the resolved policy and its schedule (as `explain` shows it); nothing runs. */
export function renderDryRun(config: RunConfig, style: Style): string {
  const target = config.command?.display ?? config.http?.description ?? '';
  const lines = [
    `would run: ${target} (${config.mode} mode)`,
    ...(config.http
      ? describeHeaders(config.http, config.redact).map((header) => `  ${header}`)
      : []),
    `policy: ${describePolicy(config.policy)}`,
    `retry on: ${config.conditions.retryOn.map((c) => c.token).join(',') || '(nothing)'}`,
    `stop on: ${config.conditions.stopOn.map((c) => c.token).join(',') || '(nothing)'}`,
  ];
  if (config.conditions.until.length > 0) {
    lines.push(`until: ${config.conditions.until.map((c) => c.token).join(',')}`);
  }
  const { seed } = config.policy;
  const plan = planSchedule(config.policy, seed === undefined ? {} : { seed });
  lines.push('', ...renderSchedule(config.policy, plan, style));
  return `${lines.join('\n')}\n`;
}
