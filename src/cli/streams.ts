import { writeSync } from 'node:fs';

/**
 * A reader that stops early (`retry-run --help | head`) closes our pipe: that is not an error
 * of retry-run's, so it must not crash it. Without a listener, any write error on stdout or
 * stderr would be thrown; the code that writes a command's output or an HTTP body listens for
 * its own errors and decides what they mean for the attempt.
 */
export function ignoreClosedPipes(stream: NodeJS.WriteStream): NodeJS.WriteStream {
  if (!guarded.has(stream)) {
    stream.on('error', () => {});
    guarded.add(stream);
  }
  return stream;
}

const guarded = new WeakSet<NodeJS.WriteStream>();

/**
 * Our stdout, for what retry-run prints there itself (help, explain, stats, an HTTP body).
 * Only touched when used: creating process.stdout costs start-up time a command run does
 * not need, since its command writes to the inherited descriptor directly.
 */
export function stdout(): NodeJS.WriteStream {
  return ignoreClosedPipes(process.stdout);
}

/**
 * Guards process.stderr (ignoreClosedPipes) from the moment it is first used, without making
 * it now: Node creates the stream on first use, about a millisecond that a quiet run which
 * succeeds never needs (README "Performance"). Its own getter is wrapped once, and put back
 * as soon as the stream exists.
 */
export function guardStderrWhenUsed(): void {
  const nodes = Object.getOwnPropertyDescriptor(process, 'stderr');
  if (!nodes?.get || !nodes.configurable) {
    ignoreClosedPipes(process.stderr);
    return;
  }
  stderrMade = false;
  Object.defineProperty(process, 'stderr', {
    configurable: true,
    enumerable: nodes.enumerable ?? true,
    get() {
      Object.defineProperty(process, 'stderr', nodes);
      stderrMade = true;
      return ignoreClosedPipes(process.stderr);
    },
  });
}

/** Whether process.stderr may exist (it does unless guardStderrWhenUsed has kept it unmade). */
let stderrMade = true;

/**
 * Writes retry-run's own text to stderr. Until process.stderr has been made, straight to the
 * descriptor, as Node's stream would for a file, and does for a pipe or a terminal once it
 * has made it blocking: the stream's first write, through code that runs for the first time,
 * cost each run that prints about a millisecond and a half (README "Performance"). With
 * nothing else written through the stream yet, nothing can be overtaken. A descriptor that
 * would block (EAGAIN) gets the rest through the stream; one that is closed, nothing, as the
 * stream's guard would have it.
 */
export function writeStderr(text: string): void {
  if (stderrMade) {
    process.stderr.write(text);
    return;
  }
  const bytes = Buffer.from(text);
  let written = 0;
  try {
    while (written < bytes.length) written += writeSync(2, bytes, written);
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') return;
  }
  process.stderr.write(bytes.subarray(written));
}
