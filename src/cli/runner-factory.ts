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
      env,
    });
  }
  if (config.mode === 'http' && config.http) {
    // undici is loaded only here, so a command run does not pay for it at start-up.
    const { createHttpRunner } = await import('../runners/http.js');
    return createHttpRunner({ http: config.http, stdout: process.stdout, stdin: process.stdin });
  }
  throw new UsageError('nothing to run');
}
