import { NESTING_DEPTH, OWN_NAME } from './own-name.js';
import {
  normalizeRunConfig,
  type RawRunOptions,
  type RunConfig,
  type RunTarget,
} from '../config/run-config.js';
import { retry } from '../engine/retry.js';
import { systemClock } from '../shared/clock.js';
import { handleInterrupts } from './interrupt.js';
import { createReporters, warn } from './reporters.js';
import { openLogSink } from './log-sink.js';
import { createRunner } from './runner-factory.js';
import { openStore } from '../store/open-store.js';
import type { StateStore } from '../store/store.js';
import { stderrStyle } from '../report/style.js';
import { attemptCount } from '../report/text.js';

/** The default action: run the command (or URL) under the policy; resolves to the exit code. */
export async function runAction(raw: RawRunOptions, target: RunTarget): Promise<number> {
  const config = normalizeRunConfig(raw, target);
  if (config.dryRun) {
    const { renderDryRun } = await import('./dry-run.js');
    process.stderr.write(renderDryRun(config, await stderrStyle()));
    return 0;
  }
  const log = await openLogSink(config.report.logFile, (message) => warn(config.redact(message)));
  const depth = NESTING_DEPTH;
  // Made only for a command or an --on-retry script: copying the environment is a call into
  // Node for each variable, which an HTTP run need not make.
  let childEnv: NodeJS.ProcessEnv | undefined;
  const envOfChildren = () => (childEnv ??= { ...process.env, RETRY_RUN_DEPTH: String(depth + 1) });
  const runner = await createRunner(config, envOfChildren);
  const hook =
    config.onRetry === undefined
      ? undefined
      : (await import('../runners/retry-hook.js')).createShellHook({
          script: config.onRetry,
          killAfterMs: config.policy.killAfterMs,
          env: envOfChildren(),
        });
  let store: StateStore | undefined;
  const openState = () => (store ??= openStore(config.state));
  // The breaker and history share the store: a broken one is told once, and not under -q.
  let storeWarned = config.report.quiet;
  const warnStore = (message: string) => {
    if (!storeWarned) warn(config.redact(message));
    storeWarned = true;
  };
  const reporter = await createReporters(config, { store: openState, warnStore, log: log.sink });
  // The countdown's line ends before the next attempt's output begins (README "Output").
  const runAttempt = runner.run.bind(runner);
  let attemptRunning = false;
  runner.run = (context) => {
    reporter.beforeAttempt?.();
    attemptRunning = true;
    return runAttempt(context).finally(() => (attemptRunning = false));
  };
  if (depth > 0 && !config.report.quiet) process.stderr.write(nestingWarning(depth, config));
  const breaker = config.breaker
    ? (await import('./breaker-gate.js')).openBreakerGate(config.breaker, openState(), warnStore)
    : undefined;
  const budget = config.budget
    ? (await import('../budget/budget.js')).createSharedBudget(
        config.budget,
        openState(),
        warnStore,
        systemClock,
      )
    : undefined;
  const interrupts = handleInterrupts({
    // JSON lines on stderr take no text line: that log has no such announcement.
    running: () => attemptRunning && config.report.logFormat !== 'json',
    killAfterMs: config.policy.killAfterMs,
  });
  try {
    const result = await retry({
      runner,
      policy: config.policy,
      conditions: config.conditions,
      signal: interrupts.controller.signal,
      onEvent: (event) => reporter.onEvent(event),
      ...(breaker ? { gate: breaker.gate } : {}),
      ...(hook ? { onRetry: hook.run } : {}),
      ...(budget ? { budget } : {}),
    });
    return result.exitCode;
  } finally {
    await reporter.close?.();
    log.close();
    // Still listening: a second Ctrl-C while the last attempt is being ended escalates.
    await runner.close?.();
    hook?.close();
    await breaker?.close();
    await store?.close();
    interrupts.dispose();
  }
}

/**
 * README, Nested runs: a retry-run inside another multiplies attempts. The outer one tells its command
 * how many attempts it makes (RETRY_RUN_MAX_ATTEMPTS), so the product can be named.
 */
function nestingWarning(depth: number, config: RunConfig): string {
  const inner = attemptCount(config.policy.maxAttempts);
  const outer = Number(process.env.RETRY_RUN_MAX_ATTEMPTS);
  const product =
    Number.isInteger(outer) && outer > 0
      ? `up to ${outer} outer × ${inner} inner = ${attemptCount(outer * config.policy.maxAttempts)} runs of the command`
      : `outer × ${inner} inner`;
  return `${OWN_NAME}: warning: running inside another retry-run (depth ${depth + 1}): attempts multiply, ${product}\n`;
}
