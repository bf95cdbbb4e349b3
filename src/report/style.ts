import { Chalk, supportsColor, supportsColorStderr, type ChalkInstance } from 'chalk';

/**
 * Colours for stderr: on when stderr is a terminal (or FORCE_COLOR asks), off when NO_COLOR
 * is set to anything non-empty (https://no-color.org), which wins over a terminal.
 */
export function stderrStyle(env: NodeJS.ProcessEnv = process.env): ChalkInstance {
  if (env.NO_COLOR && !env.FORCE_COLOR) return new Chalk({ level: 0 });
  return new Chalk({ level: supportsColorStderr ? supportsColorStderr.level : 0 });
}

/** Colours for stdout (the explain and stats tables), under the same rules. */
export function stdoutStyle(env: NodeJS.ProcessEnv = process.env): ChalkInstance {
  if (env.NO_COLOR && !env.FORCE_COLOR) return new Chalk({ level: 0 });
  return new Chalk({ level: supportsColor ? supportsColor.level : 0 });
}
