import type { Runner } from '../engine/types.js';
import { UsageError } from '../errors.js';
import type { RunConfig } from '../policy/config.js';
import { createCommandRunner } from '../runners/command.js';

/** The runner for the config's mode. */
export async function createRunner(config: RunConfig, env: NodeJS.ProcessEnv): Promise<Runner> {
  if (config.mode === 'command' && config.command) {
    return createCommandRunner({
      command: config.command,
      killAfterMs: config.policy.killAfterMs,
      stdin: config.stdin,
      env,
    });
  }
  throw new UsageError('HTTP mode is not available in this build yet; use -- curl -fsS <url>');
}
