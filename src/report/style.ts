/** The few text styles retry-run uses. chalk's functions fit it, and so does plain text. */
export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  magenta(text: string): string;
  cyan(text: string): string;
}

const same = (text: string) => text;
export const plainStyle: Style = {
  bold: same,
  dim: same,
  red: same,
  green: same,
  yellow: same,
  magenta: same,
  cyan: same,
};

/**
 * Colours for stderr: on where a person watches (a terminal, TERM not `dumb`) or where
 * FORCE_COLOR asks; off when NO_COLOR is set to anything non-empty (https://no-color.org),
 * which wins over a terminal. chalk is loaded only when colour is on, so a run in CI or in a
 * pipe never pays for it.
 */
export function stderrStyle(env: NodeJS.ProcessEnv = process.env): Promise<Style> {
  return styleFor(process.stderr, 'stderr', env);
}

/** Colours for retry-run's log, wherever `--log-file` sends it, under the same rules. */
export function logStyle(
  sink: { isTTY?: boolean },
  env: NodeJS.ProcessEnv = process.env,
): Promise<Style> {
  return styleFor(sink, 'stderr', env);
}

/** Colours for stdout (the explain, breaker and stats tables), under the same rules. */
export function stdoutStyle(env: NodeJS.ProcessEnv = process.env): Promise<Style> {
  return styleFor(process.stdout, 'stdout', env);
}

async function styleFor(
  stream: { isTTY?: boolean },
  name: 'stdout' | 'stderr',
  env: NodeJS.ProcessEnv,
): Promise<Style> {
  if (!wantsColour(stream, env)) return plainStyle;
  const { Chalk, supportsColor, supportsColorStderr } = await import('chalk');
  const support = name === 'stderr' ? supportsColorStderr : supportsColor;
  return support && support.level > 0 ? new Chalk({ level: support.level }) : plainStyle;
}

function wantsColour(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR && !env.FORCE_COLOR) return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}
