import { normalizeRunConfig, type RawRunOptions, type RunTarget } from '../policy/config.js';
import { retry } from '../engine/retry.js';
import { handleInterrupts } from './interrupt.js';
import { createReporters } from './reporters.js';
import { createRunner } from './runner-factory.js';
import { stderrStyle } from '../report/style.js';

/** The default action: run the command (or URL) under the policy; resolves to the exit code. */
export async function runAction(raw: RawRunOptions, target: RunTarget): Promise<number> {
  const config = normalizeRunConfig(raw, target);
  if (config.dryRun) {
    const { renderDryRun } = await import('./dry-run.js');
    process.stderr.write(renderDryRun(config, stderrStyle()));
    return 0;
  }
  const depth = Number(process.env.RETRY_RUN_DEPTH ?? 0) || 0;
  const runner = await createRunner(config, { ...process.env, RETRY_RUN_DEPTH: String(depth + 1) });
  const reporter = createReporters(config);
  if (depth > 0 && !config.report.quiet) {
    process.stderr.write(
      `retry-run: warning: running inside another retry-run (depth ${depth + 1}): attempts multiply (outer × inner)\n`,
    );
  }
  const breaker = config.breaker
    ? (await import('./breaker-gate.js')).openBreakerGate(
        config.breaker,
        config.state,
        config.report.quiet,
      )
    : undefined;
  const interrupts = handleInterrupts();
  try {
    const result = await retry({
      runner,
      policy: config.policy,
      conditions: config.conditions,
      signal: interrupts.controller.signal,
      onEvent: (event) => reporter.onEvent(event),
      ...(breaker ? { gate: breaker.gate } : {}),
    });
    return result.exitCode;
  } finally {
    interrupts.dispose();
    await reporter.close?.();
    await runner.close?.();
    await breaker?.close();
  }
}
