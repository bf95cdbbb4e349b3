import { noteCommandStderr } from './own-lines.js';
import { stdout } from './streams.js';
import type { Runner } from '../engine/types.js';
import { UsageError } from '../shared/errors.js';
import { needsOutput } from '../conditions/conditions.js';
import type { RunConfig } from '../config/run-config.js';
import { activeTools, toolForCommand } from '../tools/active.js';
import type { CompiledTable } from '../tools/compile.js';
import type { ToolTable } from '../tools/types.js';
import { proxyIsSet } from '../runners/http/proxy-env.js';
import { loadToolsFile } from '../tools/tools-file.js';

/** The runner for the config's mode; `env` makes the environment a command runs with. */
export async function createRunner(
  config: RunConfig,
  env: () => NodeJS.ProcessEnv,
): Promise<Runner> {
  if (config.mode === 'command' && config.command) {
    // Loaded when used, like HTTP's, so that explain, stats or an HTTP run never load it.
    const { createCommandRunner } = await import('../runners/command/command.js');
    const extra = config.toolsFile ? loadToolsFile(config.toolsFile) : undefined;
    let tools: CompiledTable | undefined;
    return createCommandRunner({
      tools: () => (tools ??= activeTools(extra)),
      command: config.command,
      killAfterMs: config.policy.killAfterMs,
      stdin: config.stdin,
      env: env(),
      capture: {
        tails: keepsTails(config, extra),
        stdout: config.stdout,
        onStderr: noteCommandStderr,
      },
    });
  }
  if (config.mode === 'http' && config.http) {
    // With a proxy, requests go through undici (README, HTTP mode), which parses HTTP with
    // llhttp compiled to WebAssembly. V8 would optimise that module on background threads, and
    // Node waits for them at exit: a tenth of a second, for a CLI that makes a handful of
    // requests. Its baseline compiler alone is plenty here.
    if (proxyIsSet(process.env)) (await import('node:v8')).setFlagsFromString('--liftoff-only');
    // Loaded only here, so a command run does not pay for HTTP at start-up.
    const { createHttpRunner } = await import('../runners/http/http.js');
    return createHttpRunner({
      http: config.http,
      stdout: stdout(),
      // A getter: process.stdin is created (milliseconds) only for a body of `-d @-`.
      get stdin() {
        return process.stdin;
      },
    });
  }
  throw new UsageError('nothing to run');
}

/**
 * Output tails are kept when a condition reads output; for a known tool under the
 * status-aware default (its status decides); or for a tool whose `Retry-After:` lines are
 * honoured (curl). Otherwise the command inherits the terminal (README "What gets retried").
 */
function keepsTails(config: RunConfig, extra: Readonly<ToolTable> | undefined): boolean {
  const { retryOn, stopOn, until, statusAware } = config.conditions;
  if (needsOutput([...retryOn, ...stopOn, ...until])) return true;
  const tool = config.command ? toolForCommand(config.command.file, extra) : undefined;
  if (tool && statusAware) return true;
  return config.policy.serverWait && tool?.readsRetryAfter === true;
}
